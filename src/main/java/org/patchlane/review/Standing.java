package org.patchlane.review;

import java.util.List;

/**
 * Where a series stands now and how it got there.
 *
 * @param state   the effective state ({@link ReviewState#effective})
 * @param history the maintainers' decisions, newest first
 */
public record Standing(ReviewState state, List<Decision> history) {
    public Standing {
        history = List.copyOf(history);
    }
}
