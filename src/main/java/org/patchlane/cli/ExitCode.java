package org.patchlane.cli;

/** Exit codes every command uses; documented in {@code --help} and the README. */
final class ExitCode {
    static final int OK = 0;
    /** A check failed or nothing was found (a search with no hit, an unknown Message-ID). */
    static final int NOT_FOUND = 1;
    /** Bad usage or input: unknown option, bad query, a path that is not mail, an IMAP login or folder refused. */
    static final int USAGE = 2;
    /** I/O error: unreadable source, archive busy or damaged, port in use. */
    static final int IO = 3;

    private ExitCode() {
    }
}
