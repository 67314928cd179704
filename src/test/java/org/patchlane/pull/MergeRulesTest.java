package org.patchlane.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchlane.git.Tag;

/** The small rules of merged detection: subjects compared as both sides write them, and release +1. */
class MergeRulesTest {

    /** posted title | commit subject | same */
    @ParameterizedTest(name = "[{index}] {0} = {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            RDMA/mlx5: Fix the CQ                    | RDMA/mlx5: Fix the CQ          | true
            '[PATCH v3 2/7] RDMA/mlx5: Fix the CQ'   | RDMA/mlx5: Fix the CQ          | true
            '[PATCH] [RFC] RDMA/mlx5: fix the cq.'   | RDMA/mlx5: Fix the CQ          | true
            RDMA/mlx5:  Fix   the CQ                 | rdma/mlx5: fix the cq          | true
            RDMA/mlx5: Fix the CQ                    | RDMA/mlx5: Fix the QP          | false
            RDMA/mlx5: Fix the [CQ]                  | RDMA/mlx5: Fix the            | false
            """)
    void subjects(String posted, String commit, boolean same) {
        assertEquals(same, MergeDetector.normalise(posted).equals(MergeDetector.normalise(commit)));
    }

    /** tags, oldest first | a release | the next final tag ("-": untagged) | its name */
    @ParameterizedTest(name = "[{index}] {1} in {0}")
    @CsvSource(delimiter = '|', textBlock = """
            v6.19 v6.20-rc1 v6.20 v6.21-rc1 v6.21 | v6.20-rc1 | v6.21 | v6.21
            v6.19 v6.20-rc1 v6.20 v6.21-rc1 v6.21 | v6.20     | v6.21 | v6.21
            v6.19 v6.20-rc1 v6.20 v6.21-rc1       | v6.20-rc1 | -     | v6.21
            v6.19 v6.20-rc1                       | v6.20-rc1 | -     | v6.21
            v6.19 v7.0-rc1 v7.0                   | v6.19     | v7.0  | v7.0
            v6.19 v7.0-rc2                        | v6.19     | -     | v7.0
            v6.19 v6.20 stable-1 v6.21            | v6.19     | v6.20 | v6.20
            """)
    void releasePlusOne(String tags, String release, String next, String name) {
        List<Tag> list = new ArrayList<>();
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (String t : tags.split(" ")) list.add(new Tag(t, "0".repeat(40), at = at.plusSeconds(86400)));
        Releases r = new Releases(list);
        assertEquals(next, r.next(release).map(Tag::name).orElse("-"));
        assertEquals(name, r.nextName(release));
    }
}
