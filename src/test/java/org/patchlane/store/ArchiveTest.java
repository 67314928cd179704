package org.patchlane.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.mail.MailFlag;
import org.patchlane.patch.MessageKind;

/** The writer: idempotence, cursors and crashes, concurrency, rebuilds, locking, and what readers see. */
class ArchiveTest {
    @TempDir
    Path data;

    private static StoredMessage msg(String id, String body) {
        return TestMessage.mail(id).subject("subject of " + id).own(body).build();
    }

    private static long count(Path data) throws Exception {
        try (Searcher s = Searcher.open(data)) {
            return s.stats().messages();
        }
    }

    @Test
    void sameMessageTwiceIsStoredOnce() throws Exception {
        try (Archive a = Archive.open(data)) {
            assertEquals(AddOutcome.ADDED, a.add(msg("one@x", "hello")));
            assertEquals(AddOutcome.UNCHANGED, a.add(msg("one@x", "hello")));
            a.commit(Map.of());
            assertEquals(AddOutcome.UNCHANGED, a.add(msg("one@x", "hello")));
            a.commit(Map.of());
        }
        try (Archive a = Archive.open(data)) {
            assertEquals(AddOutcome.UNCHANGED, a.add(msg("one@x", "hello")));
            a.commit(Map.of());
        }
        assertEquals(1, count(data));
    }

    @Test
    void sameIdOtherContentIsStoredAndFlagged() throws Exception {
        try (Archive a = Archive.open(data)) {
            assertEquals(AddOutcome.ADDED, a.add(msg("one@x", "first")));
            a.commit(Map.of());
            assertEquals(AddOutcome.DUPLICATE_ID, a.add(msg("one@x", "second")));
            assertEquals(AddOutcome.UNCHANGED, a.add(msg("one@x", "second")));
            assertEquals(AddOutcome.DUPLICATE_ID, a.add(msg("one@x", "third")));
            a.commit(Map.of());
        }
        try (Searcher s = Searcher.open(data)) {
            List<StoredRecord> all = s.get("one@x");
            assertEquals(3, all.size());
            assertEquals(Set.of(), all.get(0).flags());
            assertEquals(Set.of(MailFlag.DUPLICATE_ID), all.get(1).flags());
            assertEquals(Set.of(MailFlag.DUPLICATE_ID), all.get(2).flags());
            assertEquals(2, s.search("flag:duplicate_id", 0, 10).total());
            assertEquals(2, s.stats().flagged());
        }
    }

    /** The deduper's reader reopens every {@link Deduper#PENDING_LIMIT} adds: keys must survive the swap. */
    @Test
    void idempotenceHoldsAcrossReaderReopen() throws Exception {
        try (org.apache.lucene.store.Directory dir = new org.apache.lucene.store.ByteBuffersDirectory();
             org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(dir,
                     new org.apache.lucene.index.IndexWriterConfig(Schema.analyzer()));
             Deduper d = new Deduper(w)) {
            assertEquals(AddOutcome.ADDED, d.add(msg("a@x", "1")));
            d.refresh();
            assertEquals(AddOutcome.UNCHANGED, d.add(msg("a@x", "1")));
            assertEquals(AddOutcome.DUPLICATE_ID, d.add(msg("a@x", "2")));
            d.refresh();
            assertEquals(AddOutcome.UNCHANGED, d.add(msg("a@x", "2")));
            assertEquals(2, w.getDocStats().numDocs);
        }
    }

    @Test
    void cursorsRoundTripAndMerge() throws Exception {
        try (Archive a = Archive.open(data)) {
            assertEquals(Map.of(), a.cursors());
            a.add(msg("one@x", "hello"));
            a.commit(Map.of("mbox:/srv/a.mbox", "1234:abcd"));
            assertEquals(Map.of("mbox:/srv/a.mbox", "1234:abcd"), a.cursors());
        }
        try (Archive a = Archive.open(data)) {
            assertEquals(Map.of("mbox:/srv/a.mbox", "1234:abcd"), a.cursors());
            a.commit(Map.of("imap:lists/rdma", "17:900"));
            a.commit(Map.of("mbox:/srv/a.mbox", "2000:abcd"));
        }
        try (Archive a = Archive.open(data)) {
            assertEquals(Map.of("mbox:/srv/a.mbox", "2000:abcd", "imap:lists/rdma", "17:900"), a.cursors());
        }
    }

