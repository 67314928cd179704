package org.patchlane.source;

import java.util.Objects;

/**
 * A resumable position in one source: the source's stable key (kind + file identity) and an opaque position
 * string the source itself understands (an mbox byte offset with a fingerprint, a Maildir file name, ...).
 * Cursors are committed together with the index so that a crash resumes without gap or duplicate.
 */
public record Cursor(String sourceKey, String position) {
    public Cursor {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(position, "position");
    }
}
