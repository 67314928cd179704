package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bench web} end to end on the demo archive: every page kind timed with the server's and the client's figures,
 * and a load run beside an ingest that really stores its mail. No figure is asserted: the machine is shared.
 */
class BenchWebTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void timesEveryPageKindAndRunsALoadBesideAnIngest() throws Exception {
        Path data = CliRun.demo(tmp);
        CliRun r = CliRun.of("bench", "web", "--data", data.toString(), "--requests", "3", "--queries", "4",
                "--load", "2s", "--concurrency", "2", "--ingest-messages", "300", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode report = JSON.readTree(r.out());
        assertTrue(report.get("inProcess").asBoolean());
        assertTrue(report.get("series").asLong() > 0, r.out());
        assertEquals(20.0, report.get("targetMedianMillis").asDouble());
        List<String> kinds = new ArrayList<>();
        for (JsonNode page : report.get("pages")) {
            kinds.add(page.get("kind").asText());
            assertEquals(3, page.get("requests").asInt(), page.toString());
            assertTrue(page.get("paths").asInt() > 0, page.toString());
            for (String spread : List.of("server", "serverCpu", "client")) {
                JsonNode s = page.get(spread);
                assertTrue(s.isObject(), spread + " of " + page);
                assertTrue(s.get("p50").asDouble() >= 0 && s.get("p50").asDouble() <= s.get("p99").asDouble()
                        && s.get("p99").asDouble() <= s.get("max").asDouble(), page.toString());
            }
            // The client waits for what the server measured, and more.
            assertTrue(page.get("client").get("max").asDouble() >= page.get("server").get("p50").asDouble(), page.toString());
            assertTrue(page.get("meetsTarget").isBoolean());
        }
        assertEquals(List.of("series-list", "series", "thread", "search"), kinds);

        JsonNode load = report.get("load");
        assertEquals(2, load.get("concurrency").asInt());
        assertTrue(load.get("requests").asLong() > 0, load.toString());
        assertEquals(0, load.get("errors").asLong(), load.toString());
        assertTrue(load.get("seconds").asDouble() >= 2, load.toString());
        JsonNode ingest = load.get("ingest");
        assertEquals(300, ingest.get("messages").asLong(), ingest.toString());
        assertEquals(300, ingest.get("added").asLong(), "a seed no earlier run used: every message is new");
        assertTrue(ingest.get("messagesPerSecond").asDouble() > 0);
        assertFalse(Files.exists(Path.of(ingest.get("mbox").asText())), "the generated archive is removed");

        // A second load run picks the next seed: its mail is new again.
        CliRun again = CliRun.of("bench", "web", "--data", data.toString(), "--requests", "1", "--queries", "1",
                "--load", "1s", "--concurrency", "1", "--ingest-messages", "100", "--json");
        assertEquals(0, again.code(), again.err());
        assertEquals(100, JSON.readTree(again.out()).get("load").get("ingest").get("added").asLong(), again.out());
    }

    @Test
    void textReportNamesEveryPageKindAndTheVerdict() {
        Path data = CliRun.demo(tmp);
        CliRun r = CliRun.of("bench", "web", "--data", data.toString(), "--requests", "2", "--queries", "2");
        assertEquals(0, r.code(), r.err());
        for (String kind : List.of("series-list", "series ", "thread", "search")) assertTrue(r.out().contains(kind), r.out());
        assertTrue(r.out().contains("target: server median <= 20 ms"), r.out());
        assertTrue(r.out().contains("server CPU p50"), r.out());
    }

    /** {@code --url}: a running server is sampled and timed through its own API and headers, nothing started. */
    @Test
    void timesARunningServerByUrl() throws Exception {
        Path data = CliRun.demo(tmp);
        try (org.patchlane.store.Searcher searcher = org.patchlane.store.Searcher.open(data)) {
            org.patchlane.web.App app = new org.patchlane.web.App(searcher);
            String base = "http://127.0.0.1:" + app.start("127.0.0.1", 0).port();
            try {
                CliRun r = CliRun.of("bench", "web", "--url", base, "--requests", "2", "--queries", "2", "--json");
                assertEquals(0, r.code(), r.err());
                JsonNode report = JSON.readTree(r.out());
                assertEquals(base, report.get("server").asText());
                assertFalse(report.get("inProcess").asBoolean());
                assertEquals(4, report.get("pages").size());
                for (JsonNode page : report.get("pages")) assertTrue(page.get("server").isObject(), page.toString());
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void noArchiveIsAUsageError() {
        CliRun r = CliRun.of("bench", "web", "--data", tmp.resolve("none").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no archive in"), r.err());
    }

    @ParameterizedTest
    @CsvSource({"30s, 30", "30, 30", "2m, 120", "' 5s ', 5", "1s, 1"})
    void loadDurations(String text, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), BenchCommand.duration(text));
    }

    @ParameterizedTest
    @CsvSource({"0s", "-3s", "30h", "abc", "''", "1.5s"})
    void badLoadDurationsAreUsageErrors(String text) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> BenchCommand.duration(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "app;dur=12.500, cpu;dur=3.250 | app | 12.5",
            "app;dur=12.500, cpu;dur=3.250 | cpu | 3.25",
            "app;dur=12.5                  | cpu | NaN",
            "db;dur=4, app;dur=7           | app | 7",
            "app;desc=\"x\"                | app | NaN",
            "app;dur=fast                  | app | NaN",
            "appx;dur=3                    | app | NaN"})
    void serverTimingMetrics(String header, String metric, double millis) {
        assertEquals(millis, WebBench.metric(Optional.of(header.strip()), metric));
    }

    @Test
    void noServerTimingHeaderIsNoFigure() {
        assertTrue(Double.isNaN(WebBench.metric(Optional.empty(), WebBench.APP)));
    }

    @ParameterizedTest
    @CsvSource({"0, 5, ''", "3, 5, '0 1 2'", "10, 5, '0 2 4 6 8'", "7, 3, '0 2 4'", "5, 0, ''"})
    void offsetsSpreadEvenly(long total, int n, String expected) {
        List<Long> want = expected.isBlank() ? List.of()
                : java.util.Arrays.stream(expected.split(" ")).map(Long::valueOf).toList();
        assertEquals(want, WebBench.spread(total, n));
    }
}
