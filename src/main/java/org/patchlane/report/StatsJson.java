package org.patchlane.report;

import java.util.List;

import org.patchlane.store.Stats;

/** {@code stats --json}: the contract's fields, then Patchlane's extras (kinds, index size). */
public record StatsJson(long messages, long flagged, long patches, long series, long pulls, List<String> lists,
                        long covers, long replies, long indexBytes, java.util.Map<String, Long> perList) {
    public static StatsJson of(Stats s) {
        return new StatsJson(s.messages(), s.flagged(), s.patches(), s.series(), s.pulls(),
                List.copyOf(s.lists().keySet()), s.covers(), s.replies(), s.indexBytes(), s.lists());
    }
}
