package org.patchlane.digest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import org.patchlane.view.Plural;

/**
 * One figure of a digest compared with the period before and with the four periods before that, as every writer
 * shows it: {@code 12 series (+3 on last week, 9/week before)}; a range of 10 days reads
 * {@code 12 series (+3 on the 10 days before, 9 per 10 days before)}.
 *
 * @param name      the figure's name as the JSON calls it ({@code series}, {@code firstReview})
 * @param now       the period's value as words ({@code 12 series}, {@code 1d 4h to first review})
 * @param lastWeek  the previous period's value ({@code 9}, {@code 1d 6h}), "" when it had none
 * @param before    the four periods before that, per period, "" when they had none
 * @param change    the change on the previous period ({@code +3}, {@code -2h}, {@code same}), "" when not comparable
 * @param period    the digest's period, which names the comparisons
 */
public record FigureRow(String name, String now, String lastWeek, String before, String change, Period period) {
    /** The figures of a digest in a fixed order; counts are shown even when 0, so the comparison stays visible. */
    public static List<FigureRow> of(Digest d) {
        List<FigureRow> rows = new ArrayList<>();
        count(rows, d, "series", "series", "series", Figures::series);
        count(rows, d, "versions", "version", "versions", Figures::versions);
        count(rows, d, "acks", "ack", "acks", Figures::acks);
        count(rows, d, "reviews", "review", "reviews", Figures::reviews);
        count(rows, d, "tests", "test", "tests", Figures::tests);
        count(rows, d, "nacks", "NACK", "NACKs", Figures::nacks);
        count(rows, d, "pulls", "pull request", "pull requests", Figures::pulls);
        count(rows, d, "merged", "merged", "merged", Figures::merged);
        Duration now = d.figures().firstReview();
        Duration last = d.previous() == null ? null : d.previous().firstReview();
        Duration before = d.fourWeeks() == null ? null : d.fourWeeks().firstReview();
        String change = now == null || last == null ? "" : signed(now.minus(last));
        rows.add(new FigureRow("firstReview", now == null ? "no first review" : duration(now) + " to first review",
                last == null ? "" : duration(last), before == null ? "" : duration(before), change, d.period()));
        return rows;
    }

    private static void count(List<FigureRow> rows, Digest d, String name, String one, String many,
                              ToIntFunction<Figures> f) {
        int now = f.applyAsInt(d.figures());
        String last = d.previous() == null ? "" : Integer.toString(f.applyAsInt(d.previous()));
        String before = d.fourWeeks() == null ? "" : Integer.toString(f.applyAsInt(d.fourWeeks()));
        String change = d.previous() == null ? "" : signed(now - f.applyAsInt(d.previous()));
        rows.add(new FigureRow(name, Plural.of(now, one, many), last, before, change, d.period()));
    }

    /** The comparison in words: {@code +3 on last week, 9/week before}; "" when there is nothing to compare. */
    public String comparison() {
        List<String> parts = new ArrayList<>();
        String previous = period.previousName();
        if (!change.isEmpty()) parts.add(change.equals("same") ? "same as " + previous : change + " on " + previous);
        if (!before.isEmpty()) parts.add(before + (period.week() ? "/week" : " per " + period.unit()) + " before");
        return String.join(", ", parts);
    }

    /** The figure and its comparison, one line: {@code 12 series (+3 on last week, 9/week before)}. */
    public String line() {
        String c = comparison();
        return c.isEmpty() ? now : now + " (" + c + ")";
    }

    static String signed(long delta) {
        return delta == 0 ? "same" : (delta > 0 ? "+" : "") + delta;
    }

    static String signed(Duration delta) {
        if (delta.isZero()) return "same";
        return (delta.isNegative() ? "-" : "+") + duration(delta.abs());
    }

    /** A duration as a maintainer reads it: {@code 3d 4h}, {@code 5h}, {@code 40m}, {@code 0m}. */
    public static String duration(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 60) return minutes + "m";
        long hours = d.toHours();
        if (hours < 24) return hours + "h" + (minutes % 60 == 0 || hours >= 10 ? "" : " " + minutes % 60 + "m");
        return hours / 24 + "d" + (hours % 24 == 0 ? "" : " " + hours % 24 + "h");
    }
}
