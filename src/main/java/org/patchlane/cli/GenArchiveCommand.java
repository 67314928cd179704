package org.patchlane.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.patchlane.bench.ArchiveGenerator;
import org.patchlane.bench.GeneratorStats;
import org.patchlane.report.Json;
import org.patchlane.view.Plural;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code patchlane gen-archive}: a deterministic kernel-list-shaped mbox for benchmarks and crash tests. */
@Command(name = "gen-archive", mixinStandardHelpOptions = true,
        description = {"Write a deterministic, kernel-list-shaped mboxrd archive: series with versions and cover "
                + "letters, review replies with trailers (and traps), pull requests, MIME quirks.",
                "The same --messages and --seed always give the same bytes."},
        footer = {"%nExample:", "  patchlane gen-archive --messages 100000 --seed 1 /tmp/lkml-100k.mbox"})
final class GenArchiveCommand implements Callable<Integer> {
    @Mixin
    DataOptions options;

    @Option(names = "--messages", required = true, description = "How many messages.")
    long messages;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Parameters(paramLabel = "OUT.mbox", description = "Where to write the archive.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (messages < 0) throw new IllegalArgumentException("--messages must be 0 or more");
        GeneratorStats stats;
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            stats = ArchiveGenerator.write(messages, seed, o);
        }
        System.out.println(options.json ? Json.write(stats) : summary(stats));
        return ExitCode.OK;
    }

    /** One line: what the archive holds. */
    static String summary(GeneratorStats s) {
        return Plural.of(s.messages(), "message") + ", " + Plural.of(s.bytes(), "byte") + ": "
                + Plural.of(s.covers(), "cover") + ", " + Plural.of(s.patches(), "patch", "patches") + ", "
                + Plural.of(s.replies(), "reply", "replies") + ", " + Plural.of(s.pulls(), "pull") + ", "
                + String.format("%,d other; ", s.other()) + Plural.of(s.series(), "series", "series") + " in "
                + Plural.of(s.versions(), "version") + "; " + Plural.of(s.trailers(), "reply trailer") + ", "
                + Plural.of(s.nacks(), "NACK") + ", " + String.format("%,d without Message-ID", s.noMessageId());
    }
}
