package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench ingest} then {@code bench search --server} run small, as the README runs them: rates, index size and
 * memory from new JVMs, then every query command timed as a new process and through a server on that data. No
 * figure is asserted against a target: the machine is shared.
 */
class BenchIngestSearchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void ingestThenSearchNewAndThroughAServer() throws Exception {
        Path data = tmp.resolve("bench").resolve("data");
        CliRun ingest = CliRun.of("bench", "ingest", "--messages", "300", "--runs", "2", "--peers", "none", "--data",
                data.toString(), "--json");
        assertEquals(0, ingest.code(), ingest.err());
        JsonNode i = JSON.readTree(ingest.out());
        assertEquals(300, i.get("messages").asLong(), ingest.out());
        assertEquals(2, i.get("messagesPerSecond").size(), "one rate per run: " + ingest.out());
        assertTrue(i.get("medianMessagesPerSecond").asDouble() > 0, ingest.out());
        assertTrue(i.get("indexBytesPerMessage").asDouble() > 0, ingest.out());
        assertTrue(i.get("peakHeapBytes").asLong() > 0, ingest.out());
        assertEquals(2, i.get("memory").get("childProcesses").asInt(), ingest.out());
        assertTrue(i.get("memory").get("childPeakRssBytes").asLong() > 0, ingest.out());

        CliRun search = CliRun.of("bench", "search", "--data", data.toString(), "--queries", "2", "--peers", "none",
                "--server", "--json");
        assertEquals(0, search.code(), search.err());
        JsonNode s = JSON.readTree(search.out());
        List<String> measured = new ArrayList<>();
        for (JsonNode f : s.get("figures")) {
            measured.add(f.get("command").asText() + " " + f.get("path").asText());
            assertEquals(2, f.get("queries").asInt(), f.toString());
            assertTrue(f.get("p50Millis").asDouble() > 0, f.toString());
        }
        assertEquals(List.of("search new JVM", "series new JVM", "acks new JVM", "search via server",
                "series via server", "acks via server"), measured);
        assertTrue(s.get("memory").get("childPeakRssBytes").asLong() > 0, search.out());
    }
}
