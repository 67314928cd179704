package org.patchlane.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.ingest.Ingester;
import org.patchlane.ingest.Progress;
import org.patchlane.report.CheckJson;
import org.patchlane.report.Json;
import org.patchlane.report.LinkJson;
import org.patchlane.review.Maintainers;
import org.patchlane.review.Policy;
import org.patchlane.store.Archive;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

/** Links and checks on {@link PoolStory}: every kind, versions followed, false friends, any arrival order. */
class LinkerTest {
    @TempDir
    Path tmp;

    @Test
    void usersOfTheInfrastructureWithTheirEvidence() throws Exception {
        try (Searcher s = ingest(PoolStory.mails(), tmp.resolve("data"))) {
            Links links = new Linker(s.links()).links(series(s, PoolStory.V2_COVER));
            assertEquals(List.of(), links.prerequisites());
            assertEquals(List.of(
                            "gamma-1@gamma.com depends-on v1 on v2 Depends-on: <pool-v2-0@corelib.org>",
                            "acme-1@acme.com same-thread v1 on v1 posted in reply to <pool-v1-0@corelib.org>",
                            "acme-1@acme.com symbol v1 on v1 uses foo_pool_create (added by v1)",
                            "beta-1@beta.com symbol v1 on v1 uses foo_pool_create, foo_pool_destroy (added by v1)"),
                    describe(links.users()));
        }
    }

    @Test
    void aDriverBuiltOnTheOlderVersionSaysSo() throws Exception {
        try (Searcher s = ingest(PoolStory.mails(), tmp.resolve("data"))) {
            List<Link> needs = new Linker(s.links()).prerequisites(series(s, PoolStory.BETA));
            assertEquals(1, needs.size(), describe(needs).toString());
            Link l = needs.get(0);
            assertEquals(LinkKind.SYMBOL, l.kind());
            assertEquals(1, l.version(), "built on v1: foo_pool_destroy() is gone in v2");
            assertEquals(2, l.latestVersion());
            assertTrue(l.outdated());
            assertEquals(PoolStory.BETA, l.givenIn());
            assertEquals(0.7, l.confidence(), 1e-9, "two symbols, one of them exported: 0.5 + 0.1 + 0.1");
        }
    }

    @Test
    void falseFriendsNeverLink() throws Exception {
        try (Searcher s = ingest(PoolStory.mails(), tmp.resolve("data"))) {
            Linker linker = new Linker(s.links());
            // Named only in a comment, a string, a removed and a context line.
            assertEquals(List.of(), linker.prerequisites(series(s, PoolStory.COMMENT_ONLY)));
            // The quoting reply is not a series; it must not appear as a user either.
            assertFalse(describe(linker.users(series(s, PoolStory.V2_COVER))).toString().contains("quote-1"));
        }
    }

    @Test
    void reExportingOrMovingASymbolAddsNoApi() throws Exception {
        // As on linux-watchdog: "Symbol Namespaces" turned EXPORT_SYMBOL_GPL(x) into EXPORT_SYMBOL_NS_GPL(x, NS),
        // and a refactor moved a declaration; neither adds the symbol, so later users of it do not need them.
        List<ListMail> mails = new ArrayList<>(PoolStory.mails());
        mails.add(ListMail.of("ns-1@corelib.org", "Nat Space <nat@corelib.org>",
                "[PATCH] mm: foo_pool: export into the FOO_POOL namespace", "Mon, 23 Nov 2026 10:00:00 +0000")
                .body("Namespaces.")
                .diff("mm/foo_pool.c", " /**", "- * foo_pool_create: the pool's constructor", "+ * foo_pool_create: new",
                        " */", " int x;", "-EXPORT_SYMBOL_GPL(foo_pool_create);",
                        "+EXPORT_SYMBOL_NS_GPL(foo_pool_create, FOO_POOL);")
                .diff("include/linux/foo_pool.h", "-unsigned long foo_pool_stats(struct foo_pool *pool);")
                .diff("include/linux/foo_pool_stats.h", "+unsigned long foo_pool_stats(struct foo_pool *pool);"));
        mails.add(ListMail.of("delta-1@delta.com", "Dee Dev <dee@delta.com>", "[PATCH] delta: use a foo_pool",
                "Tue, 24 Nov 2026 10:00:00 +0000").body("A pool.")
                .diff("drivers/net/delta.c", " static int delta_open(struct delta *d)", " {",
                        "+	d->pool = foo_pool_create(8);", "+	d->n = foo_pool_stats(d->pool);"));
        try (Searcher s = ingest(mails, tmp.resolve("data"))) {
            Linker linker = new Linker(s.links());
            assertEquals(List.of(PoolStory.V1_COVER + " symbol v2 on v1 uses foo_pool_create, foo_pool_stats (added by v2)"),
                    describe(linker.prerequisites(series(s, "delta-1@delta.com"))));
            assertEquals(List.of(), linker.users(series(s, "ns-1@corelib.org")));
            assertEquals(List.of(), new Checker(s.links(), policy()).check(series(s, "ns-1@corelib.org")).exports());
        }
    }

