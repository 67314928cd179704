package org.patchlane.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.patchlane.source.MailSource;
import org.patchlane.source.PathAddress;
import org.patchlane.source.RawMessage;
import org.patchlane.source.SourceAddress;
import org.patchlane.store.Work;
import org.patchlane.store.AddOutcome;
import org.patchlane.store.Archive;
import org.patchlane.store.StoredMessage;
import org.patchlane.thread.Post;
import org.patchlane.thread.SeriesUpdate;

/**
 * Wires source → mail → patch → store. Reads a batch while the previous one is parsed and indexed on all cores,
 * and commits source cursors together with the documents they cover, so that a kill at any instant resumes
 * without gap or duplicate.
 */
public final class Ingester {
    /** Messages per batch: big enough to keep both cores busy, small enough to bound memory (≈3 KB a mail). */
    static final int BATCH_MESSAGES = 2_000;
    /**
     * Messages threaded together: a series whose replies arrive over several batches is recomputed once per threading
     * run, so larger runs cost less in all (a third less CPU at 10,000 than at 2,000 on the generated archive).
     */
    static final int THREADING_MESSAGES = 10_000;
    /** A batch also ends at this many bytes, so a run of huge mails cannot exhaust a 512 MB heap. */
    static final long BATCH_BYTES = 32L << 20;
    /** Commit at least this often: the work a crash can lose, and the NRT reader's staleness. */
    static final long COMMIT_NANOS = 5_000_000_000L;

    private final Archive archive;
    private final String list;
    private final Progress progress;
    private final int threads;
    private final long commitNanos;

    /**
     * @param list     the list to file messages under, or null to take each mail's List-Id
     * @param progress told after each batch
     */
    public Ingester(Archive archive, String list, Progress progress) {
        this(archive, list, progress, Runtime.getRuntime().availableProcessors(), COMMIT_NANOS);
    }

    Ingester(Archive archive, String list, Progress progress, int threads, long commitNanos) {
        this.archive = archive;
        this.list = list;
        this.progress = progress;
        this.threads = Math.max(1, threads);
        this.commitNanos = commitNanos;
    }

    /** Ingests every path (file, mbox, Maildir, directory, public-inbox) from its committed cursor to its end. */
    public IngestCounts run(List<Path> paths) throws IOException {
        return ingest(paths.stream().<SourceAddress>map(PathAddress::new).toList());
    }

