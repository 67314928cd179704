package org.patchlane.digest;

import java.util.List;

/** The trailers one person gave in the period, oldest first. */
public record PersonReviews(Person person, List<TrailerGiven> given) {
    public PersonReviews {
        given = List.copyOf(given);
    }
}
