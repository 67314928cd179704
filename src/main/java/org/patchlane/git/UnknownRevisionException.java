package org.patchlane.git;

import java.io.IOException;

/** A revision (branch, tag, id) the repository does not have: a user's input or a mail's claim, not a bug. */
public final class UnknownRevisionException extends IOException {
    private final String revision;

    public UnknownRevisionException(String revision) {
        super("no such commit: " + revision);
        this.revision = revision;
    }

    public String revision() {
        return revision;
    }
}
