package org.patchlane.review;

import java.util.List;

/**
 * Where a series stands now and how it got there.
 *
 * @param state   the effective state ({@link ReviewState#effective})
 * @param history  the maintainers' decisions, newest first
 * @param upstream what merged detection found for the latest version, or null
 */
public record Standing(ReviewState state, List<Decision> history, Upstream upstream) {
    public Standing {
        history = List.copyOf(history);
    }

    /** Without an upstream finding. */
    public Standing(ReviewState state, List<Decision> history) {
        this(state, history, null);
    }
}
