package org.patchlane.link;

import java.util.List;

import org.patchlane.review.TouchedAreas;
import org.patchlane.thread.Series;

/**
 * Everything the checks found about one series.
 *
 * @param links   its prerequisites and users
 * @param areas   the areas its latest version touches
 * @param exports the symbols its latest version exports
 * @param checks  one per {@link CheckName}, in that order
 */
public record SeriesCheck(Links links, TouchedAreas areas, List<String> exports, List<Check> checks) {
    public SeriesCheck {
        exports = List.copyOf(exports);
        checks = List.copyOf(checks);
    }

    public Series series() {
        return links.series();
    }

    /** True when any check failed. */
    public boolean failed() {
        return checks.stream().anyMatch(c -> c.verdict() == Verdict.FAIL);
    }

    /** True for a series that touches an infrastructure area. */
    public boolean infrastructure() {
        return areas.infrastructure();
    }
}
