package org.patchlane.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.patchlane.link.Link;
import org.patchlane.link.Linker;
import org.patchlane.link.Links;
import org.patchlane.report.Json;
import org.patchlane.report.LinkJson;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code patchlane links}: what a series depends on and what depends on it, with the evidence. */
@Command(name = "links", mixinStandardHelpOptions = true,
        description = {"Show the series a series depends on (prerequisites) and the series that depend on it (users), "
                + "each with how it is known, the line that proves it, the message holding it and a confidence.",
                "Kinds, strongest first: prerequisite-patch-id, change-id, message-id (b4's prerequisite-* "
                        + "markers), depends-on (patchwork), based-on (Patchew), prose (\"depends on\", \"based on\", "
                        + "\"on top of\", \"requires\", \"applies on\" naming a Message-ID, change-id or quoted "
                        + "title), link (a Link: "
                        + "line or message URL), same-thread (posted in reply into the other series' thread), symbol "
                        + "(its added code uses functions, macros, types or exports the other series adds).",
                "Links follow versions: a link names the version it was built on and the latest one.",
                "A maintainer's corrections ('patchlane link add|remove') are honoured: an added link is of kind "
                        + "manual with \"added by NAME on DATE: why\"; a removed one is listed apart, under Removed, "
                        + "with \"removed by NAME on DATE: why\", and counts in no check."},
        footer = {"%nExamples:", "  patchlane links 20261102-aux-lifetime-3f1c2a9b7d10",
                "  patchlane links --json '<20261123104501.2291-1-jacek.wierzbicki@intel.com>'",
                "Exit code 1 when no series matches."})
final class LinksCommand implements Callable<Integer> {
    @Mixin
    DataOptions options;

    @Parameters(paramLabel = "SERIES", description = SeriesKey.HELP)
    String key;

    @Override
    public Integer call() throws Exception {
        try (Searcher searcher = Searcher.open(options.data)) {
            Optional<Series> s = SeriesKey.find(searcher, key);
            if (s.isEmpty()) return ExitCode.NOT_FOUND;
            Links links = new Linker(searcher.links()).links(s.get());
            if (options.json) System.out.println(Json.write(LinkJson.of(links)));
            else System.out.print(text(links));
            return ExitCode.OK;
        }
    }

    static String text(Links links) {
        Series s = links.series();
        StringBuilder out = new StringBuilder(s.title() + " (" + s.id() + ", v" + s.latest().version() + ")\n");
        section(out, "Prerequisites", links.prerequisites(), true);
        section(out, "Users", links.users(), false);
        removed(out, "Removed prerequisites", links.removedPrerequisites());
        removed(out, "Removed users", links.removedUsers());
        return out.toString();
    }

    /** The links a maintainer removed: who, when and why first, then what the mail said. Nothing when none. */
    private static void removed(StringBuilder out, String heading, List<Link> links) {
        if (links.isEmpty()) return;
        out.append(heading).append(":\n");
        String last = null;
        for (Link l : links) {
            if (!l.other().id().equals(last)) {
                last = l.other().id();
                out.append("  ").append(l.other().title()).append(" (").append(l.other().id()).append(")\n");
                out.append("      ").append(l.edit().summary()).append('\n');
            }
            if (l.edit() != null && l.kind() != org.patchlane.link.LinkKind.MANUAL) {
                out.append(String.format("      %-21s %.2f  %s%n", l.kind().jsonName(), l.confidence(), l.evidence()));
            }
        }
    }

    private static void section(StringBuilder out, String heading, List<Link> links, boolean prerequisite) {
        out.append(heading).append(links.isEmpty() ? ": none\n" : ":\n");
        String last = null;
        for (Link l : links) {
            if (!l.other().id().equals(last)) {
                last = l.other().id();
                out.append("  ").append(l.other().title()).append(" (").append(l.other().id()).append(", v")
                        .append(l.version());
                if (prerequisite && l.outdated()) out.append(", latest v").append(l.latestVersion());
                out.append(prerequisite ? ")" : ") on v" + l.ownVersion()).append('\n');
            }
            out.append(String.format("      %-21s %.2f  %s%n", l.kind().jsonName(), l.confidence(), l.evidence()));
        }
    }
}
