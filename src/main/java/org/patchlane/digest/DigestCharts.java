package org.patchlane.digest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.patchlane.view.BarChart;
import org.patchlane.view.Plural;

/** The digest's two charts, from {@link Digest#trend()}: activity per week and the median time to first review. */
public final class DigestCharts {
    static final String SERIES = "#4f86c6", VERSIONS = "#9cc3e8", ACKS = "#3f9b5a", REVIEW = "#c98a2b";

    private DigestCharts() {
    }

    /** Labels under at most this many columns, so week names never overlap. */
    static final int LABELS = 8;

    /** New series, new versions and acks per week, side by side. */
    public static BarChart activity(List<WeekFigures> trend) {
        List<BarChart.Column> columns = new ArrayList<>();
        for (int i = 0; i < trend.size(); i++) {
            WeekFigures w = trend.get(i);
            Figures f = w.figures();
            columns.add(new BarChart.Column(label(trend, i), List.of((long) f.series(), (long) f.versions(), (long) f.acks()),
                    List.of(w.week() + ": " + Plural.of(f.series(), "new series", "new series"),
                            w.week() + ": " + Plural.of(f.versions(), "new version"),
                            w.week() + ": " + Plural.of(f.acks(), "ack"))));
        }
        return BarChart.layout("Activity per week", "count", "ISO week",
                List.of(new BarChart.Layer("series", SERIES), new BarChart.Layer("versions", VERSIONS),
                        new BarChart.Layer("acks", ACKS)), columns, BarChart.Mode.GROUPED);
    }

    /** The median hours from posting to first review per week; a week without a review has no bar and says so. */
    public static BarChart firstReview(List<WeekFigures> trend) {
        List<BarChart.Column> columns = new ArrayList<>();
        for (int i = 0; i < trend.size(); i++) {
            WeekFigures w = trend.get(i);
            Duration d = w.figures().firstReview();
            columns.add(new BarChart.Column(label(trend, i), List.of(d == null ? 0L : Math.max(d.toHours(), 0)),
                    List.of(w.week() + ": " + (d == null ? "no first review"
                            : "median " + FigureRow.duration(d) + " to first review"))));
        }
        return BarChart.layout("Median time to first review", "hours", "ISO week",
                List.of(new BarChart.Layer("hours", REVIEW)), columns, BarChart.Mode.GROUPED);
    }

    /**
     * The axis label of column {@code i}: the week without its year ({@code W47}, the tooltips name the year),
     * on every column counted back from the newest such that at most {@link #LABELS} are shown; "" elsewhere.
     */
    static String label(List<WeekFigures> trend, int i) {
        int every = Math.max(1, (int) Math.ceil(trend.size() / (double) LABELS));
        if ((trend.size() - 1 - i) % every != 0) return "";
        String week = trend.get(i).week();
        int w = week.indexOf("-W");
        return w < 0 ? week : week.substring(w + 1);
    }
}
