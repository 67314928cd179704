package org.patchlane.report;

import java.io.IOException;
import java.util.List;

import org.patchlane.link.SeriesCheck;
import org.patchlane.store.Decisions;

/**
 * {@code together [QUERY] --json} and {@code /api/together}: open infrastructure series with their users and
 * verdicts, most urgent first (most failed checks, then waiting longest).
 */
public record TogetherJson(String query, List<Entry> infrastructure) {
    public record Entry(String series, String title, int version, String state, String lastActivity,
                        List<String> exports, List<LinkJson.Entry> users, List<LinkJson.Entry> removedUsers,
                        List<CheckJson.Entry> checks) {
    }

    /** Each series with its effective state: mail and the maintainers' {@code decisions} combined. */
    public static TogetherJson of(String query, List<SeriesCheck> checks, Decisions decisions) throws IOException {
        List<Entry> out = new java.util.ArrayList<>();
        for (SeriesCheck c : checks) {
            out.add(new Entry(c.series().id(), c.series().title(), c.series().latest().version(),
                    decisions.effective(c.series()).jsonName(), SeriesJson.date(c.series().lastActivity()), c.exports(),
                    LinkJson.entries(c.links().users()), LinkJson.entries(c.links().removedUsers()),
                    CheckJson.entries(c.checks())));
        }
        return new TogetherJson(query == null ? "" : query, out);
    }
}
