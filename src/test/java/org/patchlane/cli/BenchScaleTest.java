package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.patchlane.cli.measure.Measured;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench scale} run small: both sizes generated, ingested, served and searched in new JVMs, with heap and RSS
 * for each. No figure is asserted against a target: the machine is shared.
 */
class BenchScaleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void measuresBothSizesWithHeapAndRss() throws Exception {
        Path data = tmp.resolve("bench").resolve("data");
        CliRun r = CliRun.of("bench", "scale", "--messages", "300", "--factor", "2", "--runs", "1", "--requests", "2",
                "--queries", "2", "--data", data.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode report = JSON.readTree(r.out());
        assertEquals(300, report.get("base").get("messages").asLong(), r.out());
        assertEquals(600, report.get("large").get("messages").asLong(), r.out());
        for (String size : new String[] {"base", "large"}) {
            JsonNode s = report.get(size);
            JsonNode ingest = s.get("ingest");
            assertTrue(ingest.get("messagesPerSecond").asDouble() > 0, s.toString());
            assertTrue(ingest.get("indexBytes").asLong() > 0, s.toString());
            assertTrue(ingest.get("peakHeapBytes").asLong() > 0, s.toString());
            assertTrue(ingest.get("peakRssBytes").asLong() > 0, "RSS read from /proc: " + s);
            assertTrue(ingest.get("peakRssBytes").asLong() > ingest.get("peakLiveHeapBytes").asLong(), s.toString());
            assertTrue(s.get("serverPeakRssBytes").asLong() > 0, s.toString());
            assertTrue(s.get("searchProcessPeakRssBytes").asLong() > 0, s.toString());
            assertTrue(s.get("seriesPageServerP50Millis").asDouble() > 0, s.toString());
            assertTrue(s.get("searchServerP50Millis").asDouble() > 0, s.toString());
            assertTrue(s.get("searchProcessP50Millis").asDouble() > 0, s.toString());
        }
        double ratio = report.get("large").get("ingest").get("messagesPerSecond").asDouble()
                / report.get("base").get("ingest").get("messagesPerSecond").asDouble();
        assertEquals(ratio, report.get("rateRatio").asDouble(), 1e-9);
        assertEquals(ratio >= 0.8, report.get("rateMeetsTarget").asBoolean());
        // The archives are kept in the bench directory for the next run.
        assertTrue(Files.exists(tmp.resolve("bench/generated-300.mbox")));
        assertTrue(Files.exists(tmp.resolve("bench/generated-600.mbox")));
    }

    @Test
    void textNamesEveryFigureAndTheVerdicts() {
        ScaleBench.Ingest small = new ScaleBench.Ingest(1000, 2000, 0.5, 1.5, 3_000_000, 200L << 20, 60L << 20, 400L << 20);
        ScaleBench.Ingest large = new ScaleBench.Ingest(10_000, 1500, 6.7, 14, 31_000_000, 300L << 20, 90L << 20,
                500L << 20);
        ScaleBench.Report r = ScaleBench.Report.of("512m",
                new ScaleBench.Size(1000, small, List.of(2000.0), 3.0, 20.0, 40L << 20, 300L << 20, 400, 10L << 20,
                        120L << 20),
                new ScaleBench.Size(10_000, large, List.of(1500.0), 7.0, 30.0, 60L << 20, 350L << 20, 450, 12L << 20,
                        130L << 20), null);
        assertEquals(0.75, r.rateRatio(), 1e-9);
        assertEquals(false, r.rateMeetsTarget());
        assertEquals(1.5, r.searchRatio(), 1e-9);
        assertEquals(7.0 / 3.0, r.seriesPageRatio(), 1e-9);
        assertEquals(false, r.timesMeetTarget(), "the series page grew more than 2x");
        assertEquals(1.5, r.ingestLiveHeapRatio(), 1e-9);
        assertNull(r.failed());
        String text = r.text();
        assertFalse(text.contains("FAILED"), text);
        for (String line : new String[] {"ingest msg/s", "index bytes/message", "ingest live heap MiB",
                "ingest peak RSS MiB", "series page server p50 ms", "search server p50 ms", "server peak RSS MiB",
                "search as a process p50 ms", "target >= 0.8: missed", "target <= 2x: missed", "target <= 2x: met",
                "1,000 msgs", "10,000 msgs"}) {
            assertTrue(text.contains(line), line + " in\n" + text);
        }
    }

