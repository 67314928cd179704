package org.patchlane.digest;

import java.time.Instant;

/** A state a maintainer set in the period (from the decisions repository), with who, when and the note. */
public record StateChange(SeriesRef series, String from, String to, Person by, Instant at, String note) {
}
