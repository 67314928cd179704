package org.patchlane.link;

import java.util.List;

import org.patchlane.thread.Series;

/**
 * A series with what it needs and what needs it, strongest link first.
 *
 * @param series        the series asked about
 * @param prerequisites series it depends on
 * @param users         series that depend on it
 */
public record Links(Series series, List<Link> prerequisites, List<Link> users) {
    public Links {
        prerequisites = List.copyOf(prerequisites);
        users = List.copyOf(users);
    }
}
