package org.patchlane.report;

import java.util.List;

import org.patchlane.store.DailyCounts;
import org.patchlane.store.Stats;

/**
 * {@code /api/status}: the archive's counts ({@code /api/stats}), its sources ({@code /api/sources}), when mail was
 * last ingested, and messages per day.
 *
 * @param lastIngest     the latest end of a source's recorded run (ISO-8601), or null when none was recorded
 * @param messagesPerDay the archive's last days of mail
 */
public record StatusJson(StatsJson stats, List<SourcesJson.Source> sources, String lastIngest, Days messagesPerDay) {
    public StatusJson {
        sources = List.copyOf(sources);
    }

    /**
     * Messages per UTC day.
     *
     * @param first  the first day ({@code 2026-11-02}), null for an archive without dated mail
     * @param last   the last day: that of the newest dated message
     * @param total  messages on these days
     * @param counts one per day from {@code first}
     */
    public record Days(String first, String last, long total, List<Long> counts) {
    }

    public static StatusJson of(Stats stats, SourcesJson sources, DailyCounts days) {
        String last = sources.sources().stream().map(SourcesJson.Source::lastRun).filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.comparing(StatusJson::instant)).orElse(null);
        Days d = new Days(days.first() == null ? null : days.first().toString(),
                days.last() == null ? null : days.last().toString(), days.total(), days.counts());
        return new StatusJson(StatsJson.of(stats), sources.sources(), last, d);
    }

    /** A recorded run's end; one that does not parse sorts first (fractions of a second make text order wrong). */
    private static java.time.Instant instant(String iso) {
        try {
            return java.time.OffsetDateTime.parse(iso).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.Instant.MIN;
        }
    }
}
