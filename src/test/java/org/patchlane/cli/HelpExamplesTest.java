package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The examples of every {@code --help} work on the demo archive as written, like the README's commands. */
class HelpExamplesTest {
    /** Commands whose examples cannot run here, with why. */
    static final Map<String, String> NOT_RUN = Map.of(
            "demo", "serves until stopped",
            "serve", "serves until stopped",
            "watch", "runs until stopped, over sources the user configured",
            "ingest", "its examples name the user's own archives and IMAP server",
            "bench", "each example measures for minutes",
            "gen-archive", "its example writes 100,000 messages",
            "user", "its examples change the configuration and read a password (UserCommandTest covers each)");
    /** Commands whose exit code 1 is a finding, not a failure: {@code check} says a rule failed. */
    static final Map<String, String> FINDING_EXIT = Map.of(
            "check", "exit 1 when a check failed (the demo's infrastructure still lacks acks)",
            "pulls", "exit 1 when a pending request is not clean (three of the demo's five are not)",
            "backport", "exit 1 when a patch does not apply (the demo's tree lacks the driver core files the aux series changes)");

    @Test
    void everyHelpExampleExitsZeroOnTheDemo(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        CliRun demo = CliRun.of("demo", "--no-serve", "--data", data.toString());
        assertEquals(0, demo.code(), demo.err());
        List<String> failures = new ArrayList<>();
        int ran = 0;
        for (CommandLine c : Main.commandLine().getSubcommands().values()) {
            String name = c.getCommandName();
            for (String line : c.getUsageMessage(CommandLine.Help.Ansi.OFF).split("\n")) {
                if (!line.startsWith("  patchlane " + name)) continue;
                assertTrue(NOT_RUN.containsKey(name) || !line.contains("  ("), "an annotated example: " + line);
                if (NOT_RUN.containsKey(name)) continue;
                // "> FILE" only saves the output; the test reads it from standard output.
                ShellLine example = ShellLine.parse(line.replaceFirst("\\s+>\\s*\\S+$", ""));
                List<String> args = new ArrayList<>(example.arguments());
                args.addAll(List.of("--data", data.toString()));
                CliRun r = CliRun.of(args.toArray(String[]::new));
                ran++;
                boolean finding = FINDING_EXIT.containsKey(name) && r.code() == 1 && !r.out().isBlank()
                        && r.err().isBlank();
                if (r.code() != 0 && !finding) {
                    failures.add(example.text() + "  → exit " + r.code() + ": " + r.err().strip());
                    continue;
                }
                for (String piped : example.pipedTo()) {
                    assertEquals("git am", piped, line);
                    GitAm.assumeAvailable();
                    GitAm.applyEach(r.outBytes(), dir.resolve("am" + ran));
                }
            }
        }
        assertTrue(failures.isEmpty(), "--help examples that fail on the demo:\n" + String.join("\n", failures));
        assertTrue(ran >= 8, "only " + ran + " examples ran");
    }
}
