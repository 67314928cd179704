package org.patchlane.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.patchlane.ingest.Analyzer;
import org.patchlane.mail.Mail;
import org.patchlane.report.Json;
import org.patchlane.view.Plural;
import org.patchlane.report.SeriesJson;
import org.patchlane.review.Standing;
import org.patchlane.report.SeriesMbox;
import org.patchlane.report.TrailerEmails;
import org.patchlane.report.TrailerMatrix;
import org.patchlane.store.Searcher;
import org.patchlane.store.StoredRecord;
import org.patchlane.thread.GivenTrailer;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code patchlane acks}: the patch × person trailer matrix of every version of one series. */
@Command(name = "acks", mixinStandardHelpOptions = true,
        description = {"Show which acks, reviews, tests, sign-offs and NACKs a series has, per patch and per version, "
                + "from whom and in which message.",
                "Rules: a trailer in a reply to the cover counts for every patch of that version (or those its "
                        + "\"for patches 1-3\" / \"for the mlx5 bits\" remark names); in a reply to a patch, for that "
                        + "patch; in a reply to a reply, for the patch or cover above it. Quoted lines never count. "
                        + "A trailer given on vN is carried to vN+1 only where the patch-id is unchanged (marked *). "
                        + "A trailer naming someone other than the mail's sender is marked ?. "
                        + "Sign-off findings (author, Co-developed-by, chain of custody, Fixes:) are listed per patch.",
                "With --mbox, write the latest version with the collected trailers applied, ready for 'git am'.",
                "An address an archive masked (jgg@xxxxxxxxxx) is resolved from an unmasked one seen in the archive: "
                        + "same name and local part, a domain as long as the mask, preferring one the person sent "
                        + "from, then To/Cc. Resolved ones are marked; one that stays masked is marked, and --mbox "
                        + "warns about it."},
        footer = {"%nSERIES is a series id (from 'patchlane series'), the Message-ID of any mail of the series "
                + "or of a reply to it, or a b4 change-id.", "%nExamples:",
                "  patchlane acks 20261102-aux-lifetime-3f1c2a9b7d10",
                "  patchlane acks --json '<20261116110240.GH41260@unreal>'",
                "  patchlane acks --mbox - 20261102-aux-lifetime-3f1c2a9b7d10 | git am",
                "Exit code 1 when no series matches."})
final class AcksCommand extends InvokedCommand {
    @Mixin
    DataOptions options;

    @Option(names = "--mbox", paramLabel = "FILE",
            description = "Write the latest version as an mbox with the collected trailers applied ('-': stdout).")
    String mbox;

    @Mixin
    NoServerOption server;

    @Parameters(paramLabel = "SERIES", description = "Series id, Message-ID of any of its mails, or change-id.")
    String key;


    @Override
    public Integer call() throws Exception {
        try (Invocation.Reading read = invocation.read(options.data)) {
            Searcher searcher = read.searcher();
            Optional<Series> found = searcher.seriesOf(key);
            if (found.isEmpty()) {
                spec.commandLine().getErr().println("patchlane: no series for " + key);
                return ExitCode.NOT_FOUND;
            }
            Series s = found.get();
            TrailerEmails emails = TrailerEmails.lookup(s, searcher);
            if (mbox != null) return writeMbox(searcher, s, emails);
            Standing standing = searcher.decisions().standing(s);
            PrintWriter out = spec.commandLine().getOut();
            if (options.json) out.println(Json.write(SeriesJson.of(s, emails, standing)));
            else out.print(matrix(s, emails) + "\nstate " + StateCommand.text(s, standing));
            out.flush();
            return ExitCode.OK;
        }
    }

