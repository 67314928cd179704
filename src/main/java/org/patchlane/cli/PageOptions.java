package org.patchlane.cli;

import picocli.CommandLine.Option;

/** {@code --limit} and {@code --offset} of the commands that list results page by page. */
final class PageOptions {
    @Option(names = "--limit", defaultValue = "20", description = "Results to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--offset", defaultValue = "0", description = "Results to skip, for paging.")
    int offset;
}
