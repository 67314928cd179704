package org.patchlane.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.patchlane.git.ConfigFile;
import org.patchlane.git.TrialMerge;
import org.patchlane.link.Check;
import org.patchlane.link.Verdict;
import org.patchlane.pull.ArchivePatches;
import org.patchlane.pull.DailyVerdicts;
import org.patchlane.pull.PendingPulls;
import org.patchlane.pull.PullReport;
import org.patchlane.pull.Repositories;
import org.patchlane.report.Json;
import org.patchlane.report.PullsJson;
import org.patchlane.review.Policy;
import org.patchlane.store.Searcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code patchlane pulls}: every pending pull request with its checks, and the volatile for-next they make. */
@Command(name = "pulls", mixinStandardHelpOptions = true,
        description = {"Check every pending pull request (a [GIT PULL] mail whose thread has no merge notice) "
                + "against the configured repository, after 'patchlane fetch' brought its ref in:",
                "  pr-base    its base commit is already upstream ([repo] upstream) or in a shared tree ([repo] shared)",
                "  pr-head    the fetched ref is the head commit the mail announces",
                "  pr-range   the mail's shortlog and diffstat are those of the real range",
                "  pr-paths   ignoring shared commits, every changed file lies in the sender's driver area",
                "  pr-uapi    nothing under include/uapi/ (or arch/*/include/uapi/)",
                "  pr-series  commits posted on the list as a series are those patches (by patch-id), with every "
                        + "trailer given there",
                "  pr-cutoff  posted before the cycle's cut-off rc ([repo] cutoff, default rc6), from the tags",
                "  pr-merge   merges without conflict into upstream and into next ([repo] next)",
                "Then merges every fetched request onto upstream, oldest first, in memory: the volatile for-next, "
                        + "with each conflict named by the pair of requests and the files."},
        footer = {"%nExamples:", "  patchlane fetch && patchlane pulls",
                "  patchlane pulls --daily    # what became clean or unclean since the last --daily run",
                "  patchlane pulls --json --write-ref refs/heads/volatile-for-next",
                "Exit code 1 when a pending request is not clean."})
final class PullsCommand implements Callable<Integer> {
    @Mixin
    DataOptions options;

    @Mixin
    ConfigOptions config;

    @Option(names = "--repo", paramLabel = "NAME", description = "The [repo] to check against (default: the first).")
    String repo;

    @Option(names = "--since", paramLabel = "AGE", defaultValue = "90d",
            description = "Only requests posted within this age (h, d, w; default ${DEFAULT-VALUE}).")
    String since;

    @Option(names = "--daily", description = "Say which requests became clean or unclean since the previous --daily "
            + "run (kept in DATA/pulls-daily.tsv).")
    boolean daily;

    @Option(names = "--write-ref", paramLabel = "REF",
            description = "Publish the volatile for-next as this ref of the repository (forced each run).")
    String writeRef;

    @Override
    public Integer call() throws Exception {
        java.time.Duration age = org.patchlane.review.Policy.duration(since, "--since", java.time.Duration.ofDays(90));
        ConfigFile conf = config.load(options.data);
        Policy policy = config.policy(options.data);
        try (Repositories repos = Repositories.open(ConfigOptions.repositories(conf, options.data), repo);
             Searcher searcher = Searcher.open(options.data)) {
            Instant now = Instant.now();
            List<PullReport> reports = repos.check(PendingPulls.of(searcher, now.minus(age)), policy,
                    new ArchivePatches(searcher), now);
            Repositories.ForNext next = repos.forNext(reports, writeRef, now);
            List<DailyVerdicts.Changed> changes = daily ? new DailyVerdicts(options.data).update(reports) : null;
            if (options.json) System.out.println(Json.write(PullsJson.of(repos.settings().name(), reports, changes, next)));
            else System.out.print(changes != null ? dailyText(changes) : text(reports, next));
            return reports.stream().allMatch(PullReport::clean) ? ExitCode.OK : ExitCode.NOT_FOUND;
        }
    }

    /**
     * The pending requests' checks for the digest's pull-request lines, computed when a digest asks (the
     * repositories opened and closed each time, so a fetch in between is seen); none without a [repo].
     */
    static org.patchlane.digest.PullVerdicts verdicts(ConfigFile conf, java.nio.file.Path data, Searcher searcher,
                                                      Policy policy) {
        var settings = ConfigOptions.repositories(conf, data);
        if (settings.isEmpty()) return org.patchlane.digest.PullVerdicts.NONE;
        return () -> {
            try (Repositories repos = Repositories.open(settings, null)) {
                Instant now = Instant.now();
                java.util.Map<String, List<Check>> out = new java.util.HashMap<>();
                for (PullReport r : repos.check(PendingPulls.of(searcher, now.minus(java.time.Duration.ofDays(90))),
                        policy, new ArchivePatches(searcher), now))
                    out.put(r.pull().messageId(), r.checks());
                return out;
            }
        };
    }

    static String text(List<PullReport> reports, Repositories.ForNext next) {
        StringBuilder out = new StringBuilder();
        if (reports.isEmpty()) out.append("no pending pull request\n");
        for (PullReport r : reports) {
            out.append(r.clean() ? "CLEAN    " : "UNCLEAN  ").append(r.pull().subject()).append('\n')
                    .append("         ").append(r.pull().from().display()).append(", ")
                    .append(r.pull().date().toString(), 0, 10).append("  <").append(r.pull().messageId()).append(">\n");
            for (Check c : r.checks()) {
                if (c.verdict() != Verdict.FAIL) continue;
                out.append(String.format("    %-10s FAIL%n", c.name().jsonName()));
                for (String e : c.evidence()) out.append("        ").append(e).append('\n');
            }
        }
        TrialMerge.Result m = next.result();
        out.append("\nvolatile for-next on ").append(m.upstream(), 0, 12).append(": ").append(m.merged().size())
                .append(" merged, ").append(m.conflicts().size()).append(" conflicting")
                .append(next.ref() == null ? "" : ", written to " + next.ref()).append('\n');
        for (TrialMerge.Conflict c : m.conflicts())
            out.append("  <").append(c.branch()).append("> conflicts with ")
                    .append(c.with().equals("upstream") ? "upstream" : "<" + c.with() + ">").append(" in ")
                    .append(String.join(", ", c.files())).append('\n');
        return out.toString();
    }

    static String dailyText(List<DailyVerdicts.Changed> changes) {
        StringBuilder out = new StringBuilder();
        for (DailyVerdicts.Change kind : DailyVerdicts.Change.values()) {
            List<DailyVerdicts.Changed> these = changes.stream().filter(c -> c.change() == kind).toList();
            if (these.isEmpty()) continue;
            out.append(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append(" (")
                    .append(these.size()).append("):\n");
            for (DailyVerdicts.Changed c : these) {
                out.append("  ").append(c.report().pull().subject()).append("  <").append(c.report().pull().messageId())
                        .append(">\n");
                for (Check k : c.report().checks())
                    if (k.verdict() == Verdict.FAIL)
                        out.append("      ").append(k.name().jsonName()).append(": ").append(k.evidence().get(0)).append('\n');
            }
        }
        if (changes.isEmpty()) out.append("no pending pull request\n");
        return out.toString();
    }
}
