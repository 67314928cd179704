package org.patchlane.review;

import java.util.Objects;

/**
 * A maintainer's decision on a series: the only data Patchlane keeps that mail does not give. One entry of a
 * series' history.
 *
 * @param at      epoch ms
 * @param name    the maintainer's name
 * @param email   the maintainer's address
 * @param action  what was done, as the commit message's first line: {@code state: accepted}
 * @param from    the state before (the effective one when it was made)
 * @param to      the state set
 * @param version the label of the series' latest version when it was made: the version it is about
 * @param note    the maintainer's note, "" when none
 */
public record Decision(long at, String name, String email, String action, ReviewState from, ReviewState to,
                       String version, String note) {
    public Decision {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(version, "version");
        note = note == null ? "" : note;
    }
}
