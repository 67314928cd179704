package org.patchlane.store;

import java.util.List;

/**
 * One page of results, newest first.
 *
 * @param query  the query as given
 * @param total  exact number of matching messages
 * @param offset index of the first hit in the whole result
 * @param hits   this page
 */
public record SearchResult(String query, long total, int offset, List<Hit> hits) {
    public SearchResult {
        hits = List.copyOf(hits);
    }
}
