package org.patchlane.store;

import java.time.LocalDate;
import java.util.List;

/**
 * Stored messages per UTC day over a run of consecutive days (days without mail count 0).
 *
 * @param first  the first day, or null when the archive holds no dated message
 * @param counts one count per day from {@code first}
 */
public record DailyCounts(LocalDate first, List<Long> counts) {
    public static final DailyCounts NONE = new DailyCounts(null, List.of());

    public DailyCounts {
        counts = List.copyOf(counts);
    }

    /** The last day, or null when there are no days. */
    public LocalDate last() {
        return first == null ? null : first.plusDays(counts.size() - 1L);
    }

    public long total() {
        return counts.stream().mapToLong(Long::longValue).sum();
    }
}
