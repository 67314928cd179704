package org.patchlane.cli;

import picocli.CommandLine.Option;

/**
 * {@code --no-server} of the queries the launcher may pass to a running server: it tells the launcher to answer in a
 * new JVM, and Java accepts it (doing nothing more) so that {@code --help} shows it and the same line works either way.
 */
final class NoServerOption {
    @Option(names = "--no-server", description = "Answer in a new JVM even when a 'patchlane serve' runs on the data "
            + "directory (the launcher otherwise asks that server, which prints the same).")
    boolean noServer;
}
