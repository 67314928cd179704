package org.patchlane.source;

import java.io.IOException;
import java.util.Objects;

/**
 * The IMAP server answered, and said no: wrong user or password, or no such folder. Retrying cannot help, so the
 * CLI treats it as bad input (exit 2), unlike a dropped or refused connection (I/O, exit 3).
 */
public final class ImapRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What the server refused. */
    public enum Reason {
        LOGIN,
        FOLDER
    }

    private final String url;
    private final Reason reason;

    public ImapRefusedException(ImapUrl url, Reason reason, String detail, Throwable cause) {
        super(url + ": " + detail, cause);
        this.url = url.toString();
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The folder's URL (no password). */
    public String url() {
        return url;
    }

    public Reason reason() {
        return reason;
    }
}
