package org.patchlane.review;

import java.util.List;

/**
 * The areas a set of changed files (a patch, a series, a pull request) touches. Immutable.
 *
 * @param areas     each area touched with its paths, in the order of their first path
 * @param uncovered paths no area and no MAINTAINERS section covers
 * @param uapi      paths that are user-space API headers ({@code include/uapi/}, {@code arch/*&#47;include/uapi/}),
 *                  whatever area they belong to
 */
public record TouchedAreas(List<AreaTouch> areas, List<String> uncovered, List<String> uapi) {
    public TouchedAreas {
        areas = List.copyOf(areas);
        uncovered = List.copyOf(uncovered);
        uapi = List.copyOf(uapi);
    }

    /** True when any area touched is infrastructure: the files make an infrastructure series. */
    public boolean infrastructure() {
        return areas.stream().anyMatch(t -> t.area().kind() == AreaKind.INFRASTRUCTURE);
    }

    /** True when some area is touched and every one is a driver (nothing infrastructure, other or uncovered). */
    public boolean driversOnly() {
        return !areas.isEmpty() && uncovered.isEmpty()
                && areas.stream().allMatch(t -> t.area().kind() == AreaKind.DRIVER);
    }

    /** True when a user-space API header is touched. */
    public boolean touchesUapi() {
        return !uapi.isEmpty();
    }
}
