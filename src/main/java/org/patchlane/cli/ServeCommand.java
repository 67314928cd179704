package org.patchlane.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.patchlane.git.ConfigFile;
import org.patchlane.ingest.ConfiguredSource;
import org.patchlane.ingest.SourceRuns;
import org.patchlane.ingest.Watcher;
import org.patchlane.report.SourcesJson;
import org.patchlane.review.Policy;
import org.patchlane.store.Archive;
import org.patchlane.store.Searcher;
import org.patchlane.web.App;
import org.patchlane.web.Auth;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code patchlane serve}: the web UI, JSON API and lore-compatible URLs over an archive. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the web UI, the JSON API (/api/...) and lore-compatible URLs "
                + "(/{list}/{msgid}/, /{list}/{msgid}/raw, /{list}/?q=) over the archive.",
                "Read-only: an ingest may run at the same time; new mail shows within a second of its commit.",
                "With --watch it also ingests the configured sources as 'patchlane watch' does, and new mail shows "
                        + "within a second of being stored.",
                "Reading needs no login; the maintainers of the configuration's [user \"NAME\"] sections "
                        + "('patchlane user add') log in at /login."},
        footer = {"%nExamples:", "  patchlane serve --data index --port 7070", "  patchlane serve --watch"})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    DataOptions options;

    @Mixin
    ServerOptions server;

    @Mixin
    ConfigOptions config;

    @Option(names = "--watch", description = "Also ingest the configured sources (one writer, near-real-time search).")
    boolean watch;

    @Override
    public Integer call() throws Exception {
        ConfigFile conf = config.load(options.data);
        List<ConfiguredSource> configured = ConfiguredSource.all(conf);
        Auth auth = Auth.of(conf);
        if (!watch) {
            serve(options.data, server.host, server.port, configured, config.policy(options.data), auth,
                    ConfigOptions.repositories(conf, options.data), options.json);
            return ExitCode.OK;
        }
        if (configured.isEmpty()) {
            throw new IllegalArgumentException("--watch: no [source \"NAME\"] in the configuration");
        }
        SourceRuns runs = SourceRuns.read(options.data);
        Policy policy = config.policy(options.data);
        try (Archive archive = Archive.open(options.data);
             Searcher searcher = archive.searcher();
             Watcher watcher = WatchCommand.watcher(archive, configured, runs, true)) {
            watcher.start();
            run(new App(searcher, () -> SourcesJson.of(configured, runs, searcher.cursors()), policy, auth)
                            .withRepositories(ConfigOptions.repositories(conf, options.data)), options.data,
                    server.host, server.port, options.json);
        }
        return ExitCode.OK;
    }

    /**
     * Serves, read-only, until the process is stopped; with {@code json} the banner goes to stderr. The policy
     * (areas, MAINTAINERS, window) is what the links, checks and together pages and API judge by.
     */
    static void serve(Path data, String host, int port, List<ConfiguredSource> configured, Policy policy,
                      boolean json) throws Exception {
        serve(data, host, port, configured, policy, Auth.none(),
                ConfigOptions.repositories(new ConfigOptions().load(data), data), json);
    }

    /** As above, with the maintainers who may log in. */
    static void serve(Path data, String host, int port, List<ConfiguredSource> configured, Policy policy, Auth auth,
                      List<org.patchlane.pull.RepoSettings> repos, boolean json) throws Exception {
        try (Searcher searcher = Searcher.open(data)) {
            run(new App(searcher, () -> SourcesJson.of(configured, SourceRuns.read(data), searcher.cursors()), policy,
                    auth).withRepositories(repos),
                    data, host, port, json);
        }
    }

    /** Starts the server and waits; the banner never mixes into JSON on stdout. */
    private static void run(App app, Path data, String host, int port, boolean json) throws InterruptedException {
        // --port 0 picks a free port: the address printed is the one the server got.
        int listening = app.start(host, port).port();
        (json ? System.err : System.out).printf("Patchlane serves %s on http://%s:%d/ (Ctrl-C stops)%n", data, host,
                listening);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
        Thread.currentThread().join();
    }
}