    /**
     * The 1,000,000-message run's failure: the large server answered 500 (out of heap). The run stops there, and the
     * report still holds the base size's figures and the large ingest, and names the step that failed.
     */
    @Test
    void aFailedStepReportsWhatWasMeasuredAndWhichStepFailed() throws Exception {
        List<String> started = new java.util.ArrayList<>();
        ScaleBench.Runner runner = command -> {
            String data = command.get(command.indexOf("--data") + 1);
            boolean large = data.endsWith("scale-data-600");
            started.add((large ? "large " : "base ") + command.get(command.indexOf("--json") - 1));
            if (command.contains("ingest")) {
                Files.createDirectories(Path.of(data));
                Files.write(Path.of(data, "index"), new byte[large ? 6000 : 3000]);
                return new Measured(0, "{\"messages\": " + (large ? 600 : 300) + ", \"messagesPerSecond\": "
                        + (large ? 900 : 1000) + ", \"peakHeapBytes\": 1000}", "", 1_000_000_000L, 0, 200L << 20);
            }
            if (command.contains("web")) {
                if (large) return new Measured(3, "", "I/O error: GET /api/series?limit=1 answered 500 (is it a "
                        + "Patchlane server?)\n", 1_000_000_000L, 0, 300L << 20);
                return new Measured(0, "{\"pages\": [{\"kind\": \"series\", \"server\": {\"p50\": 3.5}}, "
                        + "{\"kind\": \"search\", \"server\": {\"p50\": 12.5}}]}", "", 1_000_000_000L, 0, 250L << 20);
            }
            return new Measured(0, "[]", "", 400_000_000L, 0, 100L << 20);
        };
        ScaleBench.Report r = new ScaleBench(tmp, "64m", 2, 1, line -> { }, runner).run(300, 2, 1);
        assertEquals(List.of("base ingest", "base web", "base search", "large ingest", "large web"), started);
        assertTrue(r.failed().startsWith("bench web on 600 messages: exited 3: I/O error: GET"), r.failed());
        assertTrue(r.failed().contains("answered 500"), r.failed());
        assertEquals(3.5, r.base().seriesPageServerP50Millis());
        assertEquals(400, r.base().searchProcessP50Millis(), 1e-9);
        assertEquals(900, r.large().ingest().messagesPerSecond());
        assertEquals(0.9, r.rateRatio(), 1e-9);
        assertEquals(300L << 20, r.large().serverPeakRssBytes(), "the failed server's RSS is kept");
        assertTrue(Double.isNaN(r.large().seriesPageServerP50Millis()));
        assertFalse(r.timesMeetTarget());
        String text = r.text();
        for (String line : new String[] {"FAILED: bench web on 600 messages", "600 msgs", "300 msgs", "1,000",
                "900"}) {
            assertTrue(text.contains(line), line + " in\n" + text);
        }
        assertTrue(text.lines().anyMatch(l -> l.startsWith("  series page server p50 ms") && l.contains("3.5")
                && l.contains(" -") && l.contains("not measured")), text);
        // The JSON report is written as for a complete run.
        JsonNode json = JSON.readTree(org.patchlane.report.Json.write(r));
        assertEquals(r.failed(), json.get("failed").asText());
        assertEquals(600, json.get("large").get("messages").asLong());

        // A failure at the first step still reports, with nothing measured.
        ScaleBench.Report none = new ScaleBench(tmp.resolve("b"), "64m", 2, 1, line -> { }, command ->
                new Measured(1, "", "boom\n", 1, 0, 0)).run(300, 2, 1);
        assertTrue(none.failed().startsWith("ingest run 1 of 300 messages: exited 1: boom"), none.failed());
        assertNull(none.large());
        assertTrue(none.text().contains("FAILED"), none.text());
    }
}
