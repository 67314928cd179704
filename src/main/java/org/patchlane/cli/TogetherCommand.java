package org.patchlane.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

import org.patchlane.link.Check;
import org.patchlane.link.Link;
import org.patchlane.link.SeriesCheck;
import org.patchlane.link.Together;
import org.patchlane.link.Verdict;
import org.patchlane.report.Json;
import org.patchlane.view.Plural;
import org.patchlane.report.TogetherJson;
import org.patchlane.store.Decisions;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code patchlane together}: open infrastructure series with their users and verdicts, most urgent first. */
@Command(name = "together", mixinStandardHelpOptions = true,
        description = {"List the open infrastructure series (those touching an infrastructure area) with the driver "
                + "series that use them and every check's verdict, most urgent first: most failed checks, then "
                + "waiting longest. QUERY narrows the series as in 'patchlane series'."},
        footer = {"%nExamples:", "  patchlane together", "  patchlane together --json 'list:linux-rdma'",
                "Exit code 1 when no infrastructure series matches."})
final class TogetherCommand implements Callable<Integer> {
    @Mixin
    DataOptions options;

    @Mixin
    ConfigOptions config;

    @Parameters(paramLabel = "QUERY", arity = "0..1", description = "Series query (default: every series).")
    String query;

    @Override
    public Integer call() throws Exception {
        try (Searcher searcher = Searcher.open(options.data)) {
            List<SeriesCheck> open = Together.open(searcher, config.policy(options.data), query);
            if (options.json) System.out.println(Json.write(TogetherJson.of(query, open, searcher.decisions())));
            else System.out.print(text(open, searcher.decisions()));
            return open.isEmpty() ? ExitCode.NOT_FOUND : ExitCode.OK;
        }
    }

    /** Each series with its effective state (mail and the maintainers' {@code decisions} combined). */
    static String text(List<SeriesCheck> open, Decisions decisions) throws IOException {
        StringBuilder out = new StringBuilder();
        for (SeriesCheck c : open) {
            Series s = c.series();
            out.append(String.format("%s  v%-3d %-17s %s%n", s.id(), s.latest().version(), decisions.effective(s).jsonName(),
                    s.title()));
            String last = null;
            StringBuilder users = new StringBuilder();
            for (Link l : c.links().users()) {
                if (l.other().id().equals(last)) continue;
                last = l.other().id();
                if (users.length() > 0) users.append("; ");
                users.append(l.other().title()).append(" (").append(l.kind().jsonName()).append(')');
            }
            out.append("    users: ").append(users.length() == 0 ? "none" : users).append('\n');
            StringBuilder verdicts = new StringBuilder();
            for (Check k : c.checks()) {
                if (verdicts.length() > 0) verdicts.append(" · ");
                verdicts.append(k.name().jsonName()).append(' ')
                        .append(k.verdict() == Verdict.FAIL ? "FAIL" : k.verdict().jsonName());
                if (!k.missing().isEmpty()) {
                    verdicts.append(" (missing ").append(String.join(", ", k.missing().stream()
                            .map(m -> m.person().name()).distinct().toList())).append(')');
                }
            }
            out.append("    ").append(verdicts).append('\n');
        }
        out.append(Plural.of(open.size(), "open infrastructure series", "open infrastructure series")).append('\n');
        return out.toString();
    }
}
