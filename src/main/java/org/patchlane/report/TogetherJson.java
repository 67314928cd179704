package org.patchlane.report;

import java.util.List;

import org.patchlane.link.SeriesCheck;

/**
 * {@code together [QUERY] --json} and {@code /api/together}: open infrastructure series with their users and
 * verdicts, most urgent first (most failed checks, then waiting longest).
 */
public record TogetherJson(String query, List<Entry> infrastructure) {
    public record Entry(String series, String title, int version, String state, String lastActivity,
                        List<String> exports, List<LinkJson.Entry> users, List<CheckJson.Entry> checks) {
    }

    public static TogetherJson of(String query, List<SeriesCheck> checks) {
        return new TogetherJson(query == null ? "" : query, checks.stream().map(c -> new Entry(c.series().id(),
                c.series().title(), c.series().latest().version(), c.series().latest().state(),
                SeriesJson.date(c.series().lastActivity()), c.exports(), LinkJson.entries(c.links().users()),
                CheckJson.entries(c.checks()))).toList());
    }
}
