package org.patchlane.link;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.patchlane.review.Policy;
import org.patchlane.review.ReviewState;
import org.patchlane.store.QuerySyntaxException;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

/**
 * The infrastructure series a maintainer is waiting on: every series matching a query whose latest version touches
 * an infrastructure area, with its checks, most urgent first (most failed checks, then waiting longest). Open: its
 * state (mail and decisions combined) is not {@link ReviewState#closed() closed} (applied, merged, rejected).
 */
public final class Together {
    private Together() {
    }

    /** The open infrastructure series matching {@code query} (blank: all), with their checks. */
    public static List<SeriesCheck> open(Searcher searcher, Policy policy, String query)
            throws IOException, QuerySyntaxException {
        Checker checker = new Checker(searcher.linkSnapshot(), policy);
        // One set of lookups for the whole call: a driver series that uses several is linked once.
        Lookups lookups = new Lookups(searcher.linkSnapshot());
        List<SeriesCheck> out = new ArrayList<>();
        for (Series s : new SeriesSearch(searcher, policy).all(query)) {
            if (searcher.decisions().effective(s).closed()) continue;
            // The areas alone decide whether it is infrastructure: the links are computed only for those.
            if (lookups.areas(s, policy).infrastructure()) out.add(checker.check(s, lookups));
        }
        out.sort(Comparator.comparingLong((SeriesCheck c) -> -failures(c))
                .thenComparingLong(c -> c.series().lastActivity()));
        return out;
    }

    private static long failures(SeriesCheck c) {
        return c.checks().stream().filter(k -> k.verdict() == Verdict.FAIL).count();
    }
}
