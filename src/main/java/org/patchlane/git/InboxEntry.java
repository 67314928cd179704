package org.patchlane.git;

import java.util.Objects;

/**
 * One message event of a public-inbox epoch: a message added, or a message deleted (v2's {@code d} blob, a v1
 * file removed). Its bytes are the message exactly as public-inbox stored it.
 *
 * @param commit   the commit to resume after once this entry is stored (40 hex); for all but the last entry of a
 *                 commit that touches several files, the commit before it, so a resume never skips an entry
 * @param raw      the message bytes, never null
 * @param deletion true when the commit removes this message from the inbox
 */
public record InboxEntry(String commit, byte[] raw, boolean deletion) {
    public InboxEntry {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(raw, "raw");
    }
}
