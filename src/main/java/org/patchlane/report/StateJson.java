package org.patchlane.report;

import java.util.List;

import org.patchlane.review.Standing;
import org.patchlane.thread.Series;

/** {@code state SERIES --json} and {@code /api/series/{id}/history}: a series' current state and its decisions. */
public record StateJson(String series, String title, String state, String mailState, String latestVersion,
                        List<SeriesJson.HistoryJson> history) {
    public static StateJson of(Series s, Standing standing) {
        return new StateJson(s.id(), s.title(), standing.state().jsonName(), s.latest().state(), s.latest().label(),
                SeriesJson.HistoryJson.of(standing));
    }
}
