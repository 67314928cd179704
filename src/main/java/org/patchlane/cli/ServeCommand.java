package org.patchlane.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.patchlane.store.Searcher;
import org.patchlane.web.App;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code patchlane serve}: the web UI, JSON API and lore-compatible URLs over an archive. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the web UI, the JSON API (/api/...) and lore-compatible URLs "
                + "(/{list}/{msgid}/, /{list}/{msgid}/raw, /{list}/?q=) over the archive.",
                "Read-only: an ingest may run at the same time; new mail shows within a second of its commit."},
        footer = {"%nExample:", "  patchlane serve --data index --port 7070"})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    DataOptions options;

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws Exception {
        serve(options.data, server.host, server.port);
        return ExitCode.OK;
    }

    /** Serves until the process is stopped. */
    static void serve(Path data, String host, int port) throws Exception {
        try (Searcher searcher = Searcher.open(data)) {
            App app = new App(searcher);
            app.start(host, port);
            System.out.printf("Patchlane serves %s on http://%s:%d/ (Ctrl-C stops)%n", data, host, port);
            Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
            Thread.currentThread().join();
        }
    }
}
