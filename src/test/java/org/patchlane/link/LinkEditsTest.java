package org.patchlane.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.mail.Address;
import org.patchlane.review.LinkAction;
import org.patchlane.review.Maintainers;
import org.patchlane.review.Policy;
import org.patchlane.store.LinkEdits;
import org.patchlane.store.LinkIndex;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

/**
 * The maintainers' link edits on {@link PoolStory}: an added link is a user or prerequisite like any other, in
 * every check; a removed one is in none, but still listed with who removed it and why; a kept (in-memory) link
 * index sees an edit made through another handle on the repository at once.
 */
class LinkEditsTest {
    private static final Address LEON = new Address("Leon Romanovsky", "leon@kernel.org");
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    /**
     * A driver posted a month before the allocator (developed against an out-of-tree copy): it uses the two exports
     * nothing else uses, but the mail cannot link it, since a prerequisite is posted before its user.
     */
    private static final String EARLY = "early-1@delta.com";

    @TempDir
    Path tmp;

    private static List<ListMail> mails() {
        List<ListMail> mails = new ArrayList<>(PoolStory.mails());
        mails.add(ListMail.of(EARLY, "Dee Dev <dee@delta.com>", "[PATCH net-next] delta: free the pools",
                        "Thu, 01 Oct 2026 10:00:00 +0000").body("Release the pools and print their use.")
                .diff("drivers/net/ethernet/delta/delta/delta_main.c", " static void delta_stop(struct delta *d)",
                        " {", "+\tpr_info(\"%lu\\n\", foo_pool_stats(d->pool));", "+\tfoo_pool_free(d->pool);"));
        return mails;
    }

    @Test
    void anAddedUserCountsInTheChecksAndReadsTheSameFromBothEnds() throws Exception {
        try (Searcher s = LinkerTest.ingest(mails(), tmp.resolve("data"))) {
            Series pool = series(s, PoolStory.V2_COVER);
            Series early = series(s, EARLY);
            Check exports = check(s, s.links(), pool, CheckName.EXPORTS);
            assertEquals(Verdict.FAIL, exports.verdict(), "nothing the mail links uses foo_pool_free or foo_pool_stats");
            assertFalse(ids(new Linker(s.links()).users(pool)).contains(early.id()));

            s.linkEdits().record(early, pool, LinkAction.ADD, "built on the out-of-tree foo_pool", LEON, AT);

            Links of = new Linker(s.links()).links(pool);
            Link added = of.users().stream().filter(l -> l.other().id().equals(early.id())).findFirst().orElseThrow();
            assertEquals(LinkKind.MANUAL, added.kind());
            assertEquals("added by Leon Romanovsky on 2026-12-01: built on the out-of-tree foo_pool", added.evidence());
            assertEquals(1.0, added.confidence());
            assertEquals("leon@kernel.org", added.edit().email());
            assertNull(added.givenIn());
            Link back = new Linker(s.links()).prerequisites(early).get(0);
            assertEquals(pool.id(), back.other().id());
            assertEquals(LinkKind.MANUAL, back.kind());
            assertEquals(2, back.version(), "no mail names a version: the latest");
            Check now = check(s, s.links(), pool, CheckName.EXPORTS);
            assertEquals(Verdict.PASS, now.verdict(), now.evidence().toString());
            assertTrue(now.evidence().get(1).startsWith("foo_pool_free: used by \"delta: free the pools\""),
                    now.evidence().toString());
            // The early driver's maintainers are now asked for their ack too (none is listed for delta: unchanged),
            // and the driver itself is checked against its prerequisite.
            assertEquals(Verdict.PASS, check(s, s.links(), early, CheckName.PREREQUISITE_STATE).verdict());
        }
    }

    @Test
    void aRemovedLinkIsInNoCheckButStillShownWithWhoAndWhy() throws Exception {
        try (Searcher s = LinkerTest.ingest(mails(), tmp.resolve("data"))) {
            Series pool = series(s, PoolStory.V2_COVER);
            Series acme = series(s, PoolStory.ACME);
            assertEquals(Verdict.FAIL, check(s, s.links(), acme, CheckName.PREREQUISITE_STATE).verdict(),
                    "built on v1");
            Check acks = check(s, s.links(), pool, CheckName.REQUIRED_ACKS);
            assertTrue(people(acks).contains("Ann Acme"), people(acks).toString());

            s.linkEdits().record(acme, pool, LinkAction.REMOVE, "acme keeps its own pool; the call was an example",
                    LEON, AT);

            Links acmeLinks = new Linker(s.links()).links(acme);
            assertEquals(List.of(), acmeLinks.prerequisites());
            assertEquals(List.of(LinkKind.SAME_THREAD, LinkKind.SYMBOL),
                    acmeLinks.removedPrerequisites().stream().map(Link::kind).toList(),
                    "every kind of link the mail gives is removed, each still shown");
            for (Link l : acmeLinks.removedPrerequisites()) {
                assertEquals("removed by Leon Romanovsky on 2026-12-01: acme keeps its own pool; the call was an example",
                        l.edit().summary());
            }
            assertEquals(Verdict.NOT_APPLICABLE, check(s, s.links(), acme, CheckName.PREREQUISITE_STATE).verdict());
            Links poolLinks = new Linker(s.links()).links(pool);
            assertFalse(ids(poolLinks.users()).contains(acme.id()));
            assertTrue(ids(poolLinks.removedUsers()).contains(acme.id()));
            Check after = check(s, s.links(), pool, CheckName.REQUIRED_ACKS);
            assertFalse(people(after).contains("Ann Acme"), people(after).toString());
            // acme was the user posted in the thread: without it no user is posted together.
            assertEquals(Verdict.FAIL, check(s, s.links(), pool, CheckName.POSTED_TOGETHER).verdict());

            // Adding it back restores the mail's links, with the maintainer's beside them.
            s.linkEdits().record(acme, pool, LinkAction.ADD, "it does use it after all", LEON, AT.plusSeconds(60));
            Links restored = new Linker(s.links()).links(acme);
            assertEquals(List.of(LinkKind.MANUAL, LinkKind.SAME_THREAD, LinkKind.SYMBOL),
                    restored.prerequisites().stream().map(Link::kind).toList());
            assertEquals(1, restored.prerequisites().get(0).version(), "the mail's strongest link says v1");
            assertEquals(Verdict.FAIL, check(s, s.links(), acme, CheckName.PREREQUISITE_STATE).verdict(),
                    "built on v1 again");
            assertEquals(List.of(), restored.removedPrerequisites());
        }
    }

