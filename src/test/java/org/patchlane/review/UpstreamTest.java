package org.patchlane.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Merged detection's place in the state machine, and the release a finding shipped in. */
class UpstreamTest {

    /** state of mail and decisions | found upstream ("-": nothing) | effective */
    @ParameterizedTest(name = "[{index}] {0} + {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            new               | -             | new
            new               | merged        | merged
            under-review      | partly-merged | partly-merged
            changes-requested | merged        | merged
            accepted          | partly-merged | partly-merged
            applied           | partly-merged | partly-merged
            applied           | merged        | merged
            deferred          | merged        | merged
            rejected          | merged        | merged
            rejected          | partly-merged | rejected
            merged            | partly-merged | merged
            rfc               | partly-merged | partly-merged
            """)
    void theRepositoryIsAFact(String state, String found, String expected) {
        ReviewState upstream = found.equals("-") ? null : ReviewState.of(found).orElseThrow();
        assertEquals(expected, ReviewState.withUpstream(ReviewState.of(state).orElseThrow(), upstream).jsonName());
    }

    @Test
    void partlyMergedIsAStateOfSeriesButNoMaintainersChoice() {
        assertEquals(ReviewState.PARTLY_MERGED, ReviewState.of("partly-merged").orElseThrow());
        assertFalse(ReviewState.settable().contains(ReviewState.PARTLY_MERGED));
        assertFalse(ReviewState.PARTLY_MERGED.closed(), "the rest is still awaited");
        assertEquals(true, ReviewState.ofSeries().contains(ReviewState.PARTLY_MERGED));
    }

    /** patch releases ("-" none, "x" not found) | release of the whole */
    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            v6.20-rc1                  | v6.20-rc1
            v6.20-rc1 v6.20-rc3        | v6.20-rc3
            v6.20-rc10 v6.20-rc9       | v6.20-rc10
            v6.20 v6.20-rc7            | v6.20
            v6.19 v6.20-rc1            | v6.20-rc1
            v6.20-rc1 x                | v6.20-rc1
            v6.20-rc1 -                | -
            v7.0-rc1 v6.20             | v7.0-rc1
            """)
    void theReleaseOfAFindingIsItsLatestPatchs(String releases, String expected) {
        List<Upstream.Patch> patches = new ArrayList<>();
        int i = 1;
        for (String r : releases.split(" ")) {
            boolean found = !r.equals("x");
            patches.add(new Upstream.Patch(i++, "p", found ? Upstream.Match.PATCH_ID : Upstream.Match.NONE,
                    found ? List.of("c" + i) : List.of(), r.equals("-") || !found ? null : r));
        }
        Upstream u = new Upstream("abc123", "1", ReviewState.MERGED, "linux", Instant.EPOCH, patches);
        assertEquals(expected.equals("-") ? null : expected, u.release());
    }

    @Test
    void aFindingIsMergedOrPartlyMergedOnly() {
        assertThrows(IllegalArgumentException.class,
                () -> new Upstream("abc123", "1", ReviewState.APPLIED, "linux", Instant.EPOCH, List.of()));
    }
}
