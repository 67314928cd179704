package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting the server prints no notice about the age of the Javalin release (shown on every start otherwise). */
class StartupNoticeTest {
    @Test
    void noJavalinVersionNoticeOnStart(@TempDir Path dir) throws Exception {
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream p = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setErr(p);
            System.setOut(p);
            try (TinyArchive archive = new TinyArchive(dir)) {
                assertTrue(archive.base.startsWith("http://127.0.0.1:"));
            }
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("days old") || log.contains("You are running Javalin"), log);
    }
}
