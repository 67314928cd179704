package org.patchlane.digest;

import java.time.Instant;
import java.util.List;

/**
 * A digest's content, rendered by every writer alike.
 *
 * @param period      what it covers
 * @param generated   when it was made
 * @param list        the list it was restricted to, or null for every list
 * @param figures     the period's counts
 * @param previous    the period before it, as long (the previous week for a week)
 * @param fourWeeks   the mean of the four periods before the previous one, counts rounded
 * @param trend       the figures of the last weeks up to the period's own, oldest first (for the charts)
 * @param groups      by list, then area; empty groups left out
 * @param waitingOnYou per person named in an area, the series waiting on them; sorted by name
 */
public record Digest(Period period, Instant generated, String list, Figures figures, Figures previous,
                     Figures fourWeeks, List<WeekFigures> trend, List<Group> groups, List<PersonQueue> waitingOnYou) {
    public Digest {
        trend = List.copyOf(trend);
        groups = List.copyOf(groups);
        waitingOnYou = List.copyOf(waitingOnYou);
    }
}
