package org.patchlane.digest;

import java.time.Instant;

/**
 * The time a digest covers, half open: {@code [since, until)}.
 *
 * @param label an ISO week ({@code 2026-W47}) or the range as {@code 2026-11-01..2026-11-08} (until exclusive)
 * @param since first instant covered
 * @param until first instant after it
 * @param week  true when the period is an ISO week (Monday 00:00 UTC to the next Monday), so it has neighbours
 *              that are weeks too
 */
public record Period(String label, Instant since, Instant until, boolean week) {
    public Period {
        if (!since.isBefore(until)) throw new IllegalArgumentException("a period must end after it starts: " + label);
    }
}
