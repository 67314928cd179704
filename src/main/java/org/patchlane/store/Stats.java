package org.patchlane.store;

import java.util.Map;

/**
 * Archive counts.
 *
 * @param messages     stored messages (duplicates of a Message-ID with other bytes count)
 * @param flagged      messages with at least one flag
 * @param patches      kind patch
 * @param covers       kind cover
 * @param pulls        kind pull
 * @param replies      kind reply
 * @param series       patch series found by threading (all versions of one series count once)
 * @param lists        messages per list name (lower case), sorted by name
 * @param indexBytes   bytes of the index files on disk, raw messages included
 */
public record Stats(long messages, long flagged, long patches, long covers, long pulls, long replies,
                    long series, Map<String, Long> lists, long indexBytes) {
    public Stats {
        lists = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(lists));
    }
}
