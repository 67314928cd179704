package org.patchlane.digest;

import java.time.Instant;
import java.util.List;

/**
 * A new series or a new version of one, posted in the period.
 *
 * @param series    the series and the version posted
 * @param kind      a first posting or a new version
 * @param by        who posted it
 * @param at        when (the version's earliest posting)
 * @param messageId its cover, else its first patch
 * @param patches   how many patches
 * @param changes   against the previous version, one short line each ("2 of 5 patches changed, 1 new",
 *                  the cover's changelog lines for this version); empty for a first posting
 * @param rfc       posted as RFC
 */
public record Posting(SeriesRef series, Kind kind, Person by, Instant at, String messageId, int patches,
                      List<String> changes, boolean rfc) {
    public Posting {
        changes = List.copyOf(changes);
    }

    /** A series' first version, or a later one. */
    public enum Kind { NEW_SERIES, NEW_VERSION }
}
