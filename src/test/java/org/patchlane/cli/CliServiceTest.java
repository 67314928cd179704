package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchlane.store.Searcher;
import org.patchlane.web.CliRoutes;

/** What a server answers the launcher with, in-process: the caller's terminal and defaults, and what it refuses. */
class CliServiceTest {
    @TempDir
    static Path tmp;
    private static Path data;
    private static Searcher searcher;
    private static CliService service;

    @BeforeAll
    static void open() throws IOException {
        data = CliRun.demo(tmp).toRealPath();
        searcher = Searcher.open(data);
        service = new CliService(data, searcher);
    }

    @AfterAll
    static void close() throws IOException {
        searcher.close();
    }

    private static CliRoutes.Call call(boolean terminal, boolean ci, String... args) {
        return new CliRoutes.Call(List.of(args), tmp.toString(), null, null, ci, terminal);
    }

    private static String out(CliRoutes.Answer a) {
        return new String(a.out(), StandardCharsets.UTF_8);
    }

    /** The caller's terminal decides the highlights, as a new JVM's console would; CI never gets them. */
    @Test
    void theCallersTerminalDecidesTheHighlights() {
        String[] search = {"search", "--data", data.toString(), "s:auxiliary"};
        CliRoutes.Answer tty = service.run(call(true, false, search));
        CliRoutes.Answer pipe = service.run(call(false, false, search));
        CliRoutes.Answer ci = service.run(call(true, true, search));
        assertEquals(0, tty.exit());
        assertTrue(out(tty).contains("\u001b[1m"), out(tty));
        assertFalse(out(pipe).contains("\u001b["), out(pipe));
        assertTrue(out(pipe).contains("*"), out(pipe));
        assertEquals(out(pipe), out(ci));
        assertEquals(CliRun.of(search).out(), out(pipe));
    }

    /** Help is coloured for a caller's terminal, as its own JVM would colour it there, and plain for a pipe. */
    @Test
    void helpFollowsTheCallersTerminal() {
        String[] help = {"acks", "--data", data.toString(), "--help"};
        assertTrue(out(service.run(call(true, false, help))).contains("\u001b["));
        assertEquals(CliRun.of(help).out(), out(service.run(call(false, false, help))));
    }

    /** Without --data, the caller's PATCHLANE_DATA (relative to its directory) names the archive. */
    @Test
    void theCallersDefaultDataDirectoryCounts() {
        CliRoutes.Answer a = service.run(new CliRoutes.Call(List.of("series", "--limit", "1"), tmp.toString(), null,
                "data", false, false));
        assertEquals(0, a.exit(), new String(a.err(), StandardCharsets.UTF_8));
        assertNull(service.run(new CliRoutes.Call(List.of("series"), tmp.toString(), null, "elsewhere", false, false)));
        // No PATCHLANE_DATA: index/ beside the caller's launcher, which is not this archive.
        assertNull(service.run(new CliRoutes.Call(List.of("series"), tmp.toString(), tmp.toString(), null, false,
                false)));
    }

    /**
     * A JVM in a locale with other digits and separators prints what one in English does, so that a server started
     * in one locale answers a caller in another as the caller's JVM would.
     */
    @Test
    void theLocaleDoesNotChangeWhatACommandPrints() throws Exception {
        String[] series = {"series", "--data", data.toString()};
        Path out = tmp.resolve("series-ar.txt");
        List<String> cmd = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Duser.language=ar", "-Duser.country=EG", "-Dstdout.encoding=UTF-8", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(series));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertEquals(0, p.waitFor());
        assertEquals(CliRun.of(series).out(), Files.readString(out, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stats", "show", "ingest", "acks --mbox - 20261102-aux-lifetime-3f1c2a9b7d10",
            "acks --mbox=out.mbox 20261102-aux-lifetime-3f1c2a9b7d10", "series --config my.conf",
            "search --no-server s:auxiliary", "--debug search s:auxiliary", "search --debug s:(unbalanced"})
    void refusesWhatItDoesNotAnswer(String line) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of(line.split(" ")));
        args.addAll(List.of("--data", data.toString()));
        assertNull(service.run(new CliRoutes.Call(args, tmp.toString(), null, null, false, false)), line);
        assertFalse(Files.exists(tmp.resolve("out.mbox")));
    }
}
