package org.patchlane.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.patchlane.thread.GivenTrailer;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * One version's patches × people grid, shared by {@code acks} and the series page: columns in the order people
 * first appear, each cell the trailers that person gave that patch.
 *
 * @param people the columns: "Name &lt;email&gt;", marked when the archive masked the address
 * @param rows   one per patch, in order
 */
public record TrailerMatrix(List<String> people, List<Row> rows) {
    public TrailerMatrix {
        people = List.copyOf(people);
        rows = List.copyOf(rows);
    }

    /** A patch and one cell per column. */
    public record Row(SeriesPatch patch, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** The trailers one person gave one patch (empty for none). */
    public record Cell(List<GivenTrailer> trailers) {
        public Cell {
            trailers = List.copyOf(trailers);
        }

        /**
         * A letter per trailer (A acked, R reviewed, T tested, N nacked, S signed off, c co-developed, s suggested,
         * r reported), {@code *} when carried from an earlier version, {@code ?} when it names someone other than
         * its mail's sender; "." for none.
         */
        public String letters() {
            if (trailers.isEmpty()) return ".";
            StringBuilder out = new StringBuilder();
            for (GivenTrailer t : trailers) {
                // The author's copy of a trailer a reply also gave shows once, as the reply's.
                if (t.inPatch() && trailers.stream().anyMatch(o -> !o.inPatch() && o.kind().equals(t.kind()))) continue;
                out.append(letter(t.kind())).append(t.carried() ? "*" : "").append(t.bySender() || t.inPatch() ? "" : "?");
            }
            return out.toString();
        }

        /** Where each trailer came from, for a tooltip. */
        public String evidence() {
            StringBuilder out = new StringBuilder();
            for (GivenTrailer t : trailers) {
                if (out.length() > 0) out.append('\n');
                out.append(t.kind()).append(t.inPatch() ? " in the patch" : " in <" + t.givenIn() + ">");
                if (t.carried()) out.append(", carried from v").append(t.carriedFrom());
                if (t.scope() != null) out.append(", scope: ").append(t.scope());
            }
            return out.toString();
        }
    }

    /** Masked addresses shown marked, unresolved. */
    public static TrailerMatrix of(SeriesVersion v) {
        return of(v, TrailerEmails.NONE);
    }

    /** Each column labelled with the address {@code emails} writes for that person, and how it was found. */
    public static TrailerMatrix of(SeriesVersion v, TrailerEmails emails) {
        Map<String, Integer> column = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (SeriesPatch p : v.patches()) {
            for (GivenTrailer t : p.trailers()) {
                if (column.putIfAbsent(person(t), column.size()) == null) labels.add(label(t, emails.of(t)));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (SeriesPatch p : v.patches()) {
            List<List<GivenTrailer>> cells = new ArrayList<>();
            column.keySet().forEach(c -> cells.add(new ArrayList<>()));
            for (GivenTrailer t : p.trailers()) cells.get(column.get(person(t))).add(t);
            rows.add(new Row(p, cells.stream().map(Cell::new).toList()));
        }
        return new TrailerMatrix(labels, rows);
    }

    /** "Name &lt;email&gt;" with the address to write, then how it was found when the archive masked it. */
    public static String label(GivenTrailer t, TrailerEmails.Email e) {
        String email = e.email();
        String who = t.name().isEmpty() ? email : email.isEmpty() ? t.name() : t.name() + " <" + email + ">";
        return who + e.note();
    }

    /** "Name &lt;email&gt;", or whichever part the trailer has. */
    public static String person(GivenTrailer t) {
        return t.name().isEmpty() ? t.email() : t.email().isEmpty() ? t.name() : t.name() + " <" + t.email() + ">";
    }

    static String letter(String kind) {
        return switch (kind) {
            case "Acked-by" -> "A";
            case "Reviewed-by" -> "R";
            case "Tested-by" -> "T";
            case "Nacked-by" -> "N";
            case "Signed-off-by" -> "S";
            default -> kind.substring(0, 1).toLowerCase(Locale.ROOT);
        };
    }
}
