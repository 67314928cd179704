package org.patchlane.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** The options every command takes: where the archive is and whether to print JSON. */
final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory holding the archive (default: $" + DefaultDataDirectory.ENV
                    + ", else index/ beside the patchlane launcher; now ${DEFAULT-VALUE}).")
    Path data = DefaultDataDirectory.current();

    @Option(names = "--json", description = "Print JSON instead of text, for scripts (fields: docs/json.md).")
    boolean json;
}