    @Test
    void closingWithoutCommitDropsAddsAndKeepsTheCommittedCursor() throws Exception {
        try (Archive a = Archive.open(data)) {
            a.add(msg("one@x", "kept"));
            a.commit(Map.of("src", "1"));
            a.add(msg("two@x", "lost"));
        }
        try (Archive a = Archive.open(data); Searcher s = a.searcher()) {
            assertEquals(Map.of("src", "1"), a.cursors());
            assertEquals(1, s.get("one@x").size());
            assertEquals(0, s.get("two@x").size());
            // resuming from cursor "1" re-reads message two: stored now, message one stays single
            assertEquals(AddOutcome.UNCHANGED, a.add(msg("one@x", "kept")));
            assertEquals(AddOutcome.ADDED, a.add(msg("two@x", "lost")));
        }
    }

    /**
     * SIGKILL stand-in: copy the index files while the writer is mid-batch (flushed but uncommitted segments on
     * disk), then open the copy as a restarted process would.
     */
    @Test
    void aKilledWriterResumesFromItsLastCommit(@TempDir Path copy) throws Exception {
        try (Archive a = Archive.open(data); Searcher nrt = a.searcher()) {
            for (int i = 0; i < 50; i++) a.add(msg("m" + i + "@x", "body " + i));
            a.commit(Map.of("src", "50"));
            for (int i = 50; i < 80; i++) a.add(msg("m" + i + "@x", "body " + i));
            nrt.refresh();
            assertEquals(80, nrt.stats().messages());
            copyTree(Schema.indexDir(data), Schema.indexDir(copy));
        }
        try (Archive a = Archive.open(copy)) {
            assertEquals(Map.of("src", "50"), a.cursors());
            try (Searcher s = a.searcher()) {
                assertEquals(50, s.stats().messages());
            }
            for (int i = 0; i < 80; i++) {
                assertEquals(i < 50 ? AddOutcome.UNCHANGED : AddOutcome.ADDED, a.add(msg("m" + i + "@x", "body " + i)));
            }
            a.commit(Map.of("src", "80"));
        }
        assertEquals(80, count(copy));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
    }

