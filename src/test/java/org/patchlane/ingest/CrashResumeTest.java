package org.patchlane.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.bench.ArchiveGenerator;
import org.patchlane.cli.Main;
import org.patchlane.store.ArchiveNotFoundException;
import org.patchlane.store.Searcher;

/**
 * A child JVM ingesting a generated 30,000-message archive is killed with SIGKILL at moments spread across its commits,
 * then resumed. Before each resume the archive holds more than before the killed run and fewer than all; at the end
 * it holds exactly the archive's messages: no gap, no duplicate. The expected Message-IDs come from a plain reading of
 * the mbox's header lines, independent of the project's parsers.
 */
class CrashResumeTest {
    private static final int MESSAGES = 30_000;
    private static final int KILLS = 4;
    /** A kill lands up to this long after a commit seen from outside, so kills spread over the 5 s commit interval. */
    private static final long MAX_EXTRA_MILLIS = 3_000;

    @TempDir
    Path tmp;

    @Test
    void sigkillAcrossCommitsLosesAndRepeatsNothing() throws Exception {
        Path mbox = tmp.resolve("archive.mbox");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(mbox), 1 << 16)) {
            ArchiveGenerator.write(MESSAGES, 42, out);
        }
        PlainReading expected = PlainReading.of(mbox);
        assertEquals(MESSAGES, expected.messages);

        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("CrashResumeTest seed " + seed + " (rerun with -Dcrash.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        Path data = tmp.resolve("data");
        long before = 0;
        int killed = 0;
        for (int attempt = 0; killed < KILLS && attempt < KILLS * 3; attempt++) {
            Process p = ingest(data, mbox);
            if (!awaitCommitBeyond(data, before, p)) break; // it finished: the archive is whole
            if (p.waitFor(random.nextLong(0, MAX_EXTRA_MILLIS), TimeUnit.MILLISECONDS)) break;
            p.destroyForcibly().waitFor();
            if (p.exitValue() == 0) break; // finished just before the kill
            killed++;
            long now = stored(data);
            assertTrue(now > before, "run " + attempt + " committed something: " + before + " -> " + now);
            assertTrue(now < MESSAGES, "run " + attempt + " was killed before the end: " + now);
            before = now;
        }
        assertTrue(killed >= 2, "the ingest was killed after commits at least twice, not " + killed);
        Process last = ingest(data, mbox);
        assertTrue(last.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, last.exitValue());

        Set<String> stored = new HashSet<>();
        long[] count = {0};
        try (Searcher s = Searcher.open(data)) {
            s.forEach(r -> {
                count[0]++;
                stored.add(r.messageId());
            });
        }
        assertEquals(MESSAGES, count[0], "no message lost or stored twice");
        assertEquals(MESSAGES, stored.size(), "every stored Message-ID is distinct");
        assertTrue(stored.containsAll(expected.ids), "every Message-ID of the archive is stored");
    }

    /** Waits until the archive holds more than {@code before} messages; false when the process ended first. */
    private static boolean awaitCommitBeyond(Path data, long before, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (stored(data) > before) return true;
            if (p.waitFor(200, TimeUnit.MILLISECONDS)) return false;
        }
        p.destroyForcibly().waitFor();
        fail("no commit within 3 minutes of the run's start");
        return false;
    }

    private static long stored(Path data) throws IOException {
        try (Searcher s = Searcher.open(data)) {
            return s.stats().messages();
        } catch (ArchiveNotFoundException notYet) {
            return 0;
        }
    }

    private static Process ingest(Path data, Path mbox) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "ingest", "--data", data.toString(), mbox.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /**
     * The archive as read line by line: messages are counted by their {@code From } separator lines (body lines of
     * that shape are escaped by the generator), and the Message-ID is the first header line of that name.
     */
    private record PlainReading(long messages, Set<String> ids) {
        private static final Pattern ID = Pattern.compile("^message-id:\\s*<([^>]+)>", Pattern.CASE_INSENSITIVE);

        static PlainReading of(Path mbox) throws IOException {
            long messages = 0;
            Set<String> ids = new HashSet<>();
            boolean inHeader = false;
            boolean found = false;
            try (BufferedReader r = Files.newBufferedReader(mbox, StandardCharsets.ISO_8859_1)) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("From ")) {
                        messages++;
                        inHeader = true;
                        found = false;
                    } else if (inHeader && line.isEmpty()) {
                        inHeader = false;
                    } else if (inHeader && !found) {
                        Matcher m = ID.matcher(line.toLowerCase(Locale.ROOT).startsWith("message-id:") ? line : "");
                        if (m.find()) {
                            found = true;
                            assertTrue(ids.add(m.group(1)), "generated ids are unique: " + m.group(1));
                        }
                    }
                }
            }
            assertTrue(ids.size() > messages * 99 / 100, "most generated mail has a Message-ID: " + ids.size());
            return new PlainReading(messages, ids);
        }
    }
}
