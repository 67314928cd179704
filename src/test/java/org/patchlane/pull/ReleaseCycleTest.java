package org.patchlane.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchlane.git.Tag;

class ReleaseCycleTest {
    /** v6.19 on Oct 5, then an rc a week from Oct 19 (rc1) to Nov 30 (rc7). */
    static List<Tag> tags() {
        List<Tag> t = new ArrayList<>();
        t.add(new Tag("v6.19", "a", Instant.parse("2026-10-05T20:00:00Z")));
        for (int rc = 1; rc <= 7; rc++)
            t.add(new Tag("v6.20-rc" + rc, "c" + rc, Instant.parse("2026-10-19T20:00:00Z").plusSeconds(7L * 86400 * (rc - 1))));
        t.add(new Tag("for-linus-stuff", "x", Instant.parse("2026-11-01T00:00:00Z")));
        return t;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-10-01T00:00:00Z | 6 |       | ",
            "2026-10-10T00:00:00Z | 6 | false | in the merge window after v6.19",
            "2026-10-20T00:00:00Z | 6 | true  | during v6.20-rc1, before v6.20-rc6",
            "2026-11-22T19:59:00Z | 6 | true  | during v6.20-rc5, before v6.20-rc6",
            "2026-11-23T21:00:00Z | 6 | false | after v6.20-rc6 (2026-11-23)",
            "2026-12-01T00:00:00Z | 6 | false | after v6.20-rc6 (2026-11-23)",
            "2026-11-23T21:00:00Z | 7 | true  | during v6.20-rc6, before v6.20-rc7",
    })
    void aRequestIsDueBeforeTheCutOffRc(String at, int cutoff, Boolean onTime, String evidence) {
        var timing = new ReleaseCycle(tags(), cutoff).timing(Instant.parse(at));
        if (onTime == null) {
            assertTrue(timing.isEmpty(), "no release before it: nothing to say");
            return;
        }
        assertEquals(onTime, timing.orElseThrow().onTime());
        assertTrue(timing.get().evidence().contains(evidence), timing.get().evidence());
    }
}
