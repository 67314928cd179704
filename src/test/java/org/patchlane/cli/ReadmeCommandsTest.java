package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.web.ExampleQuery;

/**
 * Every command of the README's {@code sh} blocks works on the demo archive as written: run through the CLI entry
 * point with the demo's data directory, it exits 0, and what it pipes to {@code git am} is applied by git. The few
 * that need something outside this machine are listed here with the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeCommandsTest {
    /** README commands this test cannot run, each with why; every one must still be in the README. */
    static final Map<String, String> NOT_RUN = Map.of(
            "./patchlane demo", "serves until stopped; the set-up runs its ingest as 'demo --no-serve'",
            "mvn -B verify", "runs the whole test suite, this test among them",
            "./patchlane ingest ~/lists/linux-rdma.mbox.gz --list linux-rdma", "a list archive of the user's own",
            "PATCHLANE_IMAP_PASSWORD=... ./patchlane ingest imaps://me@imap.example.org/lists/linux-rdma "
                    + "--list linux-rdma", "needs an IMAP server and its password",
            "./patchlane ingest ~/lore/linux-watchdog", "a public-inbox clone of the user's own",
            "./patchlane watch", "runs until stopped, over sources the user configured",
            "./patchlane fetch", "needs a [repo] of the user's own (PullsCommandTest runs it on real repositories)",
            "./patchlane pulls --daily", "needs a [repo] of the user's own (PullsCommandTest runs it on real repositories)",
            "./patchlane merged", "needs a [repo] of the user's own (MergedCommandTest runs it on real repositories)");

    Path tmp;
    Path data;
    List<ShellLine> commands;

    @BeforeAll
    void setUp(@TempDir Path dir) throws IOException {
        tmp = dir;
        data = CliRun.demo(dir);
        commands = shCommands(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
    }

    /** The command lines of every {@code ```sh} block. */
    static List<ShellLine> shCommands(String markdown) {
        List<ShellLine> out = new ArrayList<>();
        boolean inSh = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                inSh = !inSh && line.strip().equals("```sh");
                continue;
            }
            if (!inSh) continue;
            ShellLine parsed = ShellLine.parse(line);
            if (parsed != null) out.add(parsed);
        }
        return out;
    }

    @Test
    void everyReadmeCommandExitsZeroOnTheDemo() throws Exception {
        int ran = 0;
        List<String> failures = new ArrayList<>();
        for (ShellLine c : commands) {
            if (NOT_RUN.containsKey(c.text())) continue;
            assertEquals("./patchlane", c.program(), "a README command that is neither run nor listed in NOT_RUN: "
                    + c.text());
            List<String> args = new ArrayList<>(c.arguments());
            args.addAll(List.of("--data", data.toString()));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            ran++;
            boolean finding = HelpExamplesTest.FINDING_EXIT.containsKey(c.arguments().get(0)) && r.code() == 1
                    && !r.out().isBlank() && r.err().isBlank();
            if (r.code() != 0 && !finding) {
                failures.add(c.text() + "  → exit " + r.code() + ": " + r.err().strip());
                continue;
            }
            for (String piped : c.pipedTo()) {
                assertEquals("git am", piped, "a pipe this test does not know: " + c.text());
                GitAm.assumeAvailable();
                List<String> subjects = GitAm.applyEach(r.outBytes(), tmp.resolve("am" + ran));
                assertFalse(subjects.isEmpty(), c.text());
            }
        }
        assertTrue(failures.isEmpty(), "README commands that fail on the demo:\n" + String.join("\n", failures));
        assertTrue(ran >= 6, "only " + ran + " README commands ran");
    }

    @Test
    void everyCommandLeftOutIsStillInTheReadme() {
        Set<String> written = commands.stream().map(ShellLine::text).collect(Collectors.toSet());
        for (String c : NOT_RUN.keySet()) assertTrue(written.contains(c), "NOT_RUN lists a command the README lost: " + c);
    }

    /** The README's search and series examples come from the one list the home page shows and a test runs. */
    @Test
    void readmeQueriesAreExampleQueries() {
        Set<String> examples = ExampleQuery.ALL.stream().map(ExampleQuery::query).collect(Collectors.toSet());
        for (ShellLine c : commands) {
            if (!c.program().equals("./patchlane") || c.arguments().isEmpty()) continue;
            String verb = c.arguments().get(0);
            if (!verb.equals("search") && !verb.equals("series")) continue;
            List<String> words = c.arguments().stream().skip(1).filter(w -> !w.startsWith("--")).toList();
            if (words.isEmpty()) continue;
            assertTrue(examples.contains(String.join(" ", words)), "not in ExampleQuery.ALL: " + c.text());
        }
    }

    /** The pipe check itself: a cover letter is no input for git am. */
    @Test
    void aCoverLetterIsNotAPatchForGitAm() throws Exception {
        GitAm.assumeAvailable();
        CliRun cover = CliRun.of("show", "--raw", "<20261116-aux-lifetime-v3-0-2b7e9f4c1d38@nvidia.com>",
                "--data", data.toString());
        assertEquals(0, cover.code(), cover.err());
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> GitAm.applyEach(cover.outBytes(), tmp.resolve("cover")));
        assertTrue(e.getMessage().contains("has no diff"), e.getMessage());
    }
}
