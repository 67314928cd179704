package org.patchlane.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchApplyTest {
    @TempDir
    Path tmp;
    TestRepo t;
    String base, patch1, patch2;

    /** Two patches made on "base"; "old" is a release where the file had 5 more lines on top and lacked one the second patch needs. */
    @BeforeEach
    void trees() throws Exception {
        t = TestRepo.init(tmp.resolve("linux"));
        String old = t.commit(RepoTest.LINUS, "Linux 6.18", Map.of("drivers/x.c",
                TestRepo.lines("header", 5) + TestRepo.lines("x", 30)));
        t.tag("v6.18", old, true);
        base = t.commit(RepoTest.LINUS, "Linux 6.19", Map.of("drivers/x.c", TestRepo.lines("x", 30)
                .replace("x 25\n", "x 25 (reworked in 6.19)\n")));
        t.tag("v6.19", base, true);
        try (Repo r = Repo.open(t.dir())) {
            String p1 = t.commit(RepoTest.LEON, "x: fix line 10", Map.of("drivers/x.c", TestRepo.lines("x", 30)
                    .replace("x 25\n", "x 25 (reworked in 6.19)\n").replace("x 10\n", "x ten\n")));
            patch1 = r.diffText(p1);
            String p2 = t.commit(RepoTest.LEON, "x: fix line 26", Map.of("drivers/x.c", TestRepo.lines("x", 30)
                    .replace("x 25\n", "x 25 (reworked in 6.19)\n").replace("x 10\n", "x ten\n")
                    .replace("x 26\n", "x twenty-six\n")));
            patch2 = r.diffText(p2);
        }
    }

    @Test
    void onItsBaseEveryPatchApplies() throws Exception {
        try (Repo r = Repo.open(t.dir())) {
            List<PatchApply.Applied> out = new PatchApply(r).applyAll("v6.19", List.of(patch1, patch2));
            assertEquals(List.of(PatchApply.Outcome.APPLIES, PatchApply.Outcome.APPLIES),
                    out.stream().map(PatchApply.Applied::outcome).toList());
            assertEquals(List.of("drivers/x.c"), out.get(0).files());
        }
    }

    @Test
    void onAnOlderReleaseOneAppliesWithOffsetAndOneFailsNamingItsHunk() throws Exception {
        try (Repo r = Repo.open(t.dir())) {
            List<PatchApply.Applied> out = new PatchApply(r).applyAll("v6.18", List.of(patch1, patch2));
            assertEquals(PatchApply.Outcome.APPLIES_WITH_OFFSET, out.get(0).outcome());
            assertEquals("drivers/x.c", out.get(0).notes().get(0).file());
            assertTrue(out.get(0).notes().get(0).reason().contains("offset 5 lines"), out.get(0).notes().toString());
            assertEquals(PatchApply.Outcome.FAILS, out.get(1).outcome());
            PatchApply.HunkNote failed = out.get(1).notes().get(0);
            assertEquals("drivers/x.c", failed.file(), failed.toString());
            assertTrue(out.get(1).notes().toString().contains("@@"), out.get(1).notes().toString());
        }
    }

    @Test
    void textWithoutADiffFails() throws Exception {
        try (Repo r = Repo.open(t.dir())) {
            PatchApply.Applied out = new PatchApply(r).applyAll("v6.19", List.of("just prose\n")).get(0);
            assertEquals(PatchApply.Outcome.FAILS, out.outcome());
            assertEquals("no diff in the patch", out.notes().get(0).reason());
        }
    }
}
