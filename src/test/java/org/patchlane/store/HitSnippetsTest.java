package org.patchlane.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.mail.Mail;
import org.patchlane.mail.MailParser;
import org.patchlane.patch.PatchAnalyzer;
import org.patchlane.source.MailSource;
import org.patchlane.source.RawMessage;
import org.patchlane.source.Sources;

/**
 * Search hits read from their doc values are what the stored mail gives: on the demo archive's real mail (MIME,
 * quoted-printable, encoded words, patches, quotes), every hit of a table of queries has the stored subject, sender,
 * date, kind and list, and the snippet its re-parsed raw mail's own text gives.
 */
class HitSnippetsTest {
    @TempDir
    static Path data;
    private static Searcher searcher;

    @BeforeAll
    static void fill() throws Exception {
        Path mbox = data.resolve("demo.mbox");
        try (InputStream in = HitSnippetsTest.class.getResourceAsStream("/demo/linux-rdma.mbox")) {
            Files.copy(in, mbox);
        }
        try (Archive archive = Archive.open(data.resolve("data")); MailSource source = Sources.open(mbox, k -> null)) {
            RawMessage m;
            while ((m = source.next()) != null) {
                Mail mail = MailParser.parse(m.bytes(), m.envelopeDate(), m.truncated());
                archive.add(new StoredMessage(m.bytes(), mail, PatchAnalyzer.analyze(mail), "linux-rdma",
                        m.envelopeDate(), m.truncated()));
            }
            archive.commit(Map.of());
        }
        searcher = Searcher.open(data.resolve("data"), Fixture.CLOCK);
    }

    @AfterAll
    static void close() throws Exception {
        searcher.close();
    }

    @Test
    void hitsAreWhatTheStoredMailGives() throws Exception {
        List<String> queries = List.of("", "auxiliary", "s:auxiliary", "nq:lifetime", "b:refcount", "dfb:kfree",
                "f:leon", "kind:patch AND auxiliary", "\"auxiliary device\"", "ack:jason", "rb:greg", "aux*",
                "dfn:auxiliary.c", "bs:\"use-after-free\"", "s:\"GIT PULL\" OR nq:merge", "q:auxiliary",
                "d:2026-11-01..2026-11-20 AND kind:reply", "applied OR thanks", "irdma NOT kind:patch");
        QuerySyntax syntax = new QuerySyntax(Fixture.CLOCK);
        Snippets snippets = new Snippets();
        int marked = 0;
        for (String q : queries) {
            Query parsed = syntax.parse(q);
            SearchResult r = searcher.search(q, 0, Searcher.MAX_LIMIT, true);
            assertEquals(r.total(), r.hits().size(), q);
            for (Hit hit : r.hits()) {
                StoredRecord stored = searcher.get(hit.messageId()).get(0);
                String where = q + " / " + hit.messageId();
                assertEquals(stored.subject(), hit.subject(), where);
                assertEquals(stored.from(), hit.from(), where);
                assertEquals(stored.date(), hit.date(), where);
                assertEquals(stored.kind(), hit.kind(), where);
                assertEquals(stored.list(), hit.list(), where);
                Mail mail = MailParser.parse(stored.raw(), stored.envelopeDate(), stored.truncated());
                Snippets.Snippet expected = snippets.of(parsed, mail.body().own());
                assertEquals(expected.text(), hit.snippet(), where);
                assertEquals(expected.highlights(), hit.highlights(), where);
                marked += hit.highlights().size();
            }
        }
        assertTrue(marked > 50, "the queries mark words in the demo's mail: " + marked);
    }
}
