package org.patchlane.digest;

import java.time.Instant;
import java.util.List;

/**
 * A pull request received in the period.
 *
 * @param series    the request as a series (its cover is the request mail)
 * @param by        who sent it
 * @param at        when
 * @param messageId the request mail
 * @param url       the repository it names
 * @param ref       the branch or tag it names
 * @param verdicts  its checks, each a name, an outcome and the evidence; empty until its checks exist
 */
public record PullLine(SeriesRef series, Person by, Instant at, String messageId, String url, String ref,
                       List<Finding> verdicts) {
    public PullLine {
        verdicts = List.copyOf(verdicts);
    }
}