    @Test
    void seriesQueriesOnLinksAndChecksHonourTheEdits() throws Exception {
        try (Searcher s = LinkerTest.ingest(mails(), tmp.resolve("data"))) {
            Series pool = series(s, PoolStory.V2_COVER);
            Series acme = series(s, PoolStory.ACME);
            Series early = series(s, EARLY);
            SeriesSearch search = new SeriesSearch(s, policy());
            assertTrue(ids(search.all("uses:" + pool.id())).contains(acme.id()));
            assertTrue(ids(search.all("check:prerequisite-fail")).contains(acme.id()));
            assertTrue(ids(search.all("check:exports-fail")).contains(pool.id()));
            s.linkEdits().record(acme, pool, LinkAction.REMOVE, "not a user", LEON, AT);
            s.linkEdits().record(early, pool, LinkAction.ADD, "a user", LEON, AT);
            List<String> users = ids(search.all("uses:" + pool.id()));
            assertFalse(users.contains(acme.id()), users.toString());
            assertTrue(users.contains(early.id()), users.toString());
            assertFalse(ids(search.all("check:prerequisite-fail")).contains(acme.id()));
            assertFalse(ids(search.all("check:exports-fail")).contains(pool.id()), "early uses the other exports");
        }
    }

    private static List<String> ids(Iterable<Series> series) {
        List<String> out = new ArrayList<>();
        series.forEach(x -> out.add(x.id()));
        return out;
    }

    @Test
    void anAddedLinkUndoneIsListedAsRemoved() throws Exception {
        try (Searcher s = LinkerTest.ingest(mails(), tmp.resolve("data"))) {
            Series pool = series(s, PoolStory.V2_COVER);
            Series early = series(s, EARLY);
            s.linkEdits().record(early, pool, LinkAction.ADD, "guess", LEON, AT);
            s.linkEdits().record(early, pool, LinkAction.REMOVE, "wrong guess", LEON, AT.plusSeconds(5));
            Links links = new Linker(s.links()).links(early);
            assertEquals(List.of(), links.prerequisites());
            assertEquals(1, links.removedPrerequisites().size());
            assertEquals(LinkKind.MANUAL, links.removedPrerequisites().get(0).kind());
            assertEquals("wrong guess", links.removedPrerequisites().get(0).edit().why());
            assertEquals(Verdict.FAIL, check(s, s.links(), pool, CheckName.EXPORTS).verdict());
        }
    }

    @Test
    void theKeptLinksOfTheInMemoryIndexFollowAnEditMadeElsewhere() throws Exception {
        Path data = tmp.resolve("data");
        LinkerTest.ingest(mails(), data).close();
        try (Searcher s = Searcher.open(data); LinkEdits elsewhere = LinkEdits.of(data)) {
            LinkIndex kept = s.linkSnapshot();
            assertTrue(kept.inMemory());
            Series pool = series(s, PoolStory.V2_COVER);
            Series early = series(s, EARLY);
            Policy policy = policy();
            assertEquals(Verdict.FAIL, check(kept, policy, pool, CheckName.EXPORTS).verdict());
            assertFalse(ids(new Linker(kept).users(pool)).contains(early.id()));
            // Another handle on the repository, as another process has: this searcher's own is not told.
            elsewhere.record(early, pool, LinkAction.ADD, "uses the exports", LEON, AT);
            assertTrue(ids(new Linker(kept).users(pool)).contains(early.id()));
            assertEquals(Verdict.PASS, check(kept, policy, pool, CheckName.EXPORTS).verdict());
            elsewhere.record(early, pool, LinkAction.REMOVE, "it does not after all", LEON, AT.plusSeconds(1));
            assertFalse(ids(new Linker(kept).users(pool)).contains(early.id()));
            assertEquals(Verdict.FAIL, check(kept, policy, pool, CheckName.EXPORTS).verdict());
        }
    }

    private static Check check(Searcher s, LinkIndex index, Series series, CheckName name) throws IOException {
        return check(index, policy(), series, name);
    }

    private static Check check(LinkIndex index, Policy policy, Series series, CheckName name) throws IOException {
        return new Checker(index, policy).check(series).checks().stream().filter(c -> c.name() == name).findFirst()
                .orElseThrow();
    }

    private static List<String> people(Check c) {
        return c.missing().stream().map(m -> m.person().name()).toList();
    }

    private static List<String> ids(List<Link> links) {
        return links.stream().map(l -> l.other().id()).toList();
    }

    private static Series series(Searcher s, String messageId) throws IOException {
        return s.seriesOf(messageId).orElseThrow(() -> new AssertionError("no series for " + messageId));
    }

    private static Policy policy() throws IOException {
        try (var in = LinkEditsTest.class.getResourceAsStream("/link/MAINTAINERS")) {
            return Policy.of(Maintainers.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }
}
