package org.patchlane.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.patchlane.thread.Post;
import org.patchlane.thread.SeriesUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.mail.Address;
import org.patchlane.mail.MailFlag;
import org.patchlane.patch.MessageKind;

/** Ordering, paging, snippets, fetching, counting and streaming over the fixture archive. */
class SearcherTest {
    @TempDir
    static Path data;
    private static Searcher searcher;
    private static final Map<String, TestMessage> BY_ID = new HashMap<>();

    @BeforeAll
    static void fill() throws Exception {
        try (Archive archive = Archive.open(data)) {
            List<Post> posts = new ArrayList<>();
            for (TestMessage m : Fixture.messages()) {
                BY_ID.put(m.build().mail().messageId(), m);
                archive.add(m.build());
                posts.add(m.build().post());
            }
            SeriesUpdate.apply(posts, archive.posts(), archive::replaceSeries);
            archive.commit(Map.of());
        }
        searcher = Searcher.open(data, Fixture.CLOCK);
    }

    @AfterAll
    static void close() throws Exception {
        searcher.close();
    }

    private static List<String> ids(SearchResult r) {
        return r.hits().stream().map(h -> h.messageId().replace("@example.org", "")).toList();
    }

    @Test
    void pagesNewestFirstWithUndatedLast() throws Exception {
        assertEquals(List.of("recent", "pull", "nak"), ids(searcher.search("", 0, 3)));
        assertEquals(List.of("reply1", "patch1", "cover"), ids(searcher.search("", 3, 3)));
        SearchResult last = searcher.search("", 6, 3);
        assertEquals(List.of("old", "single"), ids(last));
        assertEquals(8, last.total());
        assertEquals(6, last.offset());
        assertNull(last.hits().get(1).date());
        assertEquals(List.of(), ids(searcher.search("", 8, 3)));
    }

    @Test
    void hitCarriesStoredFields() throws Exception {
        Hit hit = searcher.search("m:patch1@example.org", 0, 1).hits().get(0);
        assertEquals("[PATCH v2 1/3] RDMA/mlx5: fix the frobnicator leak", hit.subject());
        assertEquals(new Address("Leon Romanovsky", "leon@kernel.org"), hit.from());
        assertEquals(Instant.parse("2026-11-02T10:00:00Z"), hit.date());
        assertEquals(MessageKind.PATCH, hit.kind());
        assertEquals("linux-rdma", hit.list());
        assertEquals("", hit.snippet());
        assertEquals(List.of(), hit.highlights());
    }

    /** Every highlighted span, lower-cased, of the hit for one message. */
    private static List<String> marked(String query, String id) throws Exception {
        Hit hit = searcher.search(query, 0, 20, true).hits().stream()
                .filter(h -> h.messageId().equals(id)).findFirst().orElseThrow();
        List<String> out = new ArrayList<>();
        for (Hit.Highlight h : hit.highlights()) out.add(hit.snippet().substring(h.start(), h.end()).toLowerCase(Locale.ROOT));
        return out;
    }

    @Test
    void highlightsWordsPhrasesAndOtherFieldsInTheBody() throws Exception {
        assertEquals(List.of("frobnicator"), marked("frobnicator", "patch1@example.org"));
        // Phrases are marked word by word: whole-phrase marks need weight matching, which marks nothing as soon as
        // the query also has a clause the body cannot match (kind:patch AND word).
        assertEquals(List.of("frobnicator", "leaks"), marked("\"frobnicator leaks\"", "patch1@example.org"));
        assertEquals(List.of("frobnicator"), marked("kind:patch AND frobnicator", "patch1@example.org"));
        // Snippets are cut from the mail's own text: the reply matches in its quote, which is not shown.
        assertEquals(List.of(), marked("frobnicator", "reply1@example.org"));
        assertEquals(List.of("frobnicator"), marked("s:frobnicator", "cover@example.org"));
        assertEquals(List.of("unload", "leon", "leon"), marked("nq:unload sob:leon", "patch1@example.org"));
        assertEquals(List.of("looks"), marked("loo*", "reply1@example.org"));
    }

