package org.patchlane.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decisions repository's commits: authors, history per file, other writers seen, no update lost. */
class FileLogTest {
    @TempDir
    Path dir;

    @Test
    void eachWriteIsOneCommitByItsAuthorAndAnotherInstanceSeesIt() throws Exception {
        Path repo = dir.resolve("decisions");
        try (FileLog a = FileLog.open(repo); FileLog b = FileLog.open(repo)) {
            assertNull(a.head());
            a.write("s1", "state: accepted\n", "Leon Romanovsky", "leon@kernel.org", Instant.parse("2026-12-01T10:00:00Z"),
                    "state: accepted\n\nqueued");
            String first = b.head();
            b.write("s1", "state: deferred\n", "Jason Gunthorpe", "jgg@nvidia.com", Instant.parse("2026-12-01T11:00:00Z"),
                    "state: deferred");
            b.write("s2", "state: rejected\n", "Jason Gunthorpe", "jgg@nvidia.com", Instant.parse("2026-12-01T12:00:00Z"),
                    "state: rejected");
            assertNotEquals(first, a.head(), "a sees b's commits");
            List<FileLog.Revision> log = a.log("s1");
            assertEquals(List.of("Jason Gunthorpe jgg@nvidia.com state: deferred\n",
                    "Leon Romanovsky leon@kernel.org state: accepted\n\nqueued\n"),
                    log.stream().map(r -> r.name() + " " + r.email() + " " + r.message()).toList());
            assertEquals(List.of("state: deferred\n", "state: accepted\n"), log.stream().map(FileLog.Revision::content).toList());
            assertEquals(Instant.parse("2026-12-01T11:00:00Z").toEpochMilli(), log.get(0).at());
            assertEquals(java.util.Map.of("s1", "state: deferred\n", "s2", "state: rejected\n"), a.readAll());
            assertEquals("state: rejected\n", a.read("s2").orElseThrow());
        }
        // A clone is a backup: the same files.
        try (Git clone = Git.cloneRepository().setURI(repo.toUri().toString()).setDirectory(dir.resolve("c").toFile()).call()) {
            assertEquals("state: deferred\n", java.nio.file.Files.readString(dir.resolve("c").resolve("s1")));
        }
    }

    @Test
    void concurrentWritersLoseNoUpdate() throws Exception {
        Path repo = dir.resolve("decisions");
        FileLog.open(repo).close();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                try (FileLog log = FileLog.open(repo)) {
                    for (int i = 0; i < 10; i++) {
                        log.write("w" + writer, "n " + i + "\n", "W" + writer, "w" + writer + "@x", Instant.now(), "n " + i);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        try (FileLog log = FileLog.open(repo)) {
            for (int w = 0; w < 4; w++) {
                assertEquals(10, log.log("w" + w).size());
                assertEquals("n 9\n", log.read("w" + w).orElseThrow());
            }
        }
    }
}
