package org.patchlane.web;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.patchlane.patch.Markers;
import org.patchlane.report.InterdiffJson;
import org.patchlane.report.SeriesMbox;
import org.patchlane.report.TrailerEmails;
import org.patchlane.report.TrailerMatrix;
import org.patchlane.thread.GivenTrailer;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * The series page's versions, latest first: each with its date, cover, markers and the trailer matrix whose
 * columns carry full names and whose marks link to the message that gave them; per patch its message, raw diff
 * and the interdiff against the previous version; for the series, the mbox with trailers applied and the
 * {@code b4 am} line.
 *
 * @param mboxHref  the latest version as an mbox with the collected trailers, for {@code git am}
 * @param b4Command {@code b4 am MSGID} for the latest version (its cover, else its first patch)
 * @param masked    the trailers the mbox writes with an address the archive masked and nothing resolved
 *                  ("2/4 Reviewed-by: Name &lt;local@xxxx&gt;"), as {@code acks --mbox} warns of them
 * @param versions  latest first
 */
public record SeriesView(String id, String mboxHref, String b4Command, List<String> masked, List<VersionView> versions) {
    public SeriesView {
        masked = List.copyOf(masked);
        versions = List.copyOf(versions);
    }

    /**
     * One version.
     *
     * @param anchor       the id of its section ({@code v3})
     * @param date         its earliest posting, UTC minutes; "" when unknown
     * @param coverHref    the cover letter's page, or null
     * @param markers      base-commit, change-id and prerequisite lines of its cover (else first patch), as written
     * @param previous     the label of the version before it, or null on the first
     * @param interdiffHref the interdiff page from the previous version, or null on the first
     * @param people       the matrix columns, full "Name &lt;email&gt;"
     */
    public record VersionView(SeriesVersion version, String anchor, String date, String coverHref, List<String> markers,
                              String previous, String interdiffHref, List<String> people, List<PatchRow> rows) {
        public VersionView {
            markers = List.copyOf(markers);
            people = List.copyOf(people);
            rows = List.copyOf(rows);
        }
    }

    /** A patch's row: its page, raw message, interdiff section (null on a first version) and cells. */
    public record PatchRow(SeriesPatch patch, String href, String rawHref, String interdiffHref, List<List<Mark>> cells) {
        public PatchRow {
            cells = cells.stream().map(List::copyOf).toList();
        }
    }

    /** One trailer letter in a cell, linking to the message that gave it. */
    public record Mark(String letters, String href, String title) {
    }

    /**
     * @param texts reads the cover's (else first patch's) text for its markers
     */
    public static SeriesView of(Series s, TrailerEmails emails, InterdiffJson.MailTexts texts) throws IOException {
        List<VersionView> out = new ArrayList<>();
        List<SeriesVersion> vs = s.versions();
        for (int i = vs.size() - 1; i >= 0; i--) {
            SeriesVersion v = vs.get(i);
            String previous = i == 0 ? null : vs.get(i - 1).label();
            String interdiff = previous == null ? null : interdiffHref(s.id(), previous, v.label());
            TrailerMatrix m = TrailerMatrix.of(v, emails);
            List<PatchRow> rows = new ArrayList<>();
            for (TrailerMatrix.Row r : m.rows()) {
                SeriesPatch p = r.patch();
                rows.add(new PatchRow(p, Links.message("", p.messageId()), Links.raw("", p.messageId()),
                        interdiff == null ? null : interdiff + "#p" + p.index(),
                        r.cells().stream().map(c -> marks(c, p)).toList()));
            }
            out.add(new VersionView(v, "v" + v.label(), HitView.date(v.date() == 0 ? null : Instant.ofEpochMilli(v.date())),
                    v.cover() == null ? null : Links.message("", v.cover()), markers(v, texts), previous, interdiff,
                    m.people(), rows));
        }
        SeriesVersion latest = s.latest();
        String head = latest.cover() != null ? latest.cover()
                : latest.patches().isEmpty() ? null : latest.patches().get(0).messageId();
        List<String> masked = new ArrayList<>();
        for (SeriesPatch p : latest.patches()) {
            for (GivenTrailer t : p.trailers()) {
                if ((t.inPatch() || SeriesMbox.added(p).contains(t)) && emails.of(t).source() == TrailerEmails.Source.MASKED) {
                    masked.add(p.index() + "/" + p.total() + " " + t.kind() + ": " + TrailerMatrix.person(t));
                }
            }
        }
        return new SeriesView(s.id(), "/series/" + Links.encode(s.id()) + "/mbox", head == null ? null : "b4 am " + head,
                masked.stream().distinct().toList(), out);
    }

    /** {@code /series/{id}/interdiff?from=N&to=M}. */
    static String interdiffHref(String id, String from, String to) {
        return "/series/" + Links.encode(id) + "/interdiff?from=" + Links.encode(from) + "&to=" + Links.encode(to);
    }

    /** The cell's trailers as marks: one per message that gave some, so each links to its own mail. */
    private static List<Mark> marks(TrailerMatrix.Cell c, SeriesPatch p) {
        List<Mark> out = new ArrayList<>();
        for (GivenTrailer t : c.trailers()) {
            String letters = new TrailerMatrix.Cell(List.of(t)).letters();
            // The author's copy of a trailer a reply also gave is shown once, as the reply's (as letters() does).
            if (t.inPatch() && c.trailers().stream().anyMatch(o -> !o.inPatch() && o.kind().equals(t.kind()))) continue;
            String given = t.inPatch() ? p.messageId() : t.givenIn();
            String title = t.kind() + (t.inPatch() ? " in the patch" : " in <" + t.givenIn() + ">")
                    + (t.carried() ? ", carried from v" + t.carriedFrom() : "") + (t.scope() == null ? "" : ", scope: " + t.scope());
            out.add(new Mark(letters, Links.message("", given), title));
        }
        return out;
    }

    private static List<String> markers(SeriesVersion v, InterdiffJson.MailTexts texts) throws IOException {
        String id = v.cover() != null ? v.cover() : v.patches().isEmpty() ? null : v.patches().get(0).messageId();
        String text = id == null ? null : texts.text(id);
        Markers m = Markers.parse(text);
        List<String> out = new ArrayList<>();
        if (m.baseCommit() != null) out.add("base-commit: " + m.baseCommit());
        if (m.changeId() != null) out.add("change-id: " + m.changeId());
        m.prerequisitePatchIds().forEach(x -> out.add("prerequisite-patch-id: " + x));
        m.prerequisiteMessageIds().forEach(x -> out.add("prerequisite-message-id: <" + x + ">"));
        m.prerequisiteChangeIds().forEach(x -> out.add("prerequisite-change-id: " + x));
        return out;
    }
}
