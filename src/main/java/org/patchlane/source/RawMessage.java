package org.patchlane.source;

import java.time.Instant;
import java.util.Objects;

/**
 * One message exactly as the source holds it (mbox escaping undone), with where it came from.
 *
 * @param bytes        the message bytes, never null
 * @param origin       human-readable origin for errors ("file.mbox@1234", "Maildir/cur/xyz")
 * @param after        the cursor positioned just after this message: committing it means "this one is stored"
 * @param envelopeDate the date of the mbox {@code From } line, or null when there is none or it is unparsable
 * @param truncated    true when the source ended inside this message (last message of a cut mbox)
 * @param deletion     true when the source removed this message (a public-inbox {@code d}): the archive must drop
 *                     it rather than store it
 */
public record RawMessage(byte[] bytes, String origin, Cursor after, Instant envelopeDate, boolean truncated,
                         boolean deletion) {
    public RawMessage {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(after, "after");
    }

    /** A message to store. */
    public RawMessage(byte[] bytes, String origin, Cursor after, Instant envelopeDate, boolean truncated) {
        this(bytes, origin, after, envelopeDate, truncated, false);
    }
}
