package org.patchlane.link;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.patchlane.SharedData;
import org.patchlane.ingest.Ingester;
import org.patchlane.ingest.Progress;
import org.patchlane.store.Archive;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

/**
 * Links on the real linux-watchdog archive (2019-2026, 16,365 messages): links checked by hand against the mails
 * are found, and the false ones the first measurement showed (symbols a series only re-exported or moved) are not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchdogLinksTest {
    private Path data;
    private Searcher searcher;
    private Linker linker;

    @BeforeAll
    void ingest() throws IOException {
        Path archive = SharedData.require("corpus/lore-linux-watchdog/archive");
        data = Files.createTempDirectory("watchdog-links");
        try (Archive a = Archive.open(data)) {
            new Ingester(a, "linux-watchdog", Progress.NONE).run(List.of(archive));
        }
        searcher = Searcher.open(data);
        linker = new Linker(searcher.links());
    }

    @AfterAll
    void close() throws IOException {
        if (searcher != null) searcher.close();
        if (data != null) {
            try (Stream<Path> s = Files.walk(data)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void countsByKind() throws Exception {
        List<Series> all = new ArrayList<>();
        for (int off = 0; ; off += Searcher.MAX_LIMIT) {
            List<Series> page = searcher.series("", off, Searcher.MAX_LIMIT).series();
            all.addAll(page);
            if (page.size() < Searcher.MAX_LIMIT) break;
        }
        Map<LinkKind, Integer> counts = new TreeMap<>();
        for (Series s : all) for (Link l : linker.prerequisites(s)) counts.merge(l.kind(), 1, Integer::sum);
        System.out.println("linux-watchdog: " + all.size() + " series, prerequisite links by kind: " + counts);
        assertTrue(all.size() > 1000, "series: " + all.size());
        // Before re-exports stopped counting, "Symbol Namespaces" alone gave 148 symbol links.
        assertTrue(counts.getOrDefault(LinkKind.SYMBOL, 0) < 200, counts.toString());
    }

    @Test
    void b4PrerequisitePatchIds() throws IOException {
        // "this series (on top of Guenter's patches to this driver from Saturday [1])"
        assertLink("20230306090919.2206871-1-u.kleine-koenig@pengutronix.de",
                "20230304165653.2179835-1-linux@roeck-us.net", LinkKind.PREREQUISITE_PATCH_ID);
        // "This has a functional dependency on [1]": the bark-irq fix of the qcom watchdog driver.
        assertLink("cover.1611466260.git.saiprakash.ranjan@codeaurora.org",
                "20210126150241.10009-1-saiprakash.ranjan@codeaurora.org", LinkKind.PREREQUISITE_PATCH_ID);
    }

    @Test
    void prose() throws IOException {
        // "Depends on: https://lore.kernel.org/lkml/20210511061812.480172-1-juergh@canonical.com/"
        assertLink("20210520072918.76482-1-juergh@canonical.com", "20210511061812.480172-1-juergh@canonical.com",
                LinkKind.PROSE);
        // "DT bindings are rebased on top of: https://lore.kernel.org/r/20221117105845.13644-2-..."
        assertLink("20230113103346.29381-1-krzysztof.kozlowski@linaro.org",
                "20221117105845.13644-2-konrad.dybcio@linaro.org", LinkKind.PROSE);
    }

    @Test
    void sameThread() throws IOException {
        // The kernel test robot's "fintek_variants[] can be static" fixup, posted in reply to 8/8 of the series.
        assertLink("20200612045721.GA41703@e3d72cc7cdb3", "20200611191750.28096-1-a.fatoum@pengutronix.de",
                LinkKind.SAME_THREAD);
    }

    @Test
    void aSymbolOlderThanTheHorizonIsNoLink() throws IOException {
        // devm_clk_get_enabled() is new in "clk: provide new devm helpers ..." (March 2022), but the bcm7038
        // conversion came nine months later: the helper was in the tree, and the clk series is not its prerequisite.
        assertNoLink("9c055911e9f557b7239000c8e6cfa0cc393a19e9.1672474203.git.christophe.jaillet@wanadoo.fr",
                "20220314141643.22184-1-u.kleine-koenig@pengutronix.de");
    }

    @Test
    void aBackportIsNoPrerequisiteOfItsUpstreamPosting() throws IOException {
        // Stable backports carry "Link:" to the upstream posting of the same patch (same patch-id).
        assertNoLink("20191001163922.14735-17-sashal@kernel.org", "20190819051738.17370-3-joel@jms.id.au");
    }

    @Test
    void reExportedOrMovedSymbolsAreNoLink() throws IOException {
        String namespaces = "20190903150638.242049-1-maennich@google.com"; // EXPORT_SYMBOL_GPL -> _NS_GPL
        String clk = "20220314141643.22184-1-u.kleine-koenig@pengutronix.de"; // re-adds EXPORT_SYMBOL(devm_clk_get)
        String hrtimer = "1612226364-30951-1-git-send-email-curtis.klein@hpe.com"; // moves watchdog_core_data
        String ipmi = "20200620174907.20229-1-minyard@acm.org"; // static watchdog_start() made public
        // K3 RTI driver: uses watchdog_init_timeout() & co. and devm_clk_get(), all older than both series.
        assertNoLink("20200228142331.13716-1-t-kristo@ti.com", namespaces);
        assertNoLink("20200228142331.13716-1-t-kristo@ti.com", clk);
        assertNoLink("20221127154559.80899-1-linux@weissschuh.net", hrtimer); // uses _WDOG_KEEPALIVE
        // Tracing events call watchdog_dev.c's own (static, mainline) watchdog_start()/watchdog_set_timeout().
        assertNoLink("20220930144935.3373366-1-u.kleine-koenig@pengutronix.de", ipmi);
        assertTrue(linker.users(series(namespaces)).isEmpty(), describe(linker.users(series(namespaces))));
    }

    private void assertLink(String from, String to, LinkKind kind) throws IOException {
        List<Link> links = linker.prerequisites(series(from));
        String want = series(to).id();
        assertTrue(links.stream().anyMatch(l -> l.other().id().equals(want) && l.kind() == kind),
                from + " -> " + to + " " + kind + ": " + describe(links));
        // And from the other end.
        String user = series(from).id();
        assertTrue(linker.users(series(to)).stream().anyMatch(l -> l.other().id().equals(user) && l.kind() == kind),
                to + " users");
    }

    private void assertNoLink(String from, String to) throws IOException {
        List<Link> links = linker.prerequisites(series(from));
        String not = series(to).id();
        assertFalse(links.stream().anyMatch(l -> l.other().id().equals(not)), from + " -> " + to + ": "
                + describe(links));
    }

    private Series series(String messageId) throws IOException {
        return searcher.seriesOf(messageId).orElseThrow(() -> new AssertionError("no series for " + messageId));
    }

    private static String describe(List<Link> links) {
        return links.stream().map(l -> l.other().title() + " " + l.kind().jsonName() + " " + l.evidence())
                .collect(Collectors.joining("; "));
    }
}
