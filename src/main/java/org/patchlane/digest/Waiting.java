package org.patchlane.digest;

import java.time.Instant;
import java.util.List;

/**
 * An open series waiting at the period's end.
 *
 * @param series the series (its latest version)
 * @param reason why it waits
 * @param since  since when: its posting for {@link Reason#NO_REPLY}, else when the wait began
 * @param days   whole days waited at the period's end
 * @param on     who it waits on (the maintainers whose ack is missing, the prerequisite's submitter), may be empty
 * @param detail one line: which prerequisite, which ack
 */
public record Waiting(SeriesRef series, Reason reason, Instant since, long days, List<Person> on, String detail) {
    public Waiting {
        on = List.copyOf(on);
    }

    public enum Reason {
        /** No reply from anyone but its sender for the configured number of days. */
        NO_REPLY,
        /** Infrastructure waiting on the ack of a driver area that uses it. */
        DRIVER_ACK,
        /** A driver series waiting on a prerequisite that is not merged (nor applied). */
        PREREQUISITE,
        /** Infrastructure waiting on the ack of a maintainer of an infrastructure area it touches. */
        AREA_ACK
    }
}