    @Test
    void concurrentAddsStoreEachMessageOnce() throws Exception {
        int shared = 400;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<String, AddOutcome> firstOutcome = new ConcurrentHashMap<>();
        try (Archive a = Archive.open(data)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                Callable<Integer> job = () -> {
                    start.await();
                    int added = 0;
                    for (int i = 0; i < shared; i++) {
                        AddOutcome o = a.add(msg("shared" + i + "@x", "same bytes " + i));
                        if (o == AddOutcome.ADDED) added++;
                        else assertEquals(AddOutcome.UNCHANGED, o);
                        if (o == AddOutcome.ADDED) assertTrue(firstOutcome.putIfAbsent("shared" + i, o) == null);
                        assertEquals(AddOutcome.ADDED, a.add(msg("own" + thread + "-" + i + "@x", "x")));
                    }
                    return added;
                };
                futures.add(pool.submit(job));
            }
            start.countDown();
            int added = 0;
            for (Future<Integer> f : futures) added += f.get();
            assertEquals(shared, added);
            a.commit(Map.of());
        } finally {
            pool.shutdown();
        }
        try (Searcher s = Searcher.open(data)) {
            assertEquals(3L * shared, s.stats().messages());
            assertEquals(0, s.stats().flagged());
        }
    }

    @Test
    void reindexRebuildsFromRawKeepingCursorsAndDuplicates() throws Exception {
        try (Archive a = Archive.open(data); Searcher nrt = a.searcher()) {
            for (int i = 0; i < 30; i++) a.add(msg("m" + i + "@x", "body " + i));
            a.add(msg("m0@x", "other bytes"));
            a.commit(Map.of("src", "31"));
            a.add(msg("late@x", "uncommitted before reindex"));
            assertEquals(0, nrt.search("kind:patch", 0, 10).total());

            // a "newer parser": every message now reads as a patch, its text taken from the raw bytes
            long n = a.reindex(r -> TestMessage.mail(r.messageId()).kind(MessageKind.PATCH)
                    .raw(new String(r.raw(), java.nio.charset.StandardCharsets.UTF_8)).build());

            assertEquals(32, n);
            assertEquals(Map.of("src", "31"), a.cursors());
            nrt.refresh();
            assertEquals(32, nrt.search("kind:patch", 0, 10).total());
            assertEquals(List.of(Set.of(), Set.of(MailFlag.DUPLICATE_ID)),
                    nrt.get("m0@x").stream().map(StoredRecord::flags).toList());
            assertEquals(AddOutcome.UNCHANGED, a.add(msg("m5@x", "body 5")));
        }
        assertEquals(32, count(data));
        try (Stream<Path> left = Files.list(data)) {
            assertEquals(List.of("archive.lock", "lucene-v" + Schema.VERSION),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void reindexUpgradesAnArchiveOfAnOlderSchemaKeepingItsCursors() throws Exception {
        try (Archive a = Archive.open(data)) {
            for (int i = 0; i < 5; i++) a.add(msg("old" + i + "@x", "body " + i));
            a.commit(Map.of("mbox:/lists/rdma.mbox", "12345"));
        }
        // An archive left by the previous schema version: same stored fields, older directory name.
        Files.move(Schema.indexDir(data), data.resolve("lucene-v" + (Schema.VERSION - 1)));
        assertThrows(ArchiveNotFoundException.class, () -> Searcher.open(data).close());
        try (Archive a = Archive.open(data)) {
            assertEquals(Map.of(), a.cursors(), "the new version's index starts empty");
            assertEquals(5, a.reindex(r -> TestMessage.mail(r.messageId()).raw(new String(r.raw(),
                    java.nio.charset.StandardCharsets.UTF_8)).build()));
            assertEquals(Map.of("mbox:/lists/rdma.mbox", "12345"), a.cursors());
        }
        assertEquals(5, count(data));
        try (Stream<Path> left = Files.list(data)) {
            assertEquals(List.of("archive.lock", "lucene-v" + Schema.VERSION),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aRebuildInterruptedBeforeItsSwapIsUndone() throws Exception {
        try (Archive a = Archive.open(data)) {
            a.add(msg("one@x", "kept"));
            a.commit(Map.of("src", "1"));
        }
        Path index = Schema.indexDir(data);
        // crashed after moving the old index aside, before the (incomplete) new one was moved in
        Files.move(index, index.resolveSibling(index.getFileName() + ".old"));
        Files.createDirectories(index.resolveSibling(index.getFileName() + ".new"));
        try (Archive a = Archive.open(data)) {
            assertEquals(Map.of("src", "1"), a.cursors());
        }
        assertEquals(1, count(data));
        assertFalse(Files.exists(index.resolveSibling(index.getFileName() + ".new")));
        assertFalse(Files.exists(index.resolveSibling(index.getFileName() + ".old")));
    }

    @Test
    void aSecondWriterIsToldTheArchiveIsBusy() throws Exception {
        try (Archive a = Archive.open(data)) {
            ArchiveBusyException e = assertThrows(ArchiveBusyException.class, () -> Archive.open(data));
            assertEquals(data, e.dataDir());
            assertTrue(e.getMessage().contains("busy"), e.getMessage());
        }
        Archive.open(data).close();
    }

    @Test
    void aMissingArchiveIsReportedToReaders() {
        assertThrows(ArchiveNotFoundException.class, () -> Searcher.open(data.resolve("nothing")));
    }

    @Test
    void readersSeeNearRealTimeOrCommittedData() throws Exception {
        try (Archive a = Archive.open(data); Searcher nrt = a.searcher(); Searcher committed = Searcher.open(data)) {
            a.add(msg("one@x", "hello"));
            nrt.refresh();
            committed.refresh();
            assertEquals(1, nrt.search("hello", 0, 10).total());
            assertEquals(0, committed.search("hello", 0, 10).total());
            a.commit(Map.of());
            committed.refresh();
            assertEquals(1, committed.search("hello", 0, 10).total());
        }
    }

    @Test
    void closedArchiveRefusesWrites() throws Exception {
        Archive a = Archive.open(data);
        a.close();
        assertThrows(IllegalStateException.class, () -> a.add(msg("one@x", "hello")));
        assertThrows(IllegalStateException.class, () -> a.commit(Map.of()));
    }
}
