package org.patchlane.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import org.patchlane.ingest.ConfiguredSource;
import org.patchlane.ingest.SourceRuns;
import org.patchlane.report.Json;
import org.patchlane.view.Plural;
import org.patchlane.report.SourcesJson;
import org.patchlane.store.ArchiveNotFoundException;
import org.patchlane.store.Searcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code patchlane sources}: each source with its cursor, last run, messages and errors. */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = {"List the configured sources and those ingested by hand: committed cursors, last run, "
                + "messages stored, failed runs and the last error. Read-only: works while 'watch' or "
                + "'serve --watch' runs."},
        footer = {"%nExample:", "  patchlane sources --json"})
final class SourcesCommand implements Callable<Integer> {
    @Mixin
    DataOptions options;

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        Map<String, String> cursors;
        try (Searcher searcher = Searcher.open(options.data)) {
            cursors = searcher.cursors();
        } catch (ArchiveNotFoundException none) {
            cursors = Map.of();
        }
        SourcesJson state = SourcesJson.of(ConfiguredSource.all(config.load(options.data)),
                SourceRuns.read(options.data), cursors);
        if (options.json) System.out.println(Json.write(state));
        else print(state);
        return state.sources().isEmpty() ? ExitCode.NOT_FOUND : ExitCode.OK;
    }

    static void print(SourcesJson state) {
        if (state.sources().isEmpty()) {
            System.out.println("No sources: configure [source \"NAME\"] sections, or run 'patchlane ingest'.");
        }
        for (SourcesJson.Source s : state.sources()) {
            System.out.printf("%s  (%s)%n  url       %s%n", s.name(), s.state(), s.url());
            if (s.list() != null) System.out.printf("  list      %s%n", s.list());
            if (s.intervalSeconds() != null) System.out.printf("  interval  %d s%n", s.intervalSeconds());
            s.cursors().forEach((k, v) -> System.out.printf("  cursor    %s = %s%n", k, v));
            if (s.lastRun() != null) {
                System.out.printf("  last run  %s, %s read%n  stored    %s, %s%n", s.lastRun(),
                        Plural.of(s.lastMessages(), "message"), Plural.of(s.messages(), "message"),
                        Plural.of(s.errors(), "failed run"));
            }
            if (s.lastError() != null) System.out.printf("  error     %s%n", s.lastError());
        }
    }
}
