package org.patchlane.review;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A maintainer's correction of a link the linker derives from mail: "SERIES depends on PREREQUISITE" added, or
 * removed. Like a {@link Decision}, not derived from mail, so kept apart from the index. Each series is also named
 * by a Message-ID of its first posting (its anchor), which finds it again in the index without a series-id lookup.
 *
 * @param series             the series that depends (or not)
 * @param seriesAnchor       a Message-ID of that series
 * @param prerequisite       the series it depends on (or not)
 * @param prerequisiteAnchor a Message-ID of the prerequisite
 * @param action             added or removed
 * @param at                 epoch ms
 * @param name               the maintainer's name
 * @param email              the maintainer's address
 * @param why                the maintainer's reason, never blank
 */
public record LinkEdit(String series, String seriesAnchor, String prerequisite, String prerequisiteAnchor,
                       LinkAction action, long at, String name, String email, String why) {
    public LinkEdit {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(prerequisite, "prerequisite");
        Objects.requireNonNull(action, "action");
        seriesAnchor = seriesAnchor == null ? "" : seriesAnchor;
        prerequisiteAnchor = prerequisiteAnchor == null ? "" : prerequisiteAnchor;
        name = name == null ? "" : name;
        email = email == null ? "" : email;
        why = why == null ? "" : why;
    }

    /** The day it was made, UTC: {@code 2026-12-01}. */
    public String day() {
        return Instant.ofEpochMilli(at).atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** Who, as the commit's author shows it: the name, else the address. */
    public String by() {
        return name.isEmpty() ? email : name;
    }

    /** "added by leon on 2026-12-01: why", the evidence of the link it adds or the note of the one it removes. */
    public String summary() {
        return action.past() + " by " + by() + " on " + day() + ": " + why.replace('\n', ' ');
    }

    /** The commit message's first line: {@code link add: 3f2a... depends on 8d10...}. */
    public String subject() {
        return "link " + action.jsonName() + ": " + series + " depends on " + prerequisite;
    }
}
