package org.patchlane.patch;

import java.util.List;

/**
 * Explicit dependency markers (DESIGN.md §3), usually after the last {@code ---} of a cover or single patch.
 * Strings are null and lists empty when absent.
 */
public record Markers(String baseCommit, String changeId, List<String> prerequisitePatchIds,
                      List<String> prerequisiteMessageIds, List<String> prerequisiteChangeIds) {
    public Markers {
        prerequisitePatchIds = List.copyOf(prerequisitePatchIds);
        prerequisiteMessageIds = List.copyOf(prerequisiteMessageIds);
        prerequisiteChangeIds = List.copyOf(prerequisiteChangeIds);
    }

    public static final Markers NONE = new Markers(null, null, List.of(), List.of(), List.of());
}