    @Test
    void checksOfTheInfrastructure() throws Exception {
        try (Searcher s = ingest(PoolStory.mails(), tmp.resolve("data"))) {
            SeriesCheck c = new Checker(s.links(), policy()).check(series(s, PoolStory.V2_COVER));
            assertTrue(c.infrastructure());
            assertEquals(List.of("foo_pool_create", "foo_pool_free", "foo_pool_stats"), c.exports());
            Check together = c.checks().get(0);
            assertEquals(CheckName.POSTED_TOGETHER, together.name());
            assertEquals(Verdict.PASS, together.verdict(), together.evidence().toString());
            assertTrue(together.evidence().stream().anyMatch(e -> e.contains("outside the 7-day window")),
                    together.evidence().toString());
            Check exports = c.checks().get(1);
            assertEquals(Verdict.FAIL, exports.verdict());
            assertEquals(List.of(
                    "foo_pool_create: used by \"acme: keep descriptors in a foo_pool\" (" + id(s, PoolStory.ACME)
                            + ", v1), \"RDMA/beta: keep queues in a foo_pool\" (" + id(s, PoolStory.BETA) + ", v1)",
                    "foo_pool_free: exported, but no linked series uses it",
                    "foo_pool_stats: exported, but no linked series uses it"), exports.evidence());
            Check acks = c.checks().get(2);
            assertEquals(Verdict.FAIL, acks.verdict());
            // Mia's ack on the v1 cover is carried to v2 2/2 (unchanged) only; v2 1/2 changed.
            assertEquals("FOO POOL ALLOCATOR: no Acked-by or Reviewed-by from Mia Maintainer on 1/2 (given on 2/2)",
                    acks.evidence().get(0));
            assertEquals(List.of("Mia Maintainer/FOO POOL ALLOCATOR", "Gil Gamma/GAMMA RDMA DRIVER",
                            "Ann Acme/ACME ETHERNET DRIVER", "Bob Beta/BETA RDMA DRIVER"),
                    acks.missing().stream().map(m -> m.person().name() + "/" + m.area()).toList());
            assertEquals(Verdict.NOT_APPLICABLE, c.checks().get(3).verdict());
        }
    }

    @Test
    void checksOfTheDrivers() throws Exception {
        try (Searcher s = ingest(PoolStory.mails(), tmp.resolve("data"))) {
            Checker checker = new Checker(s.links(), policy());
            SeriesCheck beta = checker.check(series(s, PoolStory.BETA));
            assertFalse(beta.infrastructure());
            Check state = beta.checks().get(3);
            assertEquals(Verdict.FAIL, state.verdict());
            assertTrue(state.evidence().get(0).endsWith("built on v1, but v2 is the latest (symbol)"),
                    state.evidence().toString());
            SeriesCheck gamma = checker.check(series(s, PoolStory.GAMMA));
            assertEquals(Verdict.PASS, gamma.checks().get(3).verdict(), gamma.checks().get(3).evidence().toString());
            for (int i = 0; i < 3; i++) assertEquals(Verdict.NOT_APPLICABLE, gamma.checks().get(i).verdict());
        }
    }

    @Test
    void anAckThatLandsFlipsTheVerdict() throws Exception {
        List<ListMail> mails = new ArrayList<>(PoolStory.mails());
        Path data = tmp.resolve("data");
        try (Searcher s = ingest(mails, data)) {
            assertEquals(Verdict.FAIL, new Checker(s.links(), policy()).check(series(s, PoolStory.V2_COVER))
                    .checks().get(2).verdict());
        }
        List<ListMail> acks = new ArrayList<>();
        acks.add(ListMail.of("mia-ack-2@kernel.org", "Mia Maintainer <mia@kernel.org>",
                "Re: [PATCH v2 0/2] mm: add the foo_pool allocator", "Tue, 24 Nov 2026 09:00:00 +0000")
                .replyTo(PoolStory.V2_COVER).body("Acked-by: Mia Maintainer <mia@kernel.org>"));
        for (String[] who : new String[][] {{"Ann Acme <ann@acme.com>", "ann"}, {"Bob Beta <bob@beta.com>", "bob"},
                {"Gil Gamma <gil@gamma.com>", "gil"}}) {
            acks.add(ListMail.of(who[1] + "-ack@x.org", who[0], "Re: [PATCH v2 0/2] mm: add the foo_pool allocator",
                    "Tue, 24 Nov 2026 10:00:00 +0000").replyTo(PoolStory.V2_COVER).body("Reviewed-by: " + who[0]));
        }
        try (Searcher s = ingest(acks, data)) {
            Check acked = new Checker(s.links(), policy()).check(series(s, PoolStory.V2_COVER)).checks().get(2);
            assertEquals(Verdict.PASS, acked.verdict(), acked.evidence().toString());
            assertEquals(List.of(), acked.missing());
        }
    }

