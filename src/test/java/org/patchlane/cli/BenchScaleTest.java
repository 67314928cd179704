package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

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
        Path data = tmp.resolve("bench").resolve("data");
        CliRun r = CliRun.of("bench", "scale", "--messages", "200", "--factor", "2", "--runs", "1", "--requests", "1",
                "--queries", "1", "--data", data.toString());
        assertEquals(0, r.code(), r.err());
        for (String line : new String[] {"ingest msg/s", "index bytes/message", "ingest live heap MiB",
                "ingest peak RSS MiB", "series page server p50 ms", "search server p50 ms", "server peak RSS MiB",
                "search as a process p50 ms", "target >= 0.8"}) {
            assertTrue(r.out().contains(line), line + " in\n" + r.out());
        }
    }
}
