package org.patchlane.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Waiting for work handed to other threads (ingest's and reindex's batches, merged detection's diffs) with its failure
 * as thrown there, and for those threads to be gone before what they read or write is closed.
 */
public final class Work {
    private Work() {
    }

    /** Waits for {@code f} (nothing when null); an I/O failure comes back as the {@link IOException} it was. */
    public static void await(CompletableFuture<Void> f) throws IOException {
        if (f == null) return;
        try {
            f.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) throw u.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IOException(cause);
        }
    }

    /**
     * Shuts {@code pool} down and waits until its threads have left: the tasks already handed to it run to their end
     * (not interrupted: a Lucene writer interrupted in a file operation closes itself). An interrupt while waiting is
     * kept for the caller.
     */
    public static void finish(ExecutorService pool) {
        pool.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
