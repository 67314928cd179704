package org.patchlane.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.patchlane.report.InterdiffJson;
import org.patchlane.web.VersionedArchive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code patchlane interdiff} on the demo archive: the aux-lifetime series in three versions. */
class InterdiffCommandTest {
    static final String AUX = "20261102-aux-lifetime-3f1c2a9b7d10";
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void demo() {
        data = CliRun.demo(dir);
    }

    static CliRun run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data";
        all[args.length + 1] = data.toString();
        return CliRun.of(all);
    }

    @Test
    void defaultIsThePreviousVersionAgainstTheLatest() throws Exception {
        CliRun r = run("interdiff", AUX);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("interdiff v2 -> v3 of series "), r.out());
        // Not a terminal: no colour codes.
        assertFalse(r.out().contains("\u001b["));
        JsonNode j = new ObjectMapper().readTree(run("interdiff", "--json", AUX).out());
        assertEquals("2", j.get("from").asText());
        assertEquals("3", j.get("to").asText());
        assertTrue(j.get("paired").asInt() > 0);
    }

    @Test
    void onePatchBetweenChosenVersions() throws Exception {
        CliRun r = run("interdiff", "--json", "--from", "1", "--to", "3", "--patch", "2", AUX);
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(1, j.get("patches").size());
        assertEquals(2, j.get("patches").get(0).get("to").get("index").asInt());
    }

    @Test
    void exitOneWhenTheVersionsShareNoPatch(@TempDir Path own) throws Exception {
        // Two versions of a watchdog series; v2's patch 3 is new, so v1 and v2 share nothing for it.
        StringBuilder mbox = new StringBuilder();
        for (String mail : VersionedArchive.MAILS) mbox.append("From mboxrd@z Thu Jan  1 00:00:00 1970\n").append(mail).append('\n');
        Path file = own.resolve("watchdog.mbox");
        Files.writeString(file, mbox.toString(), StandardCharsets.UTF_8);
        Path ownData = own.resolve("data");
        assertEquals(0, CliRun.of("ingest", file.toString(), "--data", ownData.toString()).code());
        String change = "20261104-foo-wdt-stop-7a1b2c3d4e5f";
        CliRun added = CliRun.of("interdiff", "--patch", "3", change, "--data", ownData.toString());
        assertEquals(1, added.code(), added.err());
        assertTrue(added.err().contains("v1 and v2 have no patch in common"), added.err());
        assertTrue(added.out().contains("(added in v2)"), added.out());
        CliRun shared = CliRun.of("interdiff", "--patch", "1", change, "--data", ownData.toString());
        assertEquals(0, shared.code(), shared.err());
        assertTrue(shared.out().contains("+\twritel(FOO_STOP | FOO_CLR, wdt->base + FOO_CTRL);"), shared.out());
        // A version against itself: every patch paired, nothing changed.
        CliRun single = CliRun.of("interdiff", "--to", "1", "--from", "1", change, "--data", ownData.toString());
        assertEquals(0, single.code(), single.err());
        assertTrue(single.out().contains("(no change)"), single.out());
    }

    @Test
    void colourOnlyWhenAskedFor() throws Exception {
        InterdiffJson d = new ObjectMapper().readValue(run("interdiff", "--json", AUX).out(), InterdiffJson.class);
        String plain = InterdiffCommand.text(d, false);
        String coloured = InterdiffCommand.text(d, true);
        assertFalse(plain.contains("\u001b["));
        assertTrue(coloured.contains("\u001b[32m+The creator removes the device with auxiliary_device_destroy(), which\u001b[0m"),
                coloured);
        assertTrue(coloured.contains("\u001b[31m-"));
        assertEquals(plain, coloured.replaceAll("\u001b\\[\\d+m", ""));
    }

    /** arguments | exit | stderr contains */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            interdiff --from 9 20261102-aux-lifetime-3f1c2a9b7d10 | 2 | no version v9 of series
            interdiff --patch 42 20261102-aux-lifetime-3f1c2a9b7d10 | 2 | no patch 42 in v3 or v2
            interdiff --patch 0 20261102-aux-lifetime-3f1c2a9b7d10 | 2 | --patch must be a patch number from 1
            interdiff nosuch-series | 1 | no series for nosuch-series
            """)
    void failures(String args, int exit, String message) {
        CliRun r = run(args.split(" "));
        assertEquals(exit, r.code(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