    /** Ingests every source (a path or an IMAP folder) from its committed cursor to its end. */
    public IngestCounts ingest(List<SourceAddress> addresses) throws IOException {
        Map<String, String> committed = archive.cursors();
        Run run = new Run(commitNanos);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> daemon(r, "patchlane-ingest"));
        ExecutorService threader = Executors.newSingleThreadExecutor(r -> daemon(r, "patchlane-threading"));
        try {
            long totalBytes = 0;
            List<MailSource> sources = new ArrayList<>();
            try {
                for (SourceAddress a : addresses) {
                    MailSource s = a.open(committed::get);
                    sources.add(s);
                    totalBytes = s.totalBytes() < 0 || totalBytes < 0 ? -1 : totalBytes + s.totalBytes();
                }
                run.totalBytes = totalBytes;
                for (MailSource s : sources) {
                    ingest(s, run, pool, threader);
                    run.bytesBefore += s.bytesRead();
                }
            } finally {
                for (MailSource s : sources) s.close();
            }
            archive.commit(run.cursors);
            IngestCounts done = run.counts();
            progress.update(done);
            return done;
        } finally {
            pool.shutdownNow();
            threader.shutdownNow();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Three stages overlap: this thread reads batch N+2 while the pool parses and stores N+1 and the threading thread
     * recomputes the series the batches before touched. A batch's cursors advance only once its series are
     * recomputed, so a commit never covers mail whose threading a crash could lose.
     */
    private void ingest(MailSource source, Run run, ExecutorService pool, ExecutorService threader)
            throws IOException {
        List<RawMessage> batch = read(source);
        CompletableFuture<Void> pending = null;
        List<RawMessage> inFlight = null;
        Threading threading = null;
        Stored unthreaded = new Stored();
        while (!batch.isEmpty() || pending != null) {
            // A deletion must not overlap the batches around it: either may add the message it removes.
            if (pending != null && (deletes(batch) || deletes(inFlight))) Work.await(pending);
            CompletableFuture<Void> next = batch.isEmpty() ? null : submit(batch, run, pool);
            if (pending != null) {
                Work.await(pending);
                unthreaded.add(inFlight);
                // The commit interval holds from a run's first batch: when it is due, the threading run in flight
                // ends (its cursors commit), or, with none in flight, one starts over what is stored so far.
                if (run.commitDue() && threading != null) {
                    finish(threading, run);
                    threading = null;
                }
                if (unthreaded.messages >= THREADING_MESSAGES || next == null
                        || (run.commitDue() && threading == null && unthreaded.messages > 0)) {
                    long bytes = source.bytesRead();
                    finish(threading, run);
                    List<Post> stored = new ArrayList<>();
                    for (Post p = run.posts.poll(); p != null; p = run.posts.poll()) stored.add(p);
                    threading = new Threading(CompletableFuture.runAsync(() -> updateSeries(stored), threader),
                            unthreaded, bytes);
                    unthreaded = new Stored();
                }
            }
            pending = next;
            inFlight = batch;
            batch = next == null ? List.of() : read(source);
        }
        finish(threading, run);
    }

    /** Batches whose series are being recomputed, and where their source stood when they were stored. */
    private record Threading(CompletableFuture<Void> done, Stored batches, long sourceBytes) {
    }

    /**
     * Stored batches not yet threaded: only where each source stands after them and how many messages they hold, so
     * that the raw mail (10,000 messages and more while a threading run is in flight) can go once it is indexed.
     */
    private static final class Stored {
        final Map<String, String> cursors = new HashMap<>();
        int messages;

        void add(List<RawMessage> batch) {
            for (RawMessage m : batch) cursors.put(m.after().sourceKey(), m.after().position());
            messages += batch.size();
        }
    }

    /** Waits for a threading run, then lets its batches' cursors be committed. */
    private void finish(Threading threading, Run run) throws IOException {
        if (threading == null) return;
        Work.await(threading.done());
        run.advance(threading.batches(), threading.sourceBytes());
        if (run.commitDue()) {
            archive.commit(run.cursors);
            run.lastCommit = System.nanoTime();
        }
        progress.update(run.counts());
    }

    /**
     * Recomputes the series these just-stored messages touch. Before a batch's cursors may be committed: a crash
     * between storing and threading re-reads the batch, and its already-stored messages are threaded then.
     */
    private void updateSeries(List<Post> stored) {
        try {
            SeriesUpdate.apply(stored, archive.posts(), archive::replaceSeries);
        } catch (IOException e) {
            throw new UncheckedIOException("threading: " + e.getMessage(), e);
        }
    }

    /** The next batch; it ends after a deletion, so that the deletion can run after everything before it. */
    private static List<RawMessage> read(MailSource source) throws IOException {
        List<RawMessage> batch = new ArrayList<>();
        long bytes = 0;
        RawMessage m;
        while (batch.size() < BATCH_MESSAGES && bytes < BATCH_BYTES && (m = source.next()) != null) {
            batch.add(m);
            bytes += m.bytes().length;
            if (m.deletion()) break;
        }
        return batch;
    }

    private static boolean deletes(List<RawMessage> batch) {
        return batch != null && !batch.isEmpty() && batch.get(batch.size() - 1).deletion();
    }

    /** Parses and stores one batch on the pool, split in one slice per thread; a final deletion runs last. */
    private CompletableFuture<Void> submit(List<RawMessage> batch, Run run, ExecutorService pool) {
        List<RawMessage> adds = deletes(batch) ? batch.subList(0, batch.size() - 1) : batch;
        List<CompletableFuture<Void>> slices = new ArrayList<>();
        int step = Math.max(1, (adds.size() + threads - 1) / threads);
        for (int from = 0; from < adds.size(); from += step) {
            List<RawMessage> slice = adds.subList(from, Math.min(adds.size(), from + step));
            slices.add(CompletableFuture.runAsync(() -> slice.forEach(raw -> store(raw, run)), pool));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(slices.toArray(CompletableFuture[]::new));
        if (adds == batch) return all;
        RawMessage deletion = batch.get(batch.size() - 1);
        return all.thenRunAsync(() -> delete(deletion, run), pool);
    }

    private void store(RawMessage raw, Run run) {
        StoredMessage m = Analyzer.analyze(raw.bytes(), raw.envelopeDate(), raw.truncated(), list);
        AddOutcome outcome;
        try {
            outcome = archive.add(m);
        } catch (IOException e) {
            throw new UncheckedIOException(raw.origin() + ": " + e.getMessage(), e);
        }
        run.count(outcome, !m.mail().flags().isEmpty() || outcome == AddOutcome.DUPLICATE_ID);
        run.posts.add(m.post());
    }

    private void delete(RawMessage raw, Run run) {
        StoredMessage m = Analyzer.analyze(raw.bytes(), raw.envelopeDate(), raw.truncated(), list);
        try {
            if (archive.remove(m)) run.removed.incrementAndGet();
            run.posts.add(m.post());
        } catch (IOException e) {
            throw new UncheckedIOException(raw.origin() + ": " + e.getMessage(), e);
        }
    }


    /** Mutable totals of one run: counters from the workers, cursors and bytes from the ingest thread. */
    private static final class Run {
        final long start = System.nanoTime();
        final long commitNanos;
        /** When cursors were last committed: the commit interval spans sources, not one source each. */
        long lastCommit = start;
        final AtomicLong added = new AtomicLong();
        final AtomicLong unchanged = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong removed = new AtomicLong();
        final AtomicLong flagged = new AtomicLong();
        final Map<String, String> cursors = new HashMap<>();
        /** Posts of the batch in flight, threaded once it is stored. */
        final java.util.Queue<Post> posts = new java.util.concurrent.ConcurrentLinkedQueue<>();
        long messages;
        long bytesBefore;
        long bytesRead;
        long totalBytes;

        Run(long commitNanos) {
            this.commitNanos = commitNanos;
        }

        boolean commitDue() {
            return System.nanoTime() - lastCommit > commitNanos;
        }

        void count(AddOutcome outcome, boolean flag) {
            switch (outcome) {
                case ADDED -> added.incrementAndGet();
                case UNCHANGED -> unchanged.incrementAndGet();
                case DUPLICATE_ID -> duplicates.incrementAndGet();
            }
            if (flag && outcome != AddOutcome.UNCHANGED) flagged.incrementAndGet();
        }

        /** Batches are stored and threaded: their cursors may now be committed. */
        void advance(Stored batches, long sourceBytes) {
            cursors.putAll(batches.cursors);
            messages += batches.messages;
            bytesRead = bytesBefore + sourceBytes;
        }

        IngestCounts counts() {
            return new IngestCounts(messages, added.get(), unchanged.get(), duplicates.get(), removed.get(), flagged.get(),
                    bytesRead, totalBytes, System.nanoTime() - start);
        }
    }
}
