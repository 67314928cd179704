package org.patchlane.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.patchlane.source.ImapAddress;
import org.patchlane.source.ImapIdle;
import org.patchlane.source.SourceAddress;
import org.patchlane.store.Archive;

/**
 * Keeps an archive up to date with its sources: ingests each source every interval, and at once when an IMAP
 * folder reports new mail through IDLE. The one writer of the archive; readers (the web server) see new mail through
 * near-real-time searchers. A failing source is recorded in {@link SourceRuns} and retried at its next turn; it
 * never stops the others.
 */
public final class Watcher implements Closeable {
    /** One watched source. */
    public record Watched(String name, SourceAddress address, String list, Duration interval) {
    }

    private final Archive archive;
    private final SourceRuns runs;
    private final Consumer<String> log;
    private final Clock clock;
    private final List<Slot> slots = new ArrayList<>();
    private final Semaphore wake = new Semaphore(0);
    private final List<ImapIdle> idlers = new ArrayList<>();
    private volatile boolean closed;
    private Thread thread;

    /** @param log told one line per run that stored or removed mail, and per failure */
    public Watcher(Archive archive, List<Watched> sources, SourceRuns runs, Consumer<String> log, Clock clock) {
        this.archive = archive;
        this.runs = runs;
        this.log = log;
        this.clock = clock;
        for (Watched w : sources) slots.add(new Slot(w));
    }

    /** Ingests every source once, in order; failures are recorded and logged, not thrown. */
    public void runOnce() {
        for (Slot s : slots) run(s);
    }

    /** Starts watching in the background: every source now, then each at its interval or when IDLE says so. */
    public synchronized void start() {
        if (thread != null) throw new IllegalStateException("already started");
        for (Slot s : slots) {
            if (s.watched.address() instanceof ImapAddress imap) {
                idlers.add(ImapIdle.start(imap.account(), () -> {
                    s.woken = true;
                    wake.release();
                }));
            }
        }
        thread = new Thread(this::loop, "patchlane-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!closed) {
            Instant now = clock.instant();
            Instant next = null;
            for (Slot s : slots) {
                if (closed) return;
                if (s.woken || !now.isBefore(s.due)) {
                    s.woken = false;
                    run(s);
                    s.due = clock.instant().plus(s.watched.interval());
                }
                next = next == null || s.due.isBefore(next) ? s.due : next;
            }
            long millis = next == null ? 60_000 : Math.max(0, Duration.between(clock.instant(), next).toMillis());
            try {
                if (wake.tryAcquire(millis, TimeUnit.MILLISECONDS)) wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void run(Slot s) {
        try {
            IngestCounts c = runs.ingest(new Ingester(archive, s.watched.list(), Progress.NONE), s.watched.address(),
                    clock);
            if (c.added() + c.duplicates() + c.removed() > 0) {
                log.accept(String.format("%s: %,d new, %,d removed, %,d flagged", s.watched.name(),
                        c.added() + c.duplicates(), c.removed(), c.flagged()));
            }
        } catch (IOException | RuntimeException e) {
            log.accept(s.watched.name() + ": " + e.getMessage());
            for (Throwable unrecorded : e.getSuppressed()) {
                log.accept(s.watched.name() + ": cannot record the run: " + unrecorded.getMessage());
            }
        }
    }

    /** Stops watching; an ingest in progress finishes its batch first, uncommitted mail is read again next time. */
    @Override
    public void close() {
        closed = true;
        idlers.forEach(ImapIdle::close);
        wake.release();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A source's turn: when it is next due, and whether IDLE asked for it sooner. */
    private static final class Slot {
        final Watched watched;
        Instant due = Instant.MIN;
        volatile boolean woken;

        Slot(Watched watched) {
            this.watched = watched;
        }
    }
}
