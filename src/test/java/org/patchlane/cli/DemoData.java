package org.patchlane.cli;

import java.nio.file.Path;

/** For tests outside this package: the demo ingested (with its repositories fetched), and CLI runs on it. */
public final class DemoData {
    private DemoData() {
    }

    /** {@code demo --no-serve} into {@code dir/data}; its path. */
    public static Path demo(Path dir) {
        return CliRun.demo(dir);
    }

    /** Runs a command in-process; its exit code (output discarded). */
    public static int run(String... args) {
        return CliRun.of(args).code();
    }

    /** The configured repositories of a data directory, as serve reads them. */
    public static java.util.List<org.patchlane.pull.RepoSettings> repositories(Path data) throws java.io.IOException {
        return ConfigOptions.repositories(new ConfigOptions().load(data), data);
    }

    /** The review policy of a data directory, as serve reads it. */
    public static org.patchlane.review.Policy policy(Path data) throws java.io.IOException {
        return new ConfigOptions().policy(data);
    }
}
