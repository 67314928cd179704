package org.patchlane.web;

import org.patchlane.view.BarChart;
import org.patchlane.report.StatusJson;

/**
 * {@code /status}: the archive's counts and size, its sources and when they last ran, and its messages per day.
 *
 * @param status what {@code /api/status} answers
 * @param chart  the messages-per-day chart
 */
public record StatusPage(StatusJson status, BarChart chart) {
    static StatusPage of(StatusJson status, org.patchlane.store.DailyCounts days) {
        String title = days.first() == null ? "Messages per day"
                : "Messages per day, " + days.first() + " to " + days.last();
        return new StatusPage(status, BarChart.of(title, days));
    }

    /** When mail was last ingested, to the minute in UTC ({@code 2026-12-01 12:15 UTC}); null when never recorded. */
    public String lastIngest() {
        return shown(status.lastIngest());
    }

    /** A source's run end as {@link #lastIngest} shows it; "never" when none. */
    public static String run(String iso) {
        String s = shown(iso);
        return s == null ? "never" : s;
    }

    private static String shown(String iso) {
        if (iso == null) return null;
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                    .format(java.time.OffsetDateTime.parse(iso).atZoneSameInstant(java.time.ZoneOffset.UTC));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /** The index size in words: bytes, KiB, MiB or GiB. */
    public String indexSize() {
        long b = status.stats().indexBytes();
        if (b < 1024) return b + " bytes";
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = b;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
