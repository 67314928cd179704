package org.patchlane.cli;

import java.util.concurrent.Callable;

import org.patchlane.ingest.Analyzer;
import org.patchlane.view.Plural;
import org.patchlane.store.Archive;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code patchlane reindex}: rebuild every index field from the stored raw messages. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Rebuild the index from the raw messages it stores (after an upgrade of the parsers or "
                + "the schema). No source is read; cursors are kept. The new index replaces the old one atomically."})
final class ReindexCommand implements Callable<Integer> {
    @Mixin
    DataOptions options;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        long count;
        try (Archive archive = Archive.open(options.data)) {
            count = archive.reindex(Analyzer::reanalyze);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (options.json) {
            System.out.printf("{\"messages\": %d, \"seconds\": %.3f}%n", count, seconds);
        } else {
            System.out.printf("Reindexed %s in %.1f s.%n", Plural.of(count, "message"), seconds);
        }
        return ExitCode.OK;
    }
}
