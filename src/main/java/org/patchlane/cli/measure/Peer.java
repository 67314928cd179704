package org.patchlane.cli.measure;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A mail indexer Patchlane is compared with, run on the same archive in the same benchmark: it is measured only when
 * its binary is installed, and its failure is reported, never fatal.
 */
public interface Peer {
    /** Its name in {@code --peers} and in the report. */
    String name();

    /** Whether its binaries are on the PATH. */
    boolean installed();

    /** Its version, or null when unknown. */
    String version();

    /** Indexes {@code archive} into {@code dir} (an empty directory of its own). */
    PeerIndex index(Archive archive, Path dir) throws IOException, InterruptedException;

    /** Whether {@code dir} holds an index this peer made. */
    boolean indexed(Path dir);

    /**
     * Opens {@code dir}'s index for timed queries; {@link Queries#millis} answers one query as a user of that tool
     * would meet it: a new process for the command-line tools, an HTTP request to its running server for public-inbox.
     */
    Queries queries(Path dir) throws IOException, InterruptedException;

    /** The archive in the forms the peers read. */
    record Archive(Path mbox, Path maildir, long messages) {
    }

    /** Timed queries against one index. */
    interface Queries extends AutoCloseable {
        double millis(SharedQuery q) throws IOException, InterruptedException;

        @Override
        default void close() throws IOException, InterruptedException {
        }
    }
}
