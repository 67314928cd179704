package org.patchlane.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticRepoTest {
    @TempDir
    Path tmp;

    String build(Path dir) throws Exception {
        try (SyntheticRepo s = SyntheticRepo.create(dir, 7, 12, 30)) {
            s.history(200, 50);
            s.branch("refs/patchlane/pulls/a", 3, 0, 4, "Saeed Mahameed <saeed@example.org>", 1);
            return s.head();
        }
    }

    @Test
    void theSameSeedGivesTheSameRepository() throws Exception {
        assertEquals(build(tmp.resolve("a.git")), build(tmp.resolve("b.git")));
    }

    @Test
    void aHistoryWithTagsAndADriverBranchOffItsTip() throws Exception {
        build(tmp.resolve("r.git"));
        try (Repo r = Repo.open(tmp.resolve("r.git"))) {
            assertEquals(201, r.range(null, "master").size());
            assertEquals(List.of("v1.1", "v1.2", "v1.3", "v1.4"), r.tags().stream().map(Tag::name).toList());
            List<Commit> branch = r.range("master", "refs/patchlane/pulls/a");
            assertEquals(4, branch.size());
            assertEquals("saeed@example.org", branch.get(0).authorEmail());
            for (FileChange f : r.diffstat("master", "refs/patchlane/pulls/a"))
                assertTrue(f.path().startsWith("drivers/d3/"), f.path());
            String first = r.range(null, "master").get(0).id();
            assertEquals(12 * 30, r.diffText(first).split("\ndiff --git ", -1).length, "every file in the first commit");
            assertFalse(r.reachable("refs/patchlane/pulls/a", "master"));
        }
    }
}