    @Test
    void seriesQueriesWithLinkTerms() throws Exception {
        try (Searcher s = ingest(PoolStory.mails(), tmp.resolve("data"))) {
            SeriesSearch search = new SeriesSearch(s, policy());
            String infra = id(s, PoolStory.V2_COVER);
            assertEquals(List.of(infra), ids(search.all("kind:infrastructure")));
            assertEquals(List.of(infra), ids(search.all("missing:ack")));
            assertEquals(List.of(infra), ids(search.all("check:exports-fail AND s:foo_pool")));
            assertEquals(List.of(), ids(search.all("missing:user")), "acme was posted in its thread");
            // acme was posted on v1 (v2 came a week later), beta used v1's foo_pool_destroy().
            assertEquals(List.of(id(s, PoolStory.BETA), id(s, PoolStory.ACME)), ids(search.all("check:prerequisite-fail")));
            assertEquals(List.of(id(s, PoolStory.GAMMA), id(s, PoolStory.BETA), id(s, PoolStory.ACME)),
                    ids(search.all("uses:" + infra)));
            assertEquals(List.of(id(s, PoolStory.BETA)), ids(search.all("area:beta")));
            assertEquals(4, search.all("NOT kind:infrastructure").size());
            assertEquals(1, search.page("kind:driver", 1, 1).series().size());
            assertEquals(4, search.page("kind:driver", 1, 1).total());
        }
    }

    private static List<String> ids(List<Series> series) {
        return series.stream().map(Series::id).toList();
    }

    @Test
    void arrivalOrderDoesNotChangeLinksOrVerdicts() throws Exception {
        String inOrder = report(PoolStory.mails(), tmp.resolve("in-order"));
        for (int seed = 1; seed <= 3; seed++) {
            List<ListMail> shuffled = new ArrayList<>(PoolStory.mails());
            Collections.shuffle(shuffled, new Random(seed));
            // One message per run, so each is linked as it arrives.
            Path data = tmp.resolve("order-" + seed);
            for (ListMail m : shuffled) ingest(List.of(m), data).close();
            String got = report(List.of(), data);
            if (!inOrder.equals(got)) {
                Files.writeString(tmp.getParent().resolve("linker-expected.json"), inOrder);
                Files.writeString(tmp.getParent().resolve("linker-order-" + seed + ".json"), got);
            }
            assertEquals(inOrder, got, "order " + seed);
        }
    }

    /** Every series' links and checks, as JSON. */
    private String report(List<ListMail> mails, Path data) throws IOException, Exception {
        try (Searcher s = ingest(mails, data)) {
            Checker checker = new Checker(s.links(), policy());
            Linker linker = new Linker(s.links());
            StringBuilder out = new StringBuilder();
            for (Series x : s.series("", 0, 100).series().stream()
                    .sorted(java.util.Comparator.comparing(Series::id)).toList()) {
                out.append(Json.write(LinkJson.of(linker.links(x)))).append(Json.write(CheckJson.of(checker.check(x))));
            }
            return out.toString();
        }
    }

    private static Policy policy() throws IOException {
        try (var in = LinkerTest.class.getResourceAsStream("/link/MAINTAINERS")) {
            return Policy.of(Maintainers.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    /** Ingests mails (none: just opens) into data and opens a searcher over it. */
    static Searcher ingest(List<ListMail> mails, Path data) throws IOException {
        if (!mails.isEmpty()) {
            Files.createDirectories(data);
            Path mbox = Files.createTempFile(data.getParent(), "mails", ".mbox");
            Files.writeString(mbox, PoolStory.mbox(mails), StandardCharsets.UTF_8);
            try (Archive archive = Archive.open(data)) {
                new Ingester(archive, null, Progress.NONE).run(List.of(mbox));
            }
        }
        return Searcher.open(data);
    }

    private static Series series(Searcher s, String messageId) throws IOException {
        return s.seriesOf(messageId).orElseThrow(() -> new AssertionError("no series for " + messageId));
    }

    private static String id(Searcher s, String messageId) throws IOException {
        return series(s, messageId).id();
    }

    /** "first-message kind vN on vM evidence" per link, the other series named by its first posting. */
    private static List<String> describe(List<Link> links) {
        return links.stream().map(l -> firstPosting(l.other()) + " " + l.kind().jsonName() + " v" + l.version()
                + " on v" + l.ownVersion() + " " + l.evidence()).collect(Collectors.toList());
    }

    private static String firstPosting(Series s) {
        var v = s.versions().get(0);
        return v.cover() != null ? v.cover() : v.patches().get(0).messageId();
    }
}
