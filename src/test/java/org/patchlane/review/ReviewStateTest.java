package org.patchlane.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The state machine: what mail gives a version, and how a maintainer's decision and later mail combine. */
class ReviewStateTest {

    /** latest | merged | all applied | nacked | reviewed | rfc | state */
    @ParameterizedTest(name = "[{index}] {6}")
    @CsvSource(delimiter = '|', textBlock = """
            false | true  | true  | true  | true  | true  | superseded
            true  | true  | false | true  | true  | false | merged
            true  | false | true  | true  | true  | false | applied
            true  | false | false | true  | true  | false | changes-requested
            true  | false | false | false | true  | true  | under-review
            true  | false | false | false | false | true  | rfc
            true  | false | false | false | false | false | new
            """)
    void mailGivesTheStrongestFact(boolean latest, boolean merged, boolean applied, boolean nacked, boolean reviewed,
                                   boolean rfc, String expected) {
        assertEquals(expected, ReviewState.fromMail(latest, merged, applied, nacked, reviewed, rfc).jsonName());
    }

    /**
     * mail state | mail at | latest version | decision (to@at on version, "-" for none) | effective. Times are
     * small numbers: only their order counts.
     */
    @ParameterizedTest(name = "[{index}] {0}@{1} v{2} + {3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            under-review      | 10 | 1 | -                  | under-review
            under-review      | 10 | 1 | accepted@20 v1     | accepted
            under-review      | 30 | 1 | accepted@20 v1     | accepted
            under-review      | 30 | 1 | rejected@20 v1     | rejected
            under-review      | 30 | 1 | deferred@20 v1     | deferred
            new               | 5  | 1 | under-review@20 v1 | under-review
            changes-requested | 30 | 1 | under-review@20 v1 | changes-requested
            changes-requested | 30 | 1 | accepted@20 v1     | accepted
            changes-requested | 30 | 1 | rejected@20 v1     | rejected
            changes-requested | 10 | 1 | accepted@20 v1     | accepted
            applied           | 30 | 1 | accepted@20 v1     | applied
            applied           | 30 | 1 | rejected@20 v1     | applied
            applied           | 10 | 1 | deferred@20 v1     | deferred
            merged            | 30 | 1 | deferred@20 v1     | merged
            new               | 30 | 2 | rejected@20 v1     | new
            under-review      | 30 | 2 | accepted@20 v1     | under-review
            rfc               | 5  | 1 | changes-requested@20 v1 | changes-requested
            """)
    void aDecisionAndLaterMail(String mail, long mailAt, String latest, String decision, String expected) {
        Decision d = null;
        if (!decision.equals("-")) {
            String[] parts = decision.split("[@ ]v?");
            d = new Decision(Long.parseLong(parts[1]), "Leon", "leon@kernel.org", "state: " + parts[0], null,
                    ReviewState.of(parts[0]).orElseThrow(), parts[2], "");
        }
        assertEquals(expected, ReviewState.effective(ReviewState.of(mail).orElseThrow(), mailAt, latest, d).jsonName());
    }

    @ParameterizedTest
    @CsvSource({"under-review,UNDER_REVIEW", "Changes-Requested,CHANGES_REQUESTED", " accepted ,ACCEPTED",
            "deferred,DEFERRED"})
    void namesReadBack(String name, ReviewState state) {
        assertEquals(state, ReviewState.of(name).orElseThrow());
    }
}
