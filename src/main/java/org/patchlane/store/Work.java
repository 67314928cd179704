package org.patchlane.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work handed to other threads (ingest's and reindex's batches) with its failure as thrown there. */
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
}
