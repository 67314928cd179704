package org.patchlane.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.patchlane.git.ConfigFile;
import org.patchlane.review.Policy;

import picocli.CommandLine.Option;

/** Where the configuration file is: {@code --config}, else in the data directory, else in ~/.config. */
final class ConfigOptions {
    static final String NAME = "patchlane.conf";

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default: DIR/patchlane.conf of --data, else "
                    + "~/.config/patchlane/patchlane.conf; none is fine).")
    Path config;

    /** The configuration in force: the first file found, or an empty one. */
    ConfigFile load(Path data) throws IOException {
        if (config != null) {
            if (!Files.isRegularFile(config)) throw new IllegalArgumentException("no configuration file " + config);
            return ConfigFile.read(config);
        }
        for (Path p : new Path[] {data.resolve(NAME),
                Path.of(System.getProperty("user.home"), ".config", "patchlane", NAME)}) {
            if (Files.isRegularFile(p)) return ConfigFile.read(p);
        }
        return ConfigFile.empty();
    }

    /**
     * The file a command that changes the configuration writes: {@code --config}, else the first file
     * {@link #load} would read, else {@code DATA/patchlane.conf}.
     */
    Path target(Path data) {
        if (config != null) return config;
        for (Path p : new Path[] {data.resolve(NAME),
                Path.of(System.getProperty("user.home"), ".config", "patchlane", NAME)}) {
            if (Files.isRegularFile(p)) return p;
        }
        return data.resolve(NAME);
    }

    /** The configuration's [repo] sections; relative paths are beside the configuration file (else in DATA). */
    static java.util.List<org.patchlane.pull.RepoSettings> repositories(ConfigFile conf, Path data) {
        return org.patchlane.pull.RepoSettings.of(conf, conf.path() == null ? data : conf.path().toAbsolutePath().getParent());
    }

    /** The review policy of the configuration in force: areas, the MAINTAINERS file it names, the window. */
    Policy policy(Path data) throws IOException {
        return Policy.load(load(data), null);
    }
}
