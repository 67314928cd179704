package org.patchlane.source;

import java.io.Closeable;
import java.io.IOException;

/**
 * A stream of raw messages in a deterministic order, started from a cursor. Implementations read with bounded
 * memory: one message at a time, never the whole source.
 */
public interface MailSource extends Closeable {
    /**
     * The next message, or null when the source is exhausted.
     *
     * @throws IOException when the underlying file cannot be read (not for malformed mail, which is returned raw)
     */
    RawMessage next() throws IOException;

    /**
     * The size of the whole source in bytes as stored on disk (compressed size for gzip), or -1 when unknown.
     * Together with {@link #bytesRead()} it gives a progress percentage. May stat files on first call.
     */
    default long totalBytes() {
        return -1;
    }

    /**
     * How many of {@link #totalBytes()} are behind us: delivered, skipped on resume, or skipped as not mail.
     * Monotonic; equals {@code totalBytes()} once the source is exhausted.
     */
    default long bytesRead() {
        return 0;
    }
}
