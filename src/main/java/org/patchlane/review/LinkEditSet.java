package org.patchlane.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every link edit in force at one state of the decisions repository: per series and prerequisite, the latest edit
 * (an add after a remove restores the link; a remove after an add undoes it). Immutable; {@link #stamp} names the
 * state it was read at, so values computed from it can be kept exactly as long as it holds.
 */
public final class LinkEditSet {
    /** No edits at all (no repository yet). */
    public static final LinkEditSet NONE = new LinkEditSet("", List.of());

    private final String stamp;
    private final Map<String, Map<String, LinkEdit>> bySeries = new LinkedHashMap<>();
    private final Map<String, List<LinkEdit>> byPrerequisite = new LinkedHashMap<>();

    /**
     * @param stamp the repository's head commit ("" before the first)
     * @param edits the edits in force, at most one per series and prerequisite
     */
    public LinkEditSet(String stamp, Collection<LinkEdit> edits) {
        this.stamp = stamp == null ? "" : stamp;
        for (LinkEdit e : edits) {
            bySeries.computeIfAbsent(e.series(), k -> new LinkedHashMap<>()).put(e.prerequisite(), e);
            byPrerequisite.computeIfAbsent(e.prerequisite(), k -> new ArrayList<>()).add(e);
        }
    }

    /** The repository state this was read at: equal stamps, equal edits. */
    public String stamp() {
        return stamp;
    }

    /** The edits of a series' own prerequisites, by prerequisite id. */
    public Map<String, LinkEdit> of(String seriesId) {
        return Map.copyOf(bySeries.getOrDefault(seriesId, Map.of()));
    }

    /** The edits that name this series as the prerequisite: its users added or removed by hand. */
    public List<LinkEdit> naming(String prerequisiteId) {
        return List.copyOf(byPrerequisite.getOrDefault(prerequisiteId, List.of()));
    }
}
