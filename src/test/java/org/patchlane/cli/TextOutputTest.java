package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.bench.GeneratorStats;

/** What the text output looks like: counts with nouns in the right number, aligned grids, rounded figures. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextOutputTest {
    private static final Pattern RAW_FLOAT = Pattern.compile("\\d\\.\\d{4,}");
    Path data;

    @BeforeAll
    void ingestDemo(@TempDir Path dir) {
        data = dir.resolve("data");
        CliRun r = CliRun.of("demo", "--no-serve", "--data", data.toString());
        assertEquals(0, r.code(), r.err());
        // The demo holds one duplicate Message-ID (a netdev copy of a cross-posted patch).
        assertTrue(r.out().matches("(?s)Ingested \\d+ messages in .* 1 duplicate Message-ID, .*"), r.out());
    }

    @Test
    void countsOfOneAreSingular() {
        String ingest = IngestCommand.summary(new org.patchlane.ingest.IngestCounts(1, 1, 0, 0, 0, 0, 10, 10, 1_000_000));
        assertTrue(ingest.startsWith("Ingested 1 message in "), ingest);
        assertTrue(ingest.contains(", 0 duplicate Message-IDs, "), ingest);

        String gen = GenArchiveCommand.summary(new GeneratorStats(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
        assertEquals("1 message, 1 byte: 1 cover, 1 patch, 1 reply, 1 pull, 1 other; 1 series in 1 version; "
                + "1 reply trailer, 1 NACK, 1 without Message-ID", gen);

        CliRun one = CliRun.of("search", "--data", data.toString(), "kind:pull AND s:irdma");
        assertEquals(0, one.code(), one.err());
        assertTrue(one.out().endsWith("1 of 1 hit\n"), one.out());

        CliRun series = CliRun.of("series", "--data", data.toString(), "s:typo");
        assertTrue(series.out().contains(", 1 patch\n"), series.out());

        CliRun show = CliRun.of("show", "--data", data.toString(), "20261116-aux-lifetime-v3-3-2b7e9f4c1d38@nvidia.com");
        assertTrue(show.out().contains("Diff:        1 file, +"), show.out());
    }

    @Test
    void benchFiguresAreRounded() {
        String acks = new BenchCommand.AcksBench(1, 1.8123, 7.6456, 35.0001, 822.636885,
                List.of(822.636885, 2412.5, 791.25)).text();
        assertEquals("acks: 1 lookup in one JVM: p50 1.81 ms, p90 7.65 ms, max 35.00 ms; as a new process: "
                + "p50 823 ms (823, 2,413, 791)", acks);
        String ingest = new BenchCommand.IngestBench(100_000, 1, "512m", 1503.25, List.of(1503.2549), 612.4,
                300L << 20).text();
        assertEquals("ingest: 100,000 messages, median 1,503 msg/s over 1 run (1,503), 612 index bytes/message, "
                + "peak heap 300 MiB (-Xmx512m)", ingest);
        String imap = new BenchCommand.ImapBench(3, "512m", 595.1, List.of(622.7, 507.123456, 595.1), 879.9,
                List.of(502.5, 879.9, 1008.33), 0.6763).text();
        assertFalse(RAW_FLOAT.matcher(imap).find(), imap);
        assertTrue(imap.contains("(623, 507, 595)") && imap.contains("over 3 runs"), imap);
        assertEquals("search, series, acks: each query a new ./patchlane process (load average 1.5 1.2 0.9 before, "
                + "2.0 1.3 1.0 after)\n"
                + "  search new JVM     1 query: p50 250 ms, p90 1,210 ms (target 300 ms: met); CPU p50 240 ms\n"
                + "  acks   via server  20 queries: p50 61 ms, p90 75 ms (target 50 ms: missed); CPU p50 20 ms + "
                + "server 10 ms",
                new QueryBench.Report(List.of(
                        new QueryBench.Figures("search", "new JVM", 1, 250.4, 1210.2, 300, List.of(250.4), 240, -1),
                        new QueryBench.Figures("acks", "via server", 20, 60.6, 75, 50, List.of(60.6), 20, 10)),
                        "1.5 1.2 0.9", "2.0 1.3 1.0").text());
    }

    /**
     * In every version grid, each person's column starts where its "[n]" header does, with at least two spaces
     * before it (a cell with several marks, such as the irdma series' "r*S*", used to run into the next), and the
     * titles after the change column start at one position.
     */
    @Test
    void acksColumnsStayAlignedWithSeveralMarksInACell() {
        boolean sawWideCell = false;
        for (String key : List.of("20261102-aux-lifetime-3f1c2a9b7d10", "s:irdma AND s:lifetime", "s:hns3",
                "s:rxe AND s:registration")) {
            String series = key.startsWith("s:") ? seriesId(key) : key;
            CliRun r = CliRun.of("acks", "--data", data.toString(), series);
            assertEquals(0, r.code(), r.err());
            List<Integer> columns = null;
            Integer titleAt = null;
            for (String line : r.out().split("\n")) {
                if (line.startsWith("  patch ")) {
                    columns = new ArrayList<>();
                    Matcher m = Pattern.compile("\\[\\d+]|change").matcher(line);
                    while (m.find()) columns.add(m.start());
                    titleAt = null;
                } else if (columns != null && line.matches("  \\d+/\\d+ .*")) {
                    for (int at : columns) {
                        assertTrue(line.charAt(at) != ' ' && line.charAt(at - 1) == ' ' && line.charAt(at - 2) == ' ',
                                "column at " + at + " in\n" + line + "\n" + r.out());
                    }
                    int title = columns.get(columns.size() - 1) + line.substring(columns.get(columns.size() - 1))
                            .indexOf("  ") + 2;
                    while (line.charAt(title) == ' ') title++;
                    if (titleAt == null) titleAt = title;
                    assertEquals(titleAt, title, "titles start at one position:\n" + r.out());
                    sawWideCell |= line.contains("r*S*");
                } else if (!line.startsWith("          ! ")) {
                    columns = null;
                }
            }
        }
        assertTrue(sawWideCell, "the demo's irdma v1.1 has a cell r*S*");
    }

    private String seriesId(String query) {
        CliRun r = CliRun.of("series", "--data", data.toString(), query);
        assertEquals(0, r.code(), r.err());
        return r.out().substring(0, r.out().indexOf(' '));
    }
}
