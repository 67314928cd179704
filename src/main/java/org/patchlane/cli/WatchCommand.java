package org.patchlane.cli;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.patchlane.ingest.ConfiguredSource;
import org.patchlane.ingest.SourceRuns;
import org.patchlane.ingest.Watcher;
import org.patchlane.report.Json;
import org.patchlane.view.Plural;
import org.patchlane.report.SourcesJson;
import org.patchlane.store.Archive;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code patchlane watch}: keeps the archive up to date with the configured sources. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Ingest every [source \"NAME\"] of the configuration file now, then each again every "
                + "'interval' seconds (default 300), and at once when an IMAP server reports new mail (IDLE).",
                "A failing source is recorded (see 'patchlane sources') and retried at its next turn. "
                + "'serve --watch' does the same while serving the web UI."},
        footer = {"%nExample configuration (DATA/patchlane.conf or ~/.config/patchlane/patchlane.conf):",
                "  [source \"linux-rdma\"]", "      url = imaps://me@imap.example.org/lists/linux-rdma",
                "      list = linux-rdma", "      passwordFile = ~/.config/patchlane/imap-pass",
                "      interval = 120", "  [source \"watchdog\"]", "      url = ~/lore/linux-watchdog",
                "%nExamples:", "  patchlane watch", "  patchlane watch --once --json     (from cron)"})
final class WatchCommand implements Callable<Integer> {
    @Mixin
    DataOptions options;

    @Mixin
    ConfigOptions config;

    @Option(names = "--once", description = "Ingest each source once and exit (exit code 3 when one failed).")
    boolean once;

    @Override
    public Integer call() throws Exception {
        List<ConfiguredSource> configured = ConfiguredSource.all(config.load(options.data));
        if (configured.isEmpty()) {
            throw new IllegalArgumentException("no [source \"NAME\"] in the configuration: nothing to watch "
                    + "(see 'patchlane watch --help')");
        }
        SourceRuns runs = SourceRuns.read(options.data);
        try (Archive archive = Archive.open(options.data);
             Watcher watcher = watcher(archive, configured, runs, !options.json)) {
            if (!once) {
                watcher.start();
                System.out.printf("Watching %s into %s (Ctrl-C stops)%n", Plural.of(configured.size(), "source"),
                        options.data);
                Thread.currentThread().join();
                return ExitCode.OK;
            }
            watcher.runOnce();
            SourcesJson state = SourcesJson.of(configured, runs, archive.cursors());
            if (options.json) System.out.println(Json.write(state));
            else SourcesCommand.print(state);
            boolean failed = state.sources().stream().anyMatch(s -> s.lastError() != null);
            return failed ? ExitCode.IO : ExitCode.OK;
        }
    }

    /** A watcher over the configured sources; IMAP passwords are read now, so a missing one fails at start. */
    static Watcher watcher(Archive archive, List<ConfiguredSource> configured, SourceRuns runs, boolean talk)
            throws IOException {
        List<Watcher.Watched> watched = new ArrayList<>();
        for (ConfiguredSource c : configured) {
            watched.add(new Watcher.Watched(c.name(), c.address(System.getenv()), c.list(), c.interval()));
        }
        return new Watcher(archive, watched, runs, line -> {
            if (talk) System.err.println(LocalTime.now().withNano(0) + " " + line);
        }, Clock.systemUTC());
    }
}
