package org.patchlane.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import org.patchlane.git.Repo;
import org.patchlane.pull.Backport;
import org.patchlane.pull.RepoSettings;
import org.patchlane.report.BackportJson;
import org.patchlane.report.Json;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesVersion;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code patchlane backport}: does a series apply to an older release? */
@Command(name = "backport", mixinStandardHelpOptions = true,
        description = {"Apply a series' patches, in order, to the tree at TAG of the configured repository, in memory "
                + "(no working tree is touched), and say per patch: applies, applies with offset (the hunks found "
                + "away from their lines), or fails (the file and hunk). Then the files the series touches that "
                + "changed between its base (its base-commit: marker) and TAG: where a backport needs care even when "
                + "it applies."},
        footer = {"%nExamples:", "  patchlane backport 20261102-aux-lifetime-3f1c2a9b7d10 --to v6.19",
                "  patchlane backport --json 20261102-aux-lifetime-3f1c2a9b7d10 --to v6.18 --version 2",
                "Exit code 1 when a patch fails or no series matches, 2 when the repository has no such TAG."})
final class BackportCommand implements Callable<Integer> {
    @Mixin
    DataOptions options;

    @Mixin
    ConfigOptions config;

    @Parameters(paramLabel = "SERIES", description = SeriesKey.HELP)
    String key;

    @Option(names = "--to", paramLabel = "TAG", required = true, description = "The release (or any revision) to try.")
    String tag;

    @Option(names = "--version", paramLabel = "N", description = "The version to try (default: the latest).")
    String version;

    @Option(names = "--repo", paramLabel = "NAME", description = "The [repo] to use (default: the first).")
    String repo;

    @Override
    public Integer call() throws Exception {
        var all = ConfigOptions.repositories(config.load(options.data), options.data);
        if (all.isEmpty())
            throw new IllegalArgumentException("no [repo \"NAME\"] in the configuration: a backport needs a repository");
        RepoSettings settings = repo == null ? all.get(0) : all.stream().filter(r -> r.name().equals(repo)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no [repo \"" + repo + "\"] in the configuration"));
        try (Searcher searcher = Searcher.open(options.data); Repo r = Repo.open(settings.path())) {
            Optional<Series> s = SeriesKey.find(searcher, key);
            if (s.isEmpty()) return ExitCode.NOT_FOUND;
            SeriesVersion v = version == null ? s.get().latest() : s.get().versions().stream()
                    .filter(x -> x.label().equals(version) || String.valueOf(x.version()).equals(version)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("series " + s.get().id() + " has no version " + version));
            if (r.resolve(tag).isEmpty())
                throw new IllegalArgumentException(settings.name() + " has no " + tag + " (a tag, branch or commit)");
            Backport.Result result = Backport.run(r, searcher, s.get(), v, tag);
            if (options.json) System.out.println(Json.write(BackportJson.of(result)));
            else System.out.print(text(result));
            return result.applies() ? ExitCode.OK : ExitCode.NOT_FOUND;
        }
    }

    static String text(Backport.Result r) {
        StringBuilder out = new StringBuilder(r.series().title() + " (" + r.series().id() + ", v" + r.version().label()
                + ") on " + r.tag() + " (" + r.tagCommit().substring(0, 12) + "): "
                + (r.applies() ? "applies" : "does not apply") + "\n");
        for (Backport.PatchResult p : r.patches()) {
            out.append(String.format("  %d/%d %-20s %s%n", p.index(), r.version().patches().size(),
                    p.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), p.title()));
            for (var h : p.notes())
                out.append("      ").append(h.file()).append(h.header().isEmpty() ? "" : " " + h.header()).append(": ")
                        .append(h.reason()).append('\n');
        }
        if (r.base() == null) out.append("no base-commit: marker, so the changes since its base are unknown\n");
        else if (!r.baseKnown()) out.append("base-commit ").append(r.base()).append(" is not in the repository\n");
        else if (r.changed().isEmpty()) out.append("none of its files changed between its base and ").append(r.tag()).append('\n');
        else {
            out.append("its files changed between its base and ").append(r.tag()).append(":\n");
            for (var f : r.changed())
                out.append("  ").append(f.path()).append(" (+").append(f.added()).append(" -").append(f.removed()).append(")\n");
        }
        return out.toString();
    }
}
