package org.patchlane.digest;

import java.util.List;

/**
 * A rule broken (or a pull request check) for a series active in the period.
 *
 * @param rule     the rule's JSON name: {@code posted-together}, {@code exports}, {@code required-acks},
 *                 {@code prerequisite-state}, and the pull-request checks' names
 * @param series   the series
 * @param pass     false for a broken rule; true only in a pull request's verdict list
 * @param summary  one line a maintainer reads: what is wrong
 * @param evidence the lines that prove it (the message, the symbol, the file)
 * @param people   who must act (the maintainers whose ack is missing), may be empty
 */
public record Finding(String rule, SeriesRef series, boolean pass, String summary, List<String> evidence,
                      List<Person> people) {
    public Finding {
        evidence = List.copyOf(evidence);
        people = List.copyOf(people);
    }
}
