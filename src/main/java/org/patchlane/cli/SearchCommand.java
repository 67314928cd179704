package org.patchlane.cli;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.patchlane.report.Json;
import org.patchlane.view.Plural;
import org.patchlane.report.SearchJson;
import org.patchlane.store.Hit;
import org.patchlane.store.SearchResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code patchlane search}: lore's query language over the archive, newest first. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the archive with lore's query prefixes, newest first, with highlighted snippets.",
                "Prefixes: s: subject, f: from, t:/c: to/cc, b: body, bs: subject+body, nq: author's own text, "
                        + "q: quoted text, m: Message-ID, d: date range, dfn: diff file, dfa:/dfb: removed/added "
                        + "lines, dfhh: hunk header, patchid:, kind: (patch cover reply pull other), v: version, "
                        + "list:, sob:/ack:/rb:/tb:/nak: trailer people, flag:. Bare words search subject and body.",
                "Combine with AND (the default), OR, NOT, parentheses and \"quoted phrases\". Dates: "
                        + "d:20261102.., d:2026-11-02..2026-11-09, d:2.weeks.ago.., d:yesterday.."},
        footer = {"%nExamples:", "  patchlane search 's:mlx5 AND kind:patch AND d:2026-11-16..'",
                "  patchlane search 'nq:\"change-id: 20261102-aux-lifetime-3f1c2a9b7d10\"'",
                "  patchlane search --json --limit 5 'dfn:drivers/base/auxiliary.c'",
                "Exit code 1 when nothing matches, 2 for a bad query."})
final class SearchCommand extends InvokedCommand {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Mixin
    DataOptions options;

    @Mixin
    PageOptions page;

    @Mixin
    NoServerOption server;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query; several words are joined.")
    List<String> words;


    @Override
    public Integer call() throws Exception {
        SearchResult result;
        try (Invocation.Reading read = invocation.read(options.data)) {
            result = read.searcher().search(String.join(" ", words), page.offset, page.limit, true);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.println(Json.write(SearchJson.of(result)));
        } else {
            print(result, out, invocation.terminal());
        }
        out.flush();
        return result.total() == 0 ? ExitCode.NOT_FOUND : ExitCode.OK;
    }

    private static void print(SearchResult r, PrintWriter out, boolean bold) {
        for (Hit h : r.hits()) {
            String date = h.date() == null ? "????-??-?? ??:??" : DAY.format(h.date());
            out.printf("%s  %-6s %-24.24s %s%n", date, h.kind().jsonName(), h.from().name().isEmpty()
                    ? h.from().email() : h.from().name(), h.subject());
            out.printf("    <%s>%s%n", h.messageId(), h.list().isEmpty() ? "" : "  list:" + h.list());
            if (!h.snippet().isBlank()) out.println("    " + highlighted(h, bold).replace("\n", " "));
        }
        out.printf("%,d of %s%s%n", r.hits().size(), Plural.of(r.total(), "hit"),
                r.offset() > 0 ? " from " + (r.offset() + 1) : "");
    }

    /** The snippet with its matches in bold (a terminal) or between *stars* (a pipe). */
    static String highlighted(Hit h, boolean bold) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Hit.Highlight m : h.highlights()) {
            out.append(h.snippet(), at, m.start()).append(bold ? "\u001b[1m" : "*")
                    .append(h.snippet(), m.start(), m.end()).append(bold ? "\u001b[0m" : "*");
            at = m.end();
        }
        return out.append(h.snippet().substring(at)).toString();
    }
}
