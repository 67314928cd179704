package org.patchlane.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interdiffs of real linux-watchdog series (lore, 2025), hand-checked against the mails. Skipped when the shared
 * corpus is absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WatchdogInterdiffTest {
    private Path data;
    private Searcher searcher;

    @BeforeAll
    void ingest() throws IOException {
        Path mbox = SharedData.require("corpus/lore-linux-watchdog/archive/linux-watchdog-2025.mboxrd.gz");
        data = Files.createTempDirectory("watchdog-interdiff");
        try (Archive a = Archive.open(data)) {
            new Ingester(a, "linux-watchdog", Progress.NONE).run(List.of(mbox));
        }
        searcher = Searcher.open(data);
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

    private InterdiffJson interdiff(String messageId) throws Exception {
        return InterdiffJson.of(searcher.seriesOf(messageId).orElseThrow(), null, null, null,
                InterdiffJson.MailTexts.of(searcher));
    }

    @Test
    void onlyTheCommitMessageChanged() throws Exception {
        // "watchdog: da9052_wdt: respect TWDMIN": v2 drops v1's in-body From: line; the code is the same.
        InterdiffJson d = interdiff("20250129-da9052-v2-1-1ae2b263d936@gmail.com");
        InterdiffJson.PatchJson p = d.patches().get(0);
        assertEquals("message", p.scope());
        assertEquals(List.of("-From: Marcus Folkesson <marcus.folkesson@combitech.com>", "-"),
                p.message().get(0).lines().stream().filter(l -> !l.startsWith(" ")).toList());
        assertEquals("unchanged", p.files().get(0).change());
    }

    @Test
    void oneOfFourPatchesChangedItsCode() throws Exception {
        // "Various fixes for the da9052 watchdog" v2 -> v3: only 3/4 changed, adding the firmware-enabled check.
        InterdiffJson d = interdiff("20250326-da9052-fixes-v3-3-a38a560fef0e@gmail.com");
        assertEquals(List.of("2", "3", 4), List.of(d.from(), d.to(), d.paired()));
        assertEquals(List.of("none", "none", "code", "none"), d.patches().stream().map(InterdiffJson.PatchJson::scope).toList());
        InterdiffJson.FileJson f = d.patches().get(2).files().get(0);
        assertEquals("post-image", f.method());
        assertEquals(List.of(170, 193), f.hunks().stream().map(InterdiffJson.RegionJson::fromLine).toList());
        assertEquals(List.of("+\tint ret;"), f.hunks().get(0).lines().stream().filter(l -> l.startsWith("+")).toList());
        assertTrue(f.hunks().get(1).lines().contains("+\t/* Check if FW enabled the watchdog */"), f.toString());
        assertTrue(f.hunks().stream().flatMap(h -> h.lines().stream()).noneMatch(l -> l.startsWith("-")), f.toString());
    }

    @Test
    void aTreePrefixedPlainDiffPairsWithTheGitOne() throws Exception {
        // it87_wdt v3 is a plain "diff -u" of linux-6.17/ trees; v2 was a git diff of the same file.
        InterdiffJson d = interdiff("20251116.210920.587481738814327702.rene@exactco.de");
        List<InterdiffJson.FileJson> files = d.patches().get(0).files();
        assertEquals(1, files.size(), files.toString());
        assertEquals("changed", files.get(0).change());
    }
}