    @Test
    void snippetIsPlainTextWithoutLineBreaks() throws Exception {
        Hit hit = searcher.search("m:reply1@example.org", 0, 1, true).hits().get(0);
        assertFalse(hit.snippet().contains("\n"), hit.snippet());
        assertTrue(hit.snippet().startsWith("Looks good to me.  Reviewed-by: Jason Gunthorpe"), hit.snippet());
        assertEquals(List.of(), hit.highlights());
    }

    @Test
    void longLinesAreCutAroundTheMatch() throws Exception {
        String word = "lorem ".repeat(400) + "needle " + "ipsum ".repeat(400);
        Snippets.Snippet s = new Snippets().of(new QuerySyntax(Fixture.CLOCK).parse("needle"), word);
        assertTrue(s.text().length() <= Snippets.PASSAGE_MAX, s.text().length() + "");
        assertEquals(1, s.highlights().size());
        Hit.Highlight h = s.highlights().get(0);
        assertEquals("needle", s.text().substring(h.start(), h.end()));
    }

    @Test
    void getsByMessageIdWithOrWithoutBrackets() throws Exception {
        List<StoredRecord> records = searcher.get("<pull@example.org>");
        assertEquals(1, records.size());
        StoredRecord r = records.get(0);
        assertArrayEquals(BY_ID.get("pull@example.org").build().raw(), r.raw());
        assertEquals(Set.of(MailFlag.CHARSET, MailFlag.TRUNCATED), r.flags());
        assertTrue(r.truncated());
        assertEquals(MessageKind.PULL, r.kind());
        assertEquals("[GIT PULL] rdma fixes for 6.19", r.subject());
        assertNull(r.envelopeDate());
        assertEquals(Instant.parse("2026-11-05T07:00:00Z"), r.date());
        assertEquals(1, searcher.get("pull@example.org").size());
        assertEquals(List.of(), searcher.get("absent@example.org"));
    }

    @Test
    void countsKindsFlagsListsAndSeries() throws Exception {
        Stats s = searcher.stats();
        assertEquals(8, s.messages());
        assertEquals(1, s.flagged());
        assertEquals(2, s.patches());
        assertEquals(1, s.covers());
        assertEquals(1, s.pulls());
        assertEquals(2, s.replies());
        // the series of cover 0/3, the one of patch 1/3 replying to nothing, the unnumbered single patch
        assertEquals(3, s.series());
        assertEquals(Map.of("linux-rdma", 7L, "netdev", 1L), s.lists());
        assertTrue(s.indexBytes() > 0);
    }

    @Test
    void streamsEveryRecord() throws Exception {
        List<String> seen = new ArrayList<>();
        searcher.forEach(r -> seen.add(r.messageId()));
        assertEquals(BY_ID.keySet(), Set.copyOf(seen));
        assertEquals(8, seen.size());
    }

    @Test
    void rejectsPagesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> searcher.search("", -1, 10));
        assertThrows(IllegalArgumentException.class, () -> searcher.search("", 0, 0));
        assertThrows(IllegalArgumentException.class, () -> searcher.search("", 0, Searcher.MAX_LIMIT + 1));
        assertThrows(QuerySyntaxException.class, () -> searcher.search("foo)", 0, 10));
    }

    /** {@code w0 OR w1 OR ... OR w(n-1)}, with an optional prefix on each word. */
    static String ors(String prefix, int n) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) words.add(prefix + "w" + i);
        return String.join(" OR ", words);
    }

    /**
     * A query the engine refuses for its size is a bad query naming the limit, whether the parser refuses it or the
     * search that expands it (900 bare words are 2,700 clauses, found only when searching).
     */
    @Test
    void tooManyClausesIsABadQueryNamingTheLimit() {
        String limit = String.valueOf(org.apache.lucene.search.IndexSearcher.getMaxClauseCount());
        for (String q : List.of(ors("", 900), ors("s:", 1100), "kind:patch AND (" + ors("", 900) + ")")) {
            QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> searcher.search(q, 0, 10, true));
            assertTrue(e.getMessage().contains("more clauses than the " + limit), e.getMessage());
            assertEquals(q, e.query());
            QuerySyntaxException s = assertThrows(QuerySyntaxException.class, () -> searcher.series(q, 0, 10));
            assertTrue(s.getMessage().contains("more clauses than the " + limit), s.getMessage());
        }
    }
}
