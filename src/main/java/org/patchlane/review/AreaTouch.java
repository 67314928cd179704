package org.patchlane.review;

import java.util.List;

/**
 * One area a set of changed files touches.
 *
 * @param area     the area
 * @param paths    the changed paths it decides, in the order given
 * @param contacts everyone to hear about those paths, {@code get_maintainer.pl}-style: the area's own people first,
 *                 then those of every other MAINTAINERS section covering the paths, most specific first (for an
 *                 {@code [area]} naming its maintainers: those only)
 */
public record AreaTouch(Area area, List<String> paths, Contacts contacts) {
    public AreaTouch {
        paths = List.copyOf(paths);
    }
}
