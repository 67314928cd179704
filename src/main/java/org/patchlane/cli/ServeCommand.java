package org.patchlane.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.patchlane.digest.DigestBuilder;
import org.patchlane.digest.DigestLinks;
import org.patchlane.digest.DigestScheduler;
import org.patchlane.digest.DigestSettings;
import org.patchlane.git.ConfigFile;
import org.patchlane.report.DigestJson;
import org.patchlane.ingest.ConfiguredSource;
import org.patchlane.ingest.SourceRuns;
import org.patchlane.ingest.Watcher;
import org.patchlane.report.SourcesJson;
import org.patchlane.review.Policy;
import org.patchlane.store.Archive;
import org.patchlane.store.Searcher;
import org.patchlane.web.App;
import org.patchlane.web.Auth;
import org.patchlane.web.CliRoutes;

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
            serve(options.data, server.host, server.port, configured, config.policy(options.data), auth, conf,
                    options.json, Banner.HOME);
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
            App app = new App(searcher, () -> SourcesJson.of(configured, runs, searcher.cursors()), policy, auth)
                    .withRepositories(ConfigOptions.repositories(conf, options.data));
            try (DigestScheduler mail = digests(app, searcher, policy, conf, options.data)) {
                run(app, searcher, options.data, server.host, server.port, options.json, Banner.HOME);
            }
        }
        return ExitCode.OK;
    }

    /**
     * Serves, read-only, until the process is stopped; with {@code json} the banner goes to stderr. The policy
     * (areas, MAINTAINERS, window) is what the links, checks and together pages and API judge by; the configuration
     * gives the digest's links, its {@code [digest] quiet} and, with {@code [digest] to}, its mail schedule. The
     * banner names its own first page and adds its own lines (the demo's guide).
     */
    static void serve(Path data, String host, int port, List<ConfiguredSource> configured, Policy policy, Auth auth,
                      ConfigFile conf, boolean json, Banner banner) throws Exception {
        try (Searcher searcher = Searcher.open(data)) {
            App app = new App(searcher, () -> SourcesJson.of(configured, SourceRuns.read(data), searcher.cursors()),
                    policy, auth).withRepositories(ConfigOptions.repositories(conf, data));
            try (DigestScheduler mail = digests(app, searcher, policy, conf, data)) {
                run(app, searcher, data, host, port, json, banner);
            }
        }
    }

    /**
     * The digest pages over this archive, and the digest mail when {@code [digest] to} asks for it: the started
     * scheduler, or null.
     */
    private static DigestScheduler digests(App app, Searcher searcher, Policy policy, ConfigFile conf, Path data)
            throws java.io.IOException {
        java.time.Clock clock = java.time.Clock.systemUTC();
        DigestBuilder digests = new DigestBuilder(searcher, policy, DigestSettings.quiet(conf), clock,
                PullsCommand.verdicts(conf, data, searcher, policy));
        app.digests(digests, DigestLinks.of(conf), DigestJson::of, clock);
        return DigestDelivery.startIfConfigured(conf, data, digests, System.err);
    }

    /**
     * What the server prints once it listens: the page to open first, and lines after it, both made from the
     * address it got ({@code http://HOST:PORT}, no slash).
     */
    interface Banner {
        /** The front page, no further lines. */
        Banner HOME = base -> List.of();

        /** The path printed in the address line. */
        default String start() {
            return "/";
        }

        List<String> lines(String base);
    }

    /**
     * Starts the server and waits; the banner never mixes into JSON on stdout. The launcher's queries are answered
     * at {@code /api/cli} over {@code searcher}, found through {@code DATA/serve.endpoint} ({@link ServeEndpoint}).
     */
    private static void run(App app, Searcher searcher, Path data, String host, int port, boolean json,
                            Banner banner) throws InterruptedException, java.io.IOException {
        Path real = data.toRealPath();
        String token = ServeEndpoint.newToken();
        app.cli(new CliRoutes(token, new CliService(real, searcher)));
        // --port 0 picks a free port: the address printed is the one the server got.
        int listening = app.start(host, port).port();
        java.io.PrintStream out = json ? System.err : System.out;
        ServeEndpoint endpoint = null;
        try {
            endpoint = ServeEndpoint.write(real, host, listening, token);
        } catch (java.io.IOException e) {
            System.err.println("patchlane: cannot write " + data.resolve(ServeEndpoint.NAME) + " (" + e.getMessage()
                    + "): 'patchlane search', 'series' and 'acks' will not ask this server");
        }
        String base = "http://" + host + ":" + listening;
        out.printf("Patchlane serves %s on %s%s (Ctrl-C stops)%n", data, base, banner.start());
        for (String line : banner.lines(base)) out.println(line);
        ServeEndpoint written = endpoint;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (written != null) written.remove();
            app.stop();
        }));
        Thread.currentThread().join();
    }
}
