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
}
