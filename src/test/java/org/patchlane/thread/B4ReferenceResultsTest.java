package org.patchlane.thread;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.patchlane.SharedData;
import org.patchlane.mail.Mail;
import org.patchlane.mail.MailParser;
import org.patchlane.source.MailSource;
import org.patchlane.source.RawMessage;
import org.patchlane.source.Sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Per-patch trailers against the results b4's own test suite records for its samples ({@code corpus/b4/*-ref-*.txt}:
 * the {@code b4 am} output; {@code *.verify}: the commits {@code b4 shazam} made). Needs no b4, only ../shared.
 * Compares the {@code *-by} trailers as sets, like {@link B4ComparisonTest}; each known difference is listed with its
 * reason and the test fails when one disappears or a new one appears.
 */
class B4ReferenceResultsTest {
    /** Which of Patchlane's trailers the recorded b4 run would have written. */
    enum Mode {
        /** {@code b4 am} defaults: the chain and the follow-ups given by their sender. */
        DEFAULTS(SeriesTrailers::b4Would),
        /** {@code -S}: follow-ups naming someone else too (Patchlane keeps them, marked bySender=false). */
        SLOPPY(SeriesTrailers::sloppy),
        /** {@code -T}: the chain alone. */
        NO_FOLLOWUPS(SeriesTrailers::chain);

        final Function<SeriesPatch, Set<String>> ours;

        Mode(Function<SeriesPatch, Set<String>> ours) {
            this.ours = ours;
        }
    }

