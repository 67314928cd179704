package org.patchlane.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.patchlane.git.ConfigFile;
import org.patchlane.git.Repo;
import org.patchlane.link.Check;
import org.patchlane.link.Checker;
import org.patchlane.link.Verdict;
import org.patchlane.pull.ExportsRelease;
import org.patchlane.pull.MergedRun;
import org.patchlane.pull.MergedWindow;
import org.patchlane.pull.RepoSettings;
import org.patchlane.report.CheckJson;
import org.patchlane.report.Json;
import org.patchlane.report.UpstreamJson;
import org.patchlane.review.Policy;
import org.patchlane.review.ReviewState;
import org.patchlane.review.Upstream;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code patchlane merged}: merged detection alone (fetch runs it after fetching), and exports at release +1. */
@Command(name = "merged", mixinStandardHelpOptions = true,
        description = {"Find which open series are upstream: each patch of a series' latest version is matched by its "
                + "git patch-id against the upstream commits of the configured repository ([repo \"NAME\"] upstream) "
                + "since the series' base-commit (else since the window's start), falling back to the same author and "
                + "subject when a maintainer changed the patch while applying it. A series whose every patch is "
                + "upstream becomes merged, one with some partly-merged, with the commits of each patch and the first "
                + "release tag (vX.Y or vX.Y-rcN) containing them.",
                "Open series are those not merged, rejected or superseded whose latest version was posted within "
                        + "[repo \"NAME\"] mergedWindow (default 180d). The findings are kept in DIR/merged/ (not in "
                        + "the index: reindex keeps them) and a running server sees them at once. 'patchlane fetch' "
                        + "runs this after fetching.",
                "For each merged infrastructure series, the exports-release check: every EXPORT_SYMBOL its commits "
                        + "added must have a user in the tree of the release after the one it shipped in; none is a "
                        + "revert candidate; before that release is tagged it is not due yet."},
        footer = {"%nExamples:", "  patchlane merged", "  patchlane merged --json --repo linux",
                "Exit code 1 when an export has no user at release +1 (a revert candidate), 2 when no repository is "
                        + "configured, 3 when it cannot be opened."})
final class MergedCommand implements Callable<Integer> {
    @Mixin
    DataOptions options;

    @Mixin
    ConfigOptions config;

    @Option(names = "--repo", paramLabel = "NAME", description = "The [repo] to look in (default: the first).")
    String repo;

    /** {@code merged --json}. */
    record MergedJson(String repository, String upstream, String since, int checked, int commits, int diffed,
                      long elapsedMs, List<SeriesEntry> series) {
    }

    /** One series found upstream, with its exports-release check (null for a partly merged one). */
    record SeriesEntry(String series, String title, String state, UpstreamJson upstream,
                       CheckJson.Entry exportsRelease) {
    }

    @Override
    public Integer call() throws Exception {
        ConfigFile conf = config.load(options.data);
        List<RepoSettings> all = ConfigOptions.repositories(conf, options.data);
        RepoSettings settings = pick(all, repo);
        Policy policy = Policy.load(conf, null);
        try (Repo r = Repo.open(settings.path()); Searcher searcher = Searcher.open(options.data)) {
            Outcome o = run(searcher, r, settings, MergedWindow.of(conf, settings.name()), policy, options.data);
            if (options.json) System.out.println(Json.write(o.json()));
            else System.out.print(o.text());
            return o.failed() ? ExitCode.NOT_FOUND : ExitCode.OK;
        }
    }

    /** The repository a command works on: the named one, else the first configured. */
    static RepoSettings pick(List<RepoSettings> all, String name) {
        if (all.isEmpty())
            throw new IllegalArgumentException("no [repo \"NAME\"] in the configuration: merged detection looks in a "
                    + "repository (see the README's Pull requests section)");
        if (name == null) return all.get(0);
        return all.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no [repo \"" + name + "\"] in the configuration"));
    }

    /** A run's output. */
    record Outcome(MergedJson json, String text, boolean failed) {
    }

    /** Runs detection and the exports-release checks; used by {@code fetch} too. */
    static Outcome run(Searcher searcher, Repo r, RepoSettings settings, Duration window, Policy policy, Path data)
            throws IOException {
        MergedRun.Report report = MergedRun.run(searcher, r, settings, window, data, Instant.now());
        ExportsRelease exports = new ExportsRelease(r);
        List<SeriesEntry> entries = new ArrayList<>();
        StringBuilder text = new StringBuilder(String.format("merged detection in %s (%s): %d open series, %d commits "
                        + "since %s, %d diffed, %.1f s%n", settings.name(), settings.upstream(),
                report.detection().checked(), report.detection().commits(),
                report.detection().since().toString().substring(0, 10), report.diffed(),
                report.elapsed().toMillis() / 1000.0));
        boolean failed = false;
        for (Upstream u : report.detection().found()) {
            Series s = report.series().get(u.seriesId());
            Check check = null;
            if (u.state() == ReviewState.MERGED) {
                boolean infra = new Checker(searcher.links(), policy).check(s).infrastructure();
                check = exports.check(s, u, infra);
                failed |= check.verdict() == Verdict.FAIL;
            }
            entries.add(new SeriesEntry(s.id(), s.title(), u.state().jsonName(), UpstreamJson.of(u),
                    check == null ? null : CheckJson.Entry.of(check)));
            text.append(describe(s, u));
            if (check != null && !check.evidence().equals(List.of(ExportsRelease.NOT_INFRASTRUCTURE)))
                text.append(check(check));
        }
        if (entries.isEmpty()) text.append("no open series is upstream\n");
        MergedJson json = new MergedJson(settings.name(), settings.upstream(), report.detection().since().toString(),
                report.detection().checked(), report.detection().commits(), report.diffed(),
                report.elapsed().toMillis(), entries);
        return new Outcome(json, text.toString(), failed);
    }

    /** A finding as text: the series, then each patch with its commit and release. */
    static String describe(Series s, Upstream u) {
        StringBuilder b = new StringBuilder(String.format("%-13s %s v%s %s%s%n", u.state().jsonName(), s.id(),
                u.version(), s.title(), u.release() == null ? "" : "  (in " + u.release() + ")"));
        for (Upstream.Patch p : u.patches()) {
            String total = Integer.toString(s.latest().patches().size());
            b.append(String.format("  %d/%s  %s%n", p.index(), total, p.found()
                    ? String.join(" ", p.commits().stream().map(c -> c.substring(0, 12)).toList()) + " ("
                    + p.match().jsonName() + ", " + (p.release() == null ? "in no release yet" : p.release()) + ")  "
                    + p.title() : "not upstream  " + p.title()));
        }
        return b.toString();
    }

    static String check(Check c) {
        StringBuilder b = new StringBuilder(String.format("  %-17s %s%n", c.name().jsonName(),
                c.verdict() == Verdict.FAIL ? "FAIL" : c.verdict().jsonName()));
        for (String e : c.evidence()) b.append("      ").append(e).append('\n');
        return b.toString();
    }
}
