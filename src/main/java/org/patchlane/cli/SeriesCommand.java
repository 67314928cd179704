package org.patchlane.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.patchlane.link.LinkTerm;
import org.patchlane.link.SeriesSearch;
import org.patchlane.report.Json;
import org.patchlane.view.Plural;
import org.patchlane.report.SeriesListJson;
import org.patchlane.store.Searcher;
import org.patchlane.store.SeriesPage;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code patchlane series}: the patch series found by threading, most recent activity first. */
@Command(name = "series", mixinStandardHelpOptions = true,
        description = {"List patch series (all versions of one series are one entry), most recent activity first: "
                + "id, latest version, state, patches with their acks (A), reviews (R), tests (T) and NACKs (N), "
                + "title, submitter.",
                "The query uses the search prefixes, applied to series: s: title, f: submitter, ack:/rb:/tb:/sob:/nak: "
                        + "a trailer person of any version, v: a version number, dfn: a file of the latest version, "
                        + "list:, changeid:, check: (signoff, fixes), state: (new, under-review, changes-requested, "
                        + "rfc), d: last activity.",
                "Link terms, combined with the rest by AND (each negatable with - or NOT): area:NAME (an area of "
                        + "the latest version, a MAINTAINERS section or [area]; part of the name is enough), "
                        + "kind:infrastructure|driver|other, missing:ack (required-acks fails), missing:user "
                        + "(posted-together fails), check:together-fail|exports-fail|acks-fail|prerequisite-fail, "
                        + "uses:SERIES (series that depend on SERIES)."},
        footer = {"%nExamples:", "  patchlane series", "  patchlane series 'ack:leon AND dfn:drivers/base/auxiliary.c'",
                "  patchlane series --json 'nak:greg'", "  patchlane series 'kind:infrastructure AND missing:ack'",
                "  patchlane series 'uses:20261102-aux-lifetime-3f1c2a9b7d10'",
                "Then: patchlane acks ID. Exit code 1 when no series matches, 2 for a bad query."})
final class SeriesCommand extends InvokedCommand {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @Mixin
    DataOptions options;

    @Mixin
    PageOptions page;

    @Mixin
    ConfigOptions config;

    @Mixin
    NoServerOption server;

    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "Optional query; several words are joined.")
    List<String> words;


    @Override
    public Integer call() throws Exception {
        SeriesPage found;
        String query = words == null ? "" : String.join(" ", words);
        PrintWriter out = spec.commandLine().getOut();
        try (Invocation.Reading read = invocation.read(options.data)) {
            Searcher searcher = read.searcher();
            // The policy (MAINTAINERS, areas) only when a link term needs it: parsing a kernel MAINTAINERS costs more
            // than the query.
            found = LinkTerm.split(query).terms().isEmpty() ? searcher.series(query, page.offset, page.limit)
                    : new SeriesSearch(searcher, config.policy(invocation.resolve(options.data)))
                            .page(query, page.offset, page.limit);
            if (options.json) {
                out.println(Json.write(SeriesListJson.of(found, searcher.decisions())));
            } else {
                for (Series s : found.series()) print(out, s, searcher.decisions().effective(s).jsonName());
                out.printf("%,d of %,d series%s%n", found.series().size(), found.total(),
                        found.offset() > 0 ? " from " + (found.offset() + 1) : "");
            }
            out.flush();
        }
        return found.total() == 0 ? ExitCode.NOT_FOUND : ExitCode.OK;
    }

    private static void print(PrintWriter out, Series s, String state) {
        SeriesVersion v = s.latest();
        out.printf("%s  v%-4s %-17s %s  %s%n", s.id(), v.label(), state,
                s.lastActivity() == 0 ? "????-??-??" : DAY.format(Instant.ofEpochMilli(s.lastActivity())), s.title());
        out.printf("    %s, %s%s%s%n", s.submitter().display(), Plural.of(v.patches().size(), "patch", "patches"),
                s.versions().size() > 1 ? ", " + Plural.of(s.versions().size(), "version") : "",
                v.problems().isEmpty() ? "" : " (" + String.join(", ", v.problems()) + ")");
        StringBuilder line = new StringBuilder("   ");
        for (SeriesPatch p : v.patches()) {
            SeriesListJson.PatchCounts c = SeriesListJson.PatchCounts.of(p);
            line.append(String.format(" %d:A%dR%dT%d%s%s", p.index(), c.acked(), c.reviewed(), c.tested(),
                    c.nacked() > 0 ? "N" + c.nacked() : "", p.findings().isEmpty() ? "" : "!"));
        }
        out.println(line);
    }
}