    private record Row(String mbox, String result, Mode mode) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("trailers-followup-bare-address.mbox", "trailers-followup-bare-address-ref-defaults.txt", Mode.DEFAULTS),
            new Row("trailers-followup-custody.mbox", "trailers-followup-custody-ref-ordered.txt", Mode.DEFAULTS),
            new Row("trailers-followup-custody.mbox", "trailers-followup-custody-ref-unordered.txt", Mode.DEFAULTS),
            new Row("trailers-followup-custody.mbox", "trailers-followup-custody-ref-with-ignored.txt", Mode.DEFAULTS),
            new Row("trailers-followup-htmljunk.mbox", "trailers-followup-htmljunk-ref-defaults.txt", Mode.DEFAULTS),
            new Row("trailers-followup-non-git-patch.mbox", "trailers-followup-non-git-patch-ref-defaults.txt", Mode.DEFAULTS),
            new Row("trailers-followup-non-git-patch-with-comments.mbox",
                    "trailers-followup-non-git-patch-with-comments-ref-defaults.txt", Mode.DEFAULTS),
            new Row("trailers-followup-nore.mbox", "trailers-followup-nore-ref-defaults.txt", Mode.DEFAULTS),
            new Row("trailers-followup-single.mbox", "trailers-followup-single-ref-addlink.txt", Mode.DEFAULTS),
            new Row("trailers-followup-single.mbox", "trailers-followup-single-ref-addmsgid.txt", Mode.DEFAULTS),
            new Row("trailers-followup-single.mbox", "trailers-followup-single-ref-addmysob.txt", Mode.DEFAULTS),
            new Row("trailers-followup-single.mbox", "trailers-followup-single-ref-copyccs.txt", Mode.DEFAULTS),
            new Row("trailers-followup-single.mbox", "trailers-followup-single-ref-defaults.txt", Mode.DEFAULTS),
            new Row("trailers-followup-single.mbox", "trailers-followup-single-ref-noadd.txt", Mode.NO_FOLLOWUPS),
            new Row("trailers-followup-single.mbox", "trailers-followup-single-ref-ordered.txt", Mode.DEFAULTS),
            new Row("trailers-followup-single.mbox", "trailers-followup-single-ref-sloppy.txt", Mode.SLOPPY),
            new Row("trailers-followup-stripped-lines.mbox", "trailers-followup-stripped-lines-ref-defaults.txt", Mode.DEFAULTS),
            new Row("trailers-followup-with-cover.mbox", "trailers-followup-with-cover-ref-addlink.txt", Mode.DEFAULTS),
            new Row("trailers-followup-with-cover.mbox", "trailers-followup-with-cover-ref-defaults.txt", Mode.DEFAULTS),
            new Row("trailers-followup-with-diffstat.mbox", "trailers-followup-with-diffstat-ref-defaults.txt", Mode.DEFAULTS),
            new Row("trailers-thread-with-cover-followup.mbox", "trailers-thread-with-cover-followup.verify", Mode.DEFAULTS),
            new Row("shazam-git1-just-series.mbox", "shazam-git1-just-series-addlink.verify", Mode.DEFAULTS),
            new Row("shazam-git1-just-series.mbox", "shazam-git1-just-series-defaults.verify", Mode.DEFAULTS),
            new Row("shazam-git1-just-series.mbox", "shazam-git1-just-series-merged.verify", Mode.DEFAULTS));

    /**
     * Left out on both sides: b4's test harness applies as "Test Override" with {@code -s}/{@code am.addmysob}, so
     * that sign-off ends every recorded commit though no mail gave it (in the custody sample the patch's own chain
     * has it too, and b4 moves it to the bottom).
     */
    static final String NOT_A_PATCH = "not a patch to Patchlane: the diff has no 'diff --git' header and its hunk header '@@@ -1,1 +1,1 @@' is not a unified-diff hunk (git apply rejects it), so Patchlane classifies the mail as other; b4 only looks for ---/+++ lines. A synthetic sample; real non-git diffs ('@@ -') are patches to Patchlane";
    static final String SAME_PERSON = "same person, same kind: Followup Reviewer1 gave Reviewed-by on patch 2 and again on the cover under another display name but the same address; Patchlane keeps one Reviewed-by per person and patch (GivenTrailer.sameAs), b4 compares the whole 'name <email>' text and writes both";

    private static final String APPLIER = "Signed-off-by: Test Override <test-override@example.com>";

    /** Known differences: {@code "result#patch subject | b4 only|Patchlane only | trailer"} → why. */
    static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("trailers-followup-custody-ref-with-ignored.txt#[PATCH] Simple test | Patchlane only | Reviewed-by: Followup Reviewer1 <followup-reviewer1@example.com>",
                    "recorded with b4's trailers-ignore-from=followup-reviewer1@example.com, a per-maintainer b4 setting; Patchlane records every review"),
            Map.entry("trailers-followup-non-git-patch-ref-defaults.txt#[PATCH] Simple test | b4 only | the whole patch", NOT_A_PATCH),
            Map.entry("trailers-followup-non-git-patch-with-comments-ref-defaults.txt#[PATCH] Simple test | b4 only | the whole patch", NOT_A_PATCH),
            Map.entry("trailers-followup-stripped-lines-ref-defaults.txt#[PATCH] Simple test | b4 only | the whole patch", NOT_A_PATCH),
            Map.entry("trailers-followup-with-cover-ref-addlink.txt#[PATCH v2 2/2] Simple test 2 | b4 only | Reviewed-by: Coverletter Reviewer1 <followup-reviewer1@example.com>", SAME_PERSON),
            Map.entry("trailers-followup-with-cover-ref-defaults.txt#[PATCH v2 2/2] Simple test 2 | b4 only | Reviewed-by: Coverletter Reviewer1 <followup-reviewer1@example.com>", SAME_PERSON));

    @Test
    void perPatchTrailersEqualB4sRecordedResults() throws IOException {
        Path dir = SharedData.require("corpus/b4");
        Map<String, String> found = new TreeMap<>();
        for (Row row : ROWS) {
            List<Series> series = SeriesFinder.find(SeriesTrailers.posts(dir.resolve(row.mbox())));
            Path result = dir.resolve(row.result());
            Map<String, List<String>> recorded = row.result().endsWith(".verify") ? verify(result) : amOutput(result);
            for (Map.Entry<String, List<String>> e : recorded.entrySet()) {
                String where = row.result() + "#" + e.getKey();
                SeriesPatch ours = patch(series, e.getKey());
                if (ours == null) {
                    found.put(where + " | b4 only | the whole patch", "");
                    continue;
                }
                Set<String> theirs = new LinkedHashSet<>();
                e.getValue().stream().map(SeriesTrailers::canonical).filter(t -> !t.equals(APPLIER)).forEach(theirs::add);
                Set<String> mine = new LinkedHashSet<>(row.mode().ours.apply(ours));
                mine.remove(APPLIER);
                B4ComparisonTest.diff(where, theirs, mine, found);
            }
        }
        found.keySet().forEach(k -> System.out.println("[b4 refs] difference: " + k));
        B4ComparisonTest.assertDifferences(EXPECTED, found.keySet());
    }

    /** The latest version's patch with this title or subject. */
    private static SeriesPatch patch(List<Series> all, String title) {
        for (Series s : all) {
            for (SeriesPatch p : s.latest().patches()) {
                if (p.title().equals(title) || p.subject().equals(title)) return p;
            }
        }
        return null;
    }

    /** A {@code -ref-*.txt} file: {@code b4 am}'s output mbox. Subject → trailers. */
    private static Map<String, List<String>> amOutput(Path file) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (MailSource source = Sources.open(file, k -> null)) {
            for (RawMessage m; (m = source.next()) != null; ) {
                Mail mail = MailParser.parse(m.bytes(), m.envelopeDate(), m.truncated());
                out.put(mail.subject(), B4Am.byTrailers(mail.body().text()));
            }
        }
        return out;
    }

    /**
     * A {@code .verify} file: one block per commit b4 shazam made, newest first, separated by {@code ---} lines;
     * a block is the author (and committer) address, the title, then the message. Title → trailers. The merge
     * commit {@code shazam -M} makes is not a patch: skipped.
     */
    private static Map<String, List<String>> verify(Path file) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> block = new ArrayList<>();
        for (String line : (Files.readString(file) + "\n---").split("\n", -1)) {
            if (!line.equals("---")) {
                block.add(line);
                continue;
            }
            int at = 0;
            while (at < block.size() && block.get(at).matches("\\S+@\\S+")) at++;
            if (at < block.size() && !block.get(at).isBlank() && !block.get(at).startsWith("Merge ")) {
                out.put(block.get(at), B4Am.byTrailers(String.join("\n", block.subList(at + 1, block.size()))));
            }
            block.clear();
        }
        return out;
    }
}
