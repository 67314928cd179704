package org.patchlane.store;

import java.util.List;

import org.patchlane.thread.Series;

/**
 * One page of a series search.
 *
 * @param query  the query as given ("" for all)
 * @param total  series matching
 * @param offset index of the first series of this page
 * @param series this page, most recent activity first
 */
public record SeriesPage(String query, long total, int offset, List<Series> series) {
    public SeriesPage {
        series = List.copyOf(series);
    }
}
