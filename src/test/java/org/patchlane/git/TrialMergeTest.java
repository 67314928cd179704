package org.patchlane.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialMergeTest {
    static final Instant AT = Instant.parse("2026-11-30T06:00:00Z");
    @TempDir
    Path tmp;
    TestRepo t;
    String upstream;

    /** upstream, three driver branches: mlx5 and hns touch their own files; efa edits upstream's line that mlx5 edits too. */
    @BeforeEach
    void branches() throws Exception {
        t = TestRepo.init(tmp.resolve("linux"));
        upstream = t.commit(RepoTest.LINUS, "Linux 6.20-rc1", Map.of("drivers/infiniband/core/verbs.c", TestRepo.lines("verbs", 20)));
        t.branch("mlx5", upstream);
        t.branch("hns", upstream);
        t.branch("efa", upstream);
        t.checkout("mlx5");
        t.commit(RepoTest.LEON, "RDMA/mlx5: use verbs", Map.of("drivers/infiniband/hw/mlx5/qp.c", "qp\n",
                "drivers/infiniband/core/verbs.c", TestRepo.lines("verbs", 20).replace("verbs 10\n", "verbs ten (mlx5)\n")));
        t.checkout("hns");
        t.commit("Junxian Huang <huangjunxian6@example.org>", "RDMA/hns: fix", Map.of("drivers/infiniband/hw/hns/hns.c", "hns\n"));
        t.checkout("efa");
        t.commit("Michael Margolin <mrgolin@example.org>", "RDMA/efa: use verbs",
                Map.of("drivers/infiniband/core/verbs.c", TestRepo.lines("verbs", 20).replace("verbs 10\n", "verbs ten (efa)\n")));
        t.checkout("master");
    }

    @Test
    void aCleanMergeMakesACommitWithBothParentsAndAConflictNamesItsFiles() throws Exception {
        try (Repo r = Repo.open(t.dir())) {
            TrialMerge m = new TrialMerge(r);
            MergeOutcome clean = m.merge("mlx5", "hns", "trial", AT);
            assertTrue(clean.clean());
            Commit c = r.commit(clean.commit());
            assertEquals(2, c.parents());
            assertEquals(List.of("drivers/infiniband/hw/hns/hns.c"),
                    r.diffstat("mlx5", clean.commit()).stream().map(FileChange::path).toList());
            MergeOutcome conflict = m.merge("mlx5", "efa", "trial", AT);
            assertFalse(conflict.clean());
            assertNull(conflict.commit());
            assertEquals(List.of("drivers/infiniband/core/verbs.c"), conflict.conflicts());
            assertEquals(r.resolve("master").orElseThrow(), upstream, "no branch moved");
        }
    }

    @Test
    void aVolatileNextMergesEveryBranchThatMergesAndNamesThePairThatConflicts() throws Exception {
        try (Repo r = Repo.open(t.dir())) {
            TrialMerge.Result res = new TrialMerge(r).volatileNext("master", List.of(
                    new TrialMerge.Branch("mlx5-for-next", r.resolve("mlx5").orElseThrow()),
                    new TrialMerge.Branch("efa-for-next", r.resolve("efa").orElseThrow()),
                    new TrialMerge.Branch("hns-for-next", r.resolve("hns").orElseThrow())), AT);
            assertEquals(upstream, res.upstream());
            assertEquals(List.of("mlx5-for-next", "hns-for-next"), res.merged());
            assertEquals(List.of(new TrialMerge.Conflict("efa-for-next", "mlx5-for-next",
                    List.of("drivers/infiniband/core/verbs.c"))), res.conflicts());
            assertTrue(r.reachable("mlx5", res.tip()));
            assertTrue(r.reachable("hns", res.tip()));
            assertFalse(r.reachable("efa", res.tip()));
        }
    }

    @Test
    void aBranchThatConflictsWithUpstreamAloneIsBlamedOnUpstream() throws Exception {
        t.commit(RepoTest.LINUS, "RDMA/core: rework", Map.of("drivers/infiniband/core/verbs.c",
                TestRepo.lines("verbs", 20).replace("verbs 10\n", "verbs X\n")));
        try (Repo r = Repo.open(t.dir())) {
            TrialMerge.Result res = new TrialMerge(r).volatileNext("master",
                    List.of(new TrialMerge.Branch("efa-for-next", r.resolve("efa").orElseThrow())), AT);
            assertEquals(List.of(), res.merged());
            assertEquals("upstream", res.conflicts().get(0).with());
            assertEquals(res.upstream(), res.tip(), "nothing merged: the tip is upstream");
        }
    }

    @Test
    void theResultCanBePublishedAsARefAndIsReplacedNextTime() throws Exception {
        try (Repo r = Repo.open(t.dir())) {
            TrialMerge m = new TrialMerge(r);
            TrialMerge.Result first = m.volatileNext("master",
                    List.of(new TrialMerge.Branch("hns", r.resolve("hns").orElseThrow())), AT);
            m.writeRef("refs/heads/volatile-for-next", first.tip());
            assertEquals(first.tip(), r.resolve("volatile-for-next").orElseThrow());
            TrialMerge.Result second = m.volatileNext("master",
                    List.of(new TrialMerge.Branch("mlx5", r.resolve("mlx5").orElseThrow())), AT);
            m.writeRef("refs/heads/volatile-for-next", second.tip());
            assertEquals(second.tip(), r.resolve("volatile-for-next").orElseThrow(), "forced: rebuilt, not fast-forwarded");
        }
    }
}
