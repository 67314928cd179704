package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code demo} on a data directory that holds mail already, and {@code ingest} of sources with no mail. */
class EmptyAndExistingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAIL = "From a@example.org Mon Nov 23 10:00:00 2026\nFrom: A <a@example.org>\n"
            + "Subject: one\nMessage-ID: <one@example.org>\n\nbody\n";

    @TempDir
    Path dir;

    @Test
    void demoSaysWhatIsThereAndHowToServeIt() {
        Path data = dir.resolve("data");
        CliRun first = CliRun.of("demo", "--no-serve", "--data", data.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("Ingested "), first.out());
        assertTrue(first.out().endsWith("\nServe it with: patchlane serve --data " + data + "\n"), first.out());

        CliRun again = CliRun.of("demo", "--no-serve", "--data", data.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().matches("\\Q" + data + "\\E already holds \\d+ messages in \\d+ series: the demo "
                + "archive is only ingested into an empty data directory.\nServe it with: patchlane serve --data \\Q"
                + data + "\\E\n"), again.out());
    }

    @Test
    void demoJsonIsJsonFirstTimeAndAfter() throws IOException {
        Path data = dir.resolve("data");
        CliRun first = CliRun.of("demo", "--no-serve", "--json", "--data", data.toString());
        assertEquals(0, first.code(), first.err());
        JsonNode ingested = JSON.readTree(first.out());
        long messages = ingested.get("messages").asLong();
        assertTrue(messages > 50, first.out());
        assertEquals(data.toString(), ingested.get("data").asText());
        assertEquals(messages, ingested.get("ingested").get("added").asLong() + ingested.get("ingested")
                .get("duplicates").asLong());
        assertTrue(ingested.get("series").asLong() > 0);

        JsonNode held = JSON.readTree(CliRun.of("demo", "--no-serve", "--json", "--data", data.toString()).out());
        assertTrue(held.get("ingested").isNull(), held::toPrettyString);
        assertEquals(messages, held.get("messages").asLong());
        assertEquals(ingested.get("series"), held.get("series"));
    }

    /** Each case: sources to write (name=content, a trailing / for a directory), exit code, sources warned about. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "empty.mbox=|1|empty.mbox",
            "notes/|1|notes",
            "notes/README.txt=hello|1|notes",
            "empty.mbox=,one.mbox=MAIL|0|empty.mbox",
            "one.mbox=MAIL|0|"})
    void sourcesWithoutMailAreNamedAndNoMailAtAllIsExit1(String sources, int code, String warned) throws IOException {
        Path data = dir.resolve("data");
        List<String> args = new ArrayList<>(List.of("ingest", "--data", data.toString()));
        List<String> paths = new ArrayList<>();
        for (String source : sources.split(",")) {
            String name = source.split("=", 2)[0];
            Path p = dir.resolve(name);
            if (name.endsWith("/")) {
                Files.createDirectories(p);
            } else {
                Files.createDirectories(p.getParent());
                Files.writeString(p, source.endsWith("=MAIL") ? MAIL : source.split("=", 2)[1]);
            }
            String top = dir.resolve(name.split("/")[0]).toString();
            if (!paths.contains(top)) {
                paths.add(top);
                args.add(top);
            }
        }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(code, r.code(), r.out() + r.err());
        StringBuilder expected = new StringBuilder();
        if (warned != null) expected.append("patchlane: warning: no mail in ").append(dir.resolve(warned)).append('\n');
        assertEquals(expected.toString(), r.err());
        assertTrue(r.out().startsWith("Ingested "), r.out());
    }

    @Test
    void aSourceReadUpToDateBeforeIsNoWarning() throws IOException {
        Path data = dir.resolve("data");
        Path mbox = dir.resolve("one.mbox");
        Files.writeString(mbox, MAIL);
        assertEquals(0, CliRun.of("ingest", "--data", data.toString(), mbox.toString()).code());
        CliRun again = CliRun.of("ingest", "--json", "--data", data.toString(), mbox.toString());
        assertEquals(0, JSON.readTree(again.out()).get("messages").asInt(), "resumed at its end");
        assertEquals(0, again.code(), again.err());
        assertEquals("", again.err());
    }
}
