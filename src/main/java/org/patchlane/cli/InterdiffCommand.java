package org.patchlane.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import org.patchlane.report.InterdiffJson;
import org.patchlane.report.Json;
import org.patchlane.view.Plural;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code patchlane interdiff}: what changed in each patch between two versions of a series. */
@Command(name = "interdiff", mixinStandardHelpOptions = true,
        description = {"Show what changed in each patch from one version of a series to another, computed from the "
                + "two patches' diffs (no git tree needed).",
                "Patches are paired by title, else by position; patches only in one version are shown as added or "
                        + "dropped. For each file, the new text each diff shows is compared (post-image); where the "
                        + "two diffs cover different lines or disagree on the old text (a rebase), their own lines "
                        + "are compared instead (diff-text, as git range-diff shows it: an outer and an inner diff "
                        + "marker). The commit message is compared apart, without collected trailers (Reviewed-by, "
                        + "Acked-by...), and each patch says whether its commit message, its code or both changed.",
                "Coloured on a terminal only."},
        footer = {"%nSERIES is a series id (from 'patchlane series'), the Message-ID of any mail of the series "
                + "or of a reply to it, or a b4 change-id.", "%nExamples:",
                "  patchlane interdiff 20261102-aux-lifetime-3f1c2a9b7d10",
                "  patchlane interdiff --from 1 --patch 2 20261102-aux-lifetime-3f1c2a9b7d10",
                "  patchlane interdiff --json 20261102-aux-lifetime-3f1c2a9b7d10",
                "Exit code 1 when no series matches, when it has one version, or when the two versions have no "
                        + "patch in common; 2 for a version or patch the series does not have."})
final class InterdiffCommand implements Callable<Integer> {
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";
    private static final String CYAN = "\u001b[36m";
    private static final String BOLD = "\u001b[1m";
    private static final String RESET = "\u001b[0m";

    @Mixin
    DataOptions options;

    @Option(names = "--from", paramLabel = "N", description = "The older version (default: the one before --to).")
    String from;

    @Option(names = "--to", paramLabel = "M", description = "The newer version (default: the latest).")
    String to;

    @Option(names = "--patch", paramLabel = "K", description = "Only patch K of the newer version (a dropped one by its "
            + "number in the older).")
    Integer patch;

    @Parameters(paramLabel = "SERIES", description = SeriesKey.HELP)
    String key;

    @Override
    public Integer call() throws Exception {
        if (patch != null && patch < 1) {
            System.err.println("patchlane: --patch must be a patch number from 1");
            return ExitCode.USAGE;
        }
        try (Searcher searcher = Searcher.open(options.data)) {
            Optional<Series> s = SeriesKey.find(searcher, key);
            if (s.isEmpty()) return ExitCode.NOT_FOUND;
            InterdiffJson d;
            try {
                d = InterdiffJson.of(s.get(), from, to, patch, InterdiffJson.MailTexts.of(searcher));
            } catch (InterdiffJson.NotFound e) {
                System.err.println("patchlane: " + e.getMessage());
                return e.badInput() ? ExitCode.USAGE : ExitCode.NOT_FOUND;
            }
            if (options.json) System.out.println(Json.write(d));
            else System.out.print(text(d, !options.json && Terminal.interactive()));
            if (d.paired() == 0) {
                System.err.println("patchlane: v" + d.from() + " and v" + d.to() + " have no patch in common");
                return ExitCode.NOT_FOUND;
            }
            return ExitCode.OK;
        }
    }

    static String text(InterdiffJson d, boolean colour) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("interdiff v%s -> v%s of series %s: %s in both versions%n", d.from(), d.to(), d.series(),
                Plural.of(d.paired(), "patch", "patches")));
        for (InterdiffJson.PatchJson p : d.patches()) {
            InterdiffJson.PatchRef ref = p.to() != null ? p.to() : p.from();
            out.append('\n').append(paint(colour, BOLD, String.format("[%d/%d] %s", ref.index(), ref.total(), ref.title())))
                    .append("  (").append(describe(p, d)).append(")\n");
            if (p.from() != null) out.append("  v").append(d.from()).append(" <").append(p.from().messageId()).append(">\n");
            if (p.to() != null) out.append("  v").append(d.to()).append(" <").append(p.to().messageId()).append(">\n");
            if (p.missing() != null) out.append("  <").append(p.missing()).append("> is not in the archive\n");
            if (!p.message().isEmpty()) {
                out.append("  commit message\n");
                for (InterdiffJson.RegionJson r : p.message()) region(out, r, colour);
            }
            for (InterdiffJson.FileJson f : p.files()) {
                if (f.change().equals("unchanged")) continue;
                out.append("  ").append(paint(colour, BOLD, f.path())).append(" (").append(f.change()).append(", ")
                        .append(f.method()).append(f.note() == null ? "" : "; " + f.note()).append(")\n");
                for (InterdiffJson.RegionJson r : f.hunks()) region(out, r, colour);
            }
        }
        return out.toString();
    }

    private static String describe(InterdiffJson.PatchJson p, InterdiffJson d) {
        String scope = switch (p.scope()) {
            case "message" -> "commit message only";
            case "code" -> "code only";
            case "both" -> "commit message and code";
            case "unknown" -> "not compared: a mail is not in the archive";
            default -> "no change";
        };
        return switch (p.pairing()) {
            case "added" -> "added in v" + d.to();
            case "dropped" -> "dropped from v" + d.to();
            case "position" -> "retitled; " + scope;
            default -> scope;
        };
    }

    private static void region(StringBuilder out, InterdiffJson.RegionJson r, boolean colour) {
        out.append("  ").append(paint(colour, CYAN, String.format("@@ -%d,%d +%d,%d @@", r.fromLine(), r.fromCount(),
                r.toLine(), r.toCount()))).append('\n');
        for (String l : r.lines()) {
            String c = l.startsWith("+") ? GREEN : l.startsWith("-") ? RED : null;
            out.append("  ").append(c == null ? l : paint(colour, c, l)).append('\n');
        }
    }

    private static String paint(boolean colour, String code, String text) {
        return colour ? code + text + RESET : text;
    }
}
