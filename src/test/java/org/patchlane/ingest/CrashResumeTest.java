package org.patchlane.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.bench.ArchiveGenerator;
import org.patchlane.cli.Main;
import org.patchlane.mail.MailParser;
import org.patchlane.source.MailSource;
import org.patchlane.source.RawMessage;
import org.patchlane.source.Sources;
import org.patchlane.store.Searcher;

/**
 * A child JVM ingesting a generated 50k-message archive is killed with SIGKILL at random moments, then resumed;
 * the stored Message-IDs must equal the archive's exactly: no gap, no duplicate.
 */
class CrashResumeTest {
    private static final int MESSAGES = 50_000;
    private static final int KILLS = 5;

    @TempDir
    Path tmp;

    @Test
    void sigkillAtRandomMomentsLosesAndRepeatsNothing() throws Exception {
        Path mbox = tmp.resolve("archive.mbox");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(mbox), 1 << 16)) {
            ArchiveGenerator.write(MESSAGES, 42, out);
        }
        List<String> expected = archiveIds(mbox);
        assertEquals(MESSAGES, expected.size());

        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("CrashResumeTest seed " + seed + " (rerun with -Dcrash.seed=" + seed + ")");
        SplittableRandom random = new SplittableRandom(seed);
        Path data = tmp.resolve("data");
        int killed = 0;
        for (int attempt = 0; killed < KILLS && attempt < KILLS * 4; attempt++) {
            Process p = ingest(data, mbox);
            // Kill anywhere from JVM start-up to well into the run; a run that finished first is simply retried.
            long delay = random.nextLong(300, 4_000);
            if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                killed++;
            }
        }
        assertEquals(KILLS, killed, "the ingest must be killable " + KILLS + " times");
        Process last = ingest(data, mbox);
        assertTrue(last.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, last.exitValue());

        List<String> stored = new ArrayList<>();
        try (Searcher s = Searcher.open(data)) {
            s.forEach(r -> stored.add(r.messageId()));
        }
        assertEquals(expected.size(), stored.size(), "no message lost or stored twice");
        assertEquals(new HashSet<>(expected), new HashSet<>(stored));
    }

    private static List<String> archiveIds(Path mbox) throws IOException {
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (MailSource source = Sources.open(mbox, key -> null)) {
            for (RawMessage m; (m = source.next()) != null; ) {
                String id = MailParser.messageIdOf(m.bytes());
                assertTrue(seen.add(id), "generated ids are unique: " + id);
                ids.add(id);
            }
        }
        return ids;
    }

    private static Process ingest(Path data, Path mbox) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "ingest", "--data", data.toString(), mbox.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
