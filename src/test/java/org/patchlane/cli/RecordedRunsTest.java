package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every way of ingesting records its run for {@code sources}; {@code reindex} keeps the record. */
class RecordedRunsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode sources(Path data) throws IOException {
        CliRun r = CliRun.of("sources", "--json", "--data", data.toString(), "--config", dir.resolve("none.conf")
                .toString());
        return JSON.readTree(r.out()).get("sources");
    }

    @Test
    void demoRecordsItsRunAndReindexKeepsIt() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(dir.resolve("none.conf"), "");
        assertEquals(0, CliRun.of("demo", "--no-serve", "--data", data.toString()).code());
        long stored = JSON.readTree(CliRun.of("stats", "--json", "--data", data.toString()).out()).get("messages")
                .asLong();
        JsonNode before = sources(data);
        assertEquals(1, before.size(), before::toPrettyString);
        JsonNode demo = before.get(0);
        assertTrue(demo.get("url").asText().endsWith("demo-linux-rdma.mbox"), demo::toPrettyString);
        assertFalse(demo.get("lastRun").isNull(), "the demo's run is recorded");
        assertEquals(stored, demo.get("messages").asLong());
        assertEquals(stored, demo.get("lastMessages").asLong());
        assertEquals(1, demo.get("cursors").size());

        assertEquals(0, CliRun.of("reindex", "--data", data.toString()).code());
        assertEquals(before, sources(data), "reindex reads no source and keeps the record");
    }

    @Test
    void ingestRecordsEachSourcesRunFailedOrNot() throws IOException {
        Path data = dir.resolve("data");
        Files.writeString(dir.resolve("none.conf"), "");
        Path mbox = dir.resolve("two.mbox");
        Files.writeString(mbox, "From a@example.org Mon Nov 23 10:00:00 2026\nFrom: A <a@example.org>\n"
                + "Subject: one\nMessage-ID: <one@example.org>\n\nbody\n\n"
                + "From b@example.org Mon Nov 23 10:01:00 2026\nFrom: B <b@example.org>\n"
                + "Subject: two\nMessage-ID: <two@example.org>\n\nbody\n");
        assertEquals(0, CliRun.of("ingest", "--data", data.toString(), mbox.toString()).code());
        Path missing = dir.resolve("gone.mbox");
        assertEquals(2, CliRun.of("ingest", "--data", data.toString(), missing.toString()).code());

        JsonNode runs = sources(data);
        assertEquals(2, runs.size(), runs::toPrettyString);
        JsonNode gone = runs.get(0);
        JsonNode two = runs.get(1);
        assertEquals(missing.toString(), gone.get("url").asText());
        assertEquals(1, gone.get("errors").asLong());
        assertFalse(gone.get("lastError").isNull());
        assertEquals(mbox.toString(), two.get("url").asText());
        assertEquals(2, two.get("messages").asLong());
        assertTrue(two.get("lastError").isNull());
    }
}
