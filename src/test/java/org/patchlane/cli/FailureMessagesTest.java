package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a failing command says: one line for the user, the usage hint naming the command, stack traces on --debug. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailureMessagesTest {
    Path dir;
    Path data;

    @BeforeAll
    void archive(@TempDir Path tmp) throws IOException {
        dir = tmp;
        data = dir.resolve("data");
        Path mbox = dir.resolve("one.mbox");
        Files.writeString(mbox, "From a@example.org Mon Nov 23 10:00:00 2026\nFrom: A <a@example.org>\n"
                + "Subject: one\nMessage-ID: <one@example.org>\n\nbody\n");
        assertEquals(0, CliRun.of("ingest", "--data", data.toString(), mbox.toString()).code());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "serch x|Try 'patchlane --help'.",
            "serch x|patchlane: unknown command 'serch'",
            "serch x|Did you mean: patchlane search",
            "--no-such-option|Try 'patchlane --help'.",
            "search --no-such-option x|Try 'patchlane search --help'.",
            "bench ingest --runs many|Try 'patchlane bench --help'."})
    void usageErrorsNameTheCommandsHelp(String args, String expected) {
        CliRun r = CliRun.of(args.split(" "));
        assertEquals(2, r.code());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("patchlane patchlane"), r.err());
    }

    @Test
    void anArchiveOfAnOlderSchemaSaysToReindex(@TempDir Path old) throws IOException {
        Files.createDirectories(old.resolve("lucene-v2"));
        CliRun r = CliRun.of("search", "--data", old.toString(), "x");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("holds an archive of an older schema (lucene-v2): run 'patchlane reindex --data "),
                r.err());
    }

    @Test
    void portInUseIsOneLineAndExitCode3() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            CliRun r = CliRun.of("serve", "--data", data.toString(), "--port", port);
            assertEquals(3, r.code(), r.err());
            assertEquals("patchlane: port " + port + " is in use: stop the other server or pass --port N\n",
                    r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"--debug serve", "serve --debug"})
    void debugPrintsTheStackTraceBeforeOrAfterTheCommand(String command) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.addAll(List.of("--data", data.toString(), "--port", String.valueOf(taken.getLocalPort())));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(3, r.code(), r.err());
            assertTrue(r.err().startsWith("patchlane: port "), r.err());
            assertTrue(r.err().contains("\tat "), "a stack trace: " + r.err());
        }
    }

    @Test
    void environmentErrorsCarryNoStackTrace() {
        CliRun r = CliRun.of("stats", "--data", dir.resolve("nothing-here").toString());
        assertEquals(3, r.code());
        assertEquals("patchlane: no archive in " + dir.resolve("nothing-here")
                + " (run 'patchlane ingest' or 'patchlane demo')\n", r.err());
    }
}