    /** The mbox is bytes for git am, written to this process's own output (a server never answers --mbox). */
    private int writeMbox(Searcher searcher, Series s, TrailerEmails emails) throws IOException {
        StringBuilder out = new StringBuilder();
        for (SeriesPatch p : s.latest().patches()) {
            List<StoredRecord> stored = searcher.get(p.messageId());
            if (stored.isEmpty()) continue;
            Mail mail = Analyzer.mail(stored.get(0));
            out.append(SeriesMbox.message(p, mail, emails));
            // A masked address in a commit is wrong and git am cannot tell: say so, never silently.
            for (String m : SeriesMbox.masked(p, mail, emails)) {
                System.err.printf("patchlane: warning: patch %d/%d is written with %s: the archive masked the address "
                        + "and no unmasked one of that person was found%n", p.index(), p.total(), m);
            }
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        if (mbox.equals("-")) {
            OutputStream o = System.out;
            o.write(bytes);
            o.flush();
        } else {
            Files.write(Path.of(mbox), bytes);
            System.err.printf("patchlane: wrote v%s of %s (%s) to %s%n", s.latest().label(), s.id(),
                    Plural.of(s.latest().patches().size(), "patch", "patches"), mbox);
        }
        return ExitCode.OK;
    }

    /** Per version: a grid of patches × people with trailer letters, then each trailer with its message. */
    static String matrix(Series s, TrailerEmails emails) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("series %s: %s%n  submitter %s%s%s%n", s.id(), s.title(), s.submitter().display(),
                s.changeId() == null ? "" : "\n  change-id " + s.changeId(),
                s.lists().isEmpty() ? "" : "\n  lists " + String.join(", ", s.lists())));
        for (SeriesVersion v : s.versions()) version(out, v, emails);
        out.append("\nA Acked-by  R Reviewed-by  T Tested-by  N Nacked-by  S Signed-off-by  c Co-developed-by  "
                + "s Suggested-by  r Reported-by\n* carried from an earlier version  ? names someone other than the "
                + "mail's sender\n");
        return out.toString();
    }

    /** Whether the patch changed since the previous version ("-" on a first version). */
    private static String change(SeriesPatch p) {
        return p.change() == null ? "-" : p.change();
    }

    private static void version(StringBuilder out, SeriesVersion v, TrailerEmails emails) {
        out.append(String.format("%nv%s  %s%s%s%s%n", v.label(), v.state(),
                v.partial() ? ", partial reroll of v" + v.predecessor() : "",
                v.cover() == null ? ", no cover" : ", cover <" + v.cover() + ">",
                v.problems().isEmpty() ? "" : ", " + String.join(", ", v.problems())));
        TrailerMatrix m = TrailerMatrix.of(v, emails);
        for (int i = 0; i < m.people().size(); i++) out.append(String.format("  [%d] %s%n", i + 1, m.people().get(i)));
        // Each column as wide as its widest cell, so a cell with several marks ("r*S*") keeps the grid aligned.
        int[] width = new int[m.people().size()];
        for (int i = 0; i < width.length; i++) width[i] = ("[" + (i + 1) + "]").length();
        int changeWidth = "change".length();
        for (TrailerMatrix.Row r : m.rows()) {
            for (int i = 0; i < width.length; i++) width[i] = Math.max(width[i], r.cells().get(i).letters().length());
            changeWidth = Math.max(changeWidth, change(r.patch()).length());
        }
        StringBuilder head = new StringBuilder(String.format("  %-5s", "patch"));
        for (int i = 0; i < width.length; i++) head.append(String.format("  %-" + width[i] + "s", "[" + (i + 1) + "]"));
        out.append(head.append("  change").toString().stripTrailing()).append('\n');
        for (TrailerMatrix.Row r : m.rows()) {
            SeriesPatch p = r.patch();
            StringBuilder row = new StringBuilder(String.format("  %-5s", p.index() + "/" + p.total()));
            for (int i = 0; i < width.length; i++) {
                row.append(String.format("  %-" + width[i] + "s", r.cells().get(i).letters()));
            }
            row.append(String.format("  %-" + changeWidth + "s  ", change(p))).append(p.title());
            out.append(row).append('\n');
            p.findings().forEach(f -> out.append("          ! ").append(f.text()).append('\n'));
        }
        // Each follow-up once, with the patches it applies to and the message that gave it.
        Map<String, List<Integer>> given = new LinkedHashMap<>();
        for (SeriesPatch p : v.patches()) {
            for (GivenTrailer t : p.trailers()) {
                if (t.inPatch()) continue;
                String k = t.kind() + ": " + TrailerMatrix.label(t, emails.of(t))
                        + (t.carried() ? " (carried from v" + t.carriedFrom() + ")" : "")
                        + (t.bySender() ? "" : " (not sent by this person)")
                        + "\n      in <" + t.givenIn() + ">" + (t.scope() == null ? "" : "  scope: " + t.scope());
                given.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(p.index());
            }
        }
        given.forEach((k, patches) -> {
            int cut = k.indexOf('\n');
            out.append("  ").append(k, 0, cut).append(patches.size() == 1 ? "  for patch " : "  for patches ")
                    .append(patches.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")))
                    .append(k.substring(cut)).append('\n');
        });
    }
}
