package org.patchlane.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import org.patchlane.link.Check;
import org.patchlane.link.Checker;
import org.patchlane.link.SeriesCheck;
import org.patchlane.link.Verdict;
import org.patchlane.report.CheckJson;
import org.patchlane.report.Json;
import org.patchlane.review.AreaTouch;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code patchlane check}: the maintainers' rules on one series, with evidence and the people still to ack. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a series against the maintainers' rules and show the evidence of each verdict:",
                "  posted-together     infrastructure that adds API or exports has a user series in its thread "
                        + "or within the window ([together] window, default 7 days), linked to it",
                "  exports             every new EXPORT_SYMBOL has a user in a linked series",
                "  required-acks       an Acked-by or Reviewed-by, given by its own person, from a maintainer (M:) of "
                        + "each infrastructure area on the patches touching it, and from a maintainer of each driver "
                        + "area that uses it",
                "  prerequisite-state  each prerequisite's state and acks, and whether this series was built on its "
                        + "latest version",
                "  exports-release     (with a [repo] configured) each export of a merged infrastructure series has "
                        + "a user in the tree of the next release (see 'patchlane merged')",
                "Areas and maintainers come from the configuration's [area] sections and the MAINTAINERS file its "
                        + "[maintainers] file names (the demo installs its own)."},
        footer = {"%nExamples:", "  patchlane check 20261102-aux-lifetime-3f1c2a9b7d10",
                "  patchlane check --json '<20261123104501.2291-1-jacek.wierzbicki@intel.com>'",
                "Exit code 1 when a check failed or no series matches (for scripts)."})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    DataOptions options;

    @Mixin
    ConfigOptions config;

    @Parameters(paramLabel = "SERIES", description = SeriesKey.HELP)
    String key;

    @Override
    public Integer call() throws Exception {
        try (Searcher searcher = Searcher.open(options.data)) {
            Optional<Series> s = SeriesKey.find(searcher, key);
            if (s.isEmpty()) return ExitCode.NOT_FOUND;
            SeriesCheck c = withRelease(searcher, new Checker(searcher.links(), config.policy(options.data)).check(s.get()));
            if (options.json) System.out.println(Json.write(CheckJson.of(c)));
            else System.out.print(text(c));
            return c.failed() ? ExitCode.NOT_FOUND : ExitCode.OK;
        }
    }

    /**
     * With the {@code exports-release} check added when a repository is configured: it needs merged detection's
     * finding and the tree of the release after it.
     */
    private SeriesCheck withRelease(Searcher searcher, SeriesCheck c) throws java.io.IOException {
        var repos = ConfigOptions.repositories(config.load(options.data), options.data);
        if (repos.isEmpty()) return c;
        Series s = c.series();
        Check release;
        try (org.patchlane.git.Repo r = org.patchlane.git.Repo.open(repos.get(0).path())) {
            release = new org.patchlane.pull.ExportsRelease(r).check(s,
                    searcher.decisions().merged().current(s.id(), s.latest().label()), c.infrastructure());
        } catch (java.io.IOException e) {
            release = new Check(org.patchlane.link.CheckName.EXPORTS_RELEASE, Verdict.NOT_APPLICABLE,
                    java.util.List.of("[repo \"" + repos.get(0).name() + "\"] cannot be read: " + e.getMessage()),
                    java.util.List.of());
        }
        java.util.List<Check> checks = new java.util.ArrayList<>(c.checks());
        checks.add(release);
        return new SeriesCheck(c.links(), c.areas(), c.exports(), checks);
    }

    static String text(SeriesCheck c) {
        Series s = c.series();
        StringBuilder out = new StringBuilder(s.title() + " (" + s.id() + ", v" + s.latest().version() + "): "
                + (c.infrastructure() ? "infrastructure" : "not infrastructure") + "\n");
        for (AreaTouch t : c.areas().areas()) {
            out.append("  area ").append(t.area().name()).append(" (").append(t.area().kind().configName())
                    .append("): ").append(String.join(", ", t.paths())).append('\n');
        }
        if (!c.areas().uncovered().isEmpty()) {
            out.append("  no area: ").append(String.join(", ", c.areas().uncovered())).append('\n');
        }
        for (Check k : c.checks()) {
            String verdict = k.verdict() == Verdict.FAIL ? "FAIL" : k.verdict().jsonName();
            out.append(String.format("%-19s %s%n", k.name().jsonName(), verdict));
            for (String e : k.evidence()) out.append("    ").append(e).append('\n');
            for (Check.Missing m : k.missing()) {
                out.append("    missing: ").append(m.person().name()).append(" <").append(m.person().email())
                        .append("> (").append(m.area()).append(")\n");
            }
        }
        return out.toString();
    }
}
