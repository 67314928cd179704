package org.patchlane.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;

/**
 * Re-adds every stored message of an index into a fresh one, parsing and indexing on every core while this thread
 * reads the next batch (reindex ran on one thread: half the rate of ingest on two cores). Messages are dealt to the
 * workers by Message-ID, each worker keeping index order: the copies of one Message-ID are added in the order they
 * were stored, so the same copy is flagged {@code duplicate_id} as in a one-thread rebuild.
 */
final class Rebuild {
    /** Records read ahead of the workers: bounds memory (≈3 KB a mail) while keeping both cores busy. */
    static final int BATCH = 2_000;

    private final Function<StoredRecord, StoredMessage> reparse;
    private final Deduper into;
    private final int threads;

    Rebuild(Function<StoredRecord, StoredMessage> reparse, Deduper into, int threads) {
        this.reparse = reparse;
        this.into = into;
        this.threads = Math.max(1, threads);
    }

    /** Adds every live message of {@code source} (series documents are left out: they are recomputed); the count added. */
    long messages(DirectoryReader source) throws IOException {
        AtomicLong added = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "patchlane-reindex");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture<Void> pending = null;
            List<StoredRecord> batch = new ArrayList<>();
            for (LeafReaderContext leaf : source.leaves()) {
                LeafReader reader = leaf.reader();
                Bits liveDocs = reader.getLiveDocs();
                StoredFields stored = reader.storedFields();
                for (int doc = 0; doc < reader.maxDoc(); doc++) {
                    if (liveDocs != null && !liveDocs.get(doc)) continue;
                    Document d = stored.document(doc);
                    if (d.get(Schema.DOC_TYPE.name()) != null) continue;
                    batch.add(MessageDocument.record(d));
                    if (batch.size() >= BATCH) {
                        Work.await(pending);
                        pending = submit(batch, added, pool);
                        batch = new ArrayList<>();
                    }
                }
            }
            Work.await(pending);
            Work.await(submit(batch, added, pool));
            return added.get();
        } finally {
            Work.finish(pool); // none is still adding when the caller closes the writer, even after a failure here
        }
    }

    /** One batch, split by Message-ID into one slice per worker. */
    private CompletableFuture<Void> submit(List<StoredRecord> batch, AtomicLong added, ExecutorService pool) {
        List<List<StoredRecord>> slices = new ArrayList<>();
        for (int i = 0; i < threads; i++) slices.add(new ArrayList<>());
        for (StoredRecord r : batch) slices.get(Math.floorMod(r.messageId().hashCode(), threads)).add(r);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (List<StoredRecord> slice : slices) {
            if (slice.isEmpty()) continue;
            running.add(CompletableFuture.runAsync(() -> {
                for (StoredRecord r : slice) {
                    try {
                        if (into.add(reparse.apply(r)) != AddOutcome.UNCHANGED) added.incrementAndGet();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }, pool));
        }
        return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
    }

}
