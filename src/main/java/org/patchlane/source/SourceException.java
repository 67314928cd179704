package org.patchlane.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A path that cannot serve as a mail source: missing, unreadable, or not mail at all. Carries the culprit path
 * and a reason so the CLI can map it to an exit code (suggested: {@link Reason#MISSING} and
 * {@link Reason#NOT_MAIL} are bad input, exit 2; {@link Reason#UNREADABLE} is an I/O error, exit 3).
 * It is an {@link IOException} so that callers that only handle I/O failures still catch it.
 */
public final class SourceException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why the path was refused. */
    public enum Reason {
        /** The path does not exist. */
        MISSING,
        /** The path exists but cannot be read (permissions, I/O error while opening). */
        UNREADABLE,
        /** The path exists but is neither an mbox, a message, a Maildir nor a directory. */
        NOT_MAIL
    }

    private final transient Path path;
    private final Reason reason;

    public SourceException(Path path, Reason reason, String detail, Throwable cause) {
        super(path + ": " + detail, cause);
        this.path = Objects.requireNonNull(path, "path");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public SourceException(Path path, Reason reason, String detail) {
        this(path, reason, detail, null);
    }

    /** The path that was refused, as given (not resolved). */
    public Path path() {
        return path;
    }

    public Reason reason() {
        return reason;
    }
}
