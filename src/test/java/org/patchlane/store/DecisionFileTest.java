package org.patchlane.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchlane.review.Decision;
import org.patchlane.review.ReviewState;

/** A decision's file read back alone (as after a reindex or in a clone) names the same maintainer. */
class DecisionFileTest {
    static Stream<Arguments> maintainers() {
        return Stream.of(Arguments.of("Leon Romanovsky", "leon@kernel.org"),
                Arguments.of("", "leon@kernel.org"),
                Arguments.of("Leon Romanovsky", ""),
                Arguments.of("Romanovsky, Leon", "leon@kernel.org"),
                Arguments.of("Jason Gunthorpe", "jgg@xxxxxxxxxx"));
    }

    @ParameterizedTest
    @MethodSource("maintainers")
    void theFileAloneNamesTheMaintainer(String name, String email) {
        Decision d = new Decision(1_764_000_000_000L, name, email, "state: accepted", ReviewState.NEW,
                ReviewState.ACCEPTED, "v2", "queued for 6.20");
        Decision back = Decisions.parse(Decisions.format(d, "20261101-a@b"), -1, null, null, null);
        assertEquals(name, back.name());
        assertEquals(email, back.email());
        assertEquals(d.at(), back.at());
        assertEquals(d.note(), back.note());
    }

    @ParameterizedTest
    @MethodSource("oldFiles")
    void aFileWrittenBeforeReadsAsItMeant(String by, String name, String email) {
        String file = "series: s\nstate: accepted\nfrom: new\nversion: v1\nby: " + by + "\nat: 2026-11-01T00:00:00Z\n";
        Decision back = Decisions.parse(file, -1, null, null, null);
        assertEquals(name, back.name());
        assertEquals(email, back.email());
    }

    static Stream<Arguments> oldFiles() {
        return Stream.of(Arguments.of("leon@kernel.org", "", "leon@kernel.org"),
                Arguments.of("Leon Romanovsky", "Leon Romanovsky", ""),
                Arguments.of("Leon <leon@kernel.org>", "Leon", "leon@kernel.org"));
    }
}
