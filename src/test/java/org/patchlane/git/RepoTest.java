package org.patchlane.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.patch.PatchId;

class RepoTest {
    static final String LINUS = "Linus Torvalds <torvalds@example.org>";
    static final String LEON = "Leon Romanovsky <leon@example.org>";

    @TempDir
    Path tmp;
    TestRepo t;
    String v1, rc1, fix, feature;

    @BeforeEach
    void history() throws Exception {
        t = TestRepo.init(tmp.resolve("linux"));
        v1 = t.commit(LINUS, "Linux 6.19", Map.of("Makefile", "VERSION = 6.19\n", "mm/slab.c", TestRepo.lines("slab", 40)));
        t.tag("v6.19", v1, true);
        rc1 = t.commit(LINUS, "Linux 6.20-rc1", Map.of("Makefile", "VERSION = 6.20-rc1\n"));
        t.tag("v6.20-rc1", rc1, false);
        t.branch("rdma", rc1);
        t.checkout("rdma");
        fix = t.commit(LEON, "RDMA/mlx5: Fix a leak", Map.of("drivers/infiniband/hw/mlx5/main.c", TestRepo.lines("mlx5", 30)));
        feature = t.commit("Leon Romanovsky <LEON@Example.ORG>", "RDMA/mlx5: Add a feature",
                Map.of("drivers/infiniband/hw/mlx5/main.c", TestRepo.lines("mlx5", 30).replace("mlx5 7\n", "mlx5 seven\n"),
                        "include/uapi/rdma/mlx5-abi.h", "struct x;\n"));
        t.checkout("master");
    }

    @Test
    void resolvesNamesToFullIdsAndRefusesUnknownOnes() throws IOException {
        try (Repo r = Repo.open(t.dir())) {
            assertEquals(v1, r.resolve("v6.19").orElseThrow(), "an annotated tag peels to its commit");
            assertEquals(feature, r.resolve("rdma").orElseThrow());
            assertEquals(fix, r.resolve(fix.substring(0, 12)).orElseThrow());
            assertEquals(fix, r.resolve("rdma~1").orElseThrow());
            assertTrue(r.resolve("no-such-branch").isEmpty());
            assertTrue(r.resolve("0123456789abcdef0123456789abcdef01234567").isEmpty());
            assertThrows(UnknownRevisionException.class, () -> r.commit("nope"));
        }
    }

    @Test
    void opensABareRepositoryOrAWorkingTreeAndRefusesOtherDirectories() throws Exception {
        Files.createDirectories(tmp.resolve("empty"));
        assertThrows(IOException.class, () -> Repo.open(tmp.resolve("empty")));
        try (Repo r = Repo.open(t.dir().resolve(".git"))) {
            assertEquals(rc1, r.resolve("master").orElseThrow());
        }
    }

    @Test
    void answersAncestryAndMergeBase() throws IOException {
        try (Repo r = Repo.open(t.dir())) {
            assertTrue(r.reachable(rc1, "rdma"));
            assertTrue(r.reachable(v1, "master"));
            assertFalse(r.reachable(fix, "master"));
            assertFalse(r.reachable("unknown", "master"));
            assertEquals(rc1, r.mergeBase("rdma", "master").orElseThrow());
        }
    }

    @Test
    void listsTagsOldestFirstWithTaggerOrCommitDates() throws IOException {
        try (Repo r = Repo.open(t.dir())) {
            List<Tag> tags = r.tags();
            assertEquals(List.of("v6.19", "v6.20-rc1"), tags.stream().map(Tag::name).toList());
            assertEquals(v1, tags.get(0).commit());
            assertEquals(r.commit(v1).authored().plusSeconds(60), tags.get(0).date(), "the tagger's date");
            assertEquals(r.commit(rc1).authored(), tags.get(1).date(), "a light tag has its commit's date");
        }
    }

    @Test
    void aRangeIsOldestFirstWithAuthorsAsWritten() throws IOException {
        try (Repo r = Repo.open(t.dir())) {
            List<Commit> range = r.range("master", "rdma");
            assertEquals(List.of(fix, feature), range.stream().map(Commit::id).toList());
            assertEquals("RDMA/mlx5: Fix a leak", range.get(0).subject());
            assertEquals("leon@example.org", range.get(1).authorEmail(), "addresses compare lower case");
            assertEquals(List.of(feature), r.range("master", "rdma", 1).stream().map(Commit::id).toList());
            assertEquals(3, r.range(null, "rdma~1").size());
        }
    }

    @Test
    void diffstatCountsLinesPerFile() throws IOException {
        try (Repo r = Repo.open(t.dir())) {
            List<FileChange> stat = r.diffstat("master", "rdma");
            assertEquals(List.of("drivers/infiniband/hw/mlx5/main.c", "include/uapi/rdma/mlx5-abi.h"),
                    stat.stream().map(FileChange::path).toList());
            assertEquals(new FileChange("drivers/infiniband/hw/mlx5/main.c", "drivers/infiniband/hw/mlx5/main.c",
                    FileChange.Kind.ADD, 30, 0), stat.get(0));
            assertEquals(FileChange.Kind.MODIFY, r.diffstat(fix, feature).get(0).kind());
            assertEquals(1, r.diffstat(fix, feature).get(0).added());
            assertEquals(1, r.diffstat(fix, feature).get(0).removed());
        }
    }

    @Test
    void aCommitsDiffGivesThePatchIdGitGivesIt() throws Exception {
        try (Repo r = Repo.open(t.dir())) {
            String ours = PatchId.compute(r.diffText(feature));
            assertEquals(40, ours.length());
            assumeTrue(gitAvailable(), "git binary not installed");
            assertEquals(gitPatchId(feature), ours);
            assertEquals(gitPatchId(fix), PatchId.compute(r.diffText(fix)));
            assertEquals(gitPatchId(v1), PatchId.compute(r.diffText(v1)), "a root commit diffs against the empty tree");
        }
    }

    private boolean gitAvailable() {
        try {
            return new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private String gitPatchId(String commit) throws Exception {
        Process show = new ProcessBuilder("git", "-C", t.dir().toString(), "show", "--format=", commit)
                .redirectErrorStream(true).start();
        byte[] diff = show.getInputStream().readAllBytes();
        show.waitFor();
        Process id = new ProcessBuilder("git", "patch-id", "--stable").start();
        id.getOutputStream().write(diff);
        id.getOutputStream().close();
        String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        id.waitFor();
        return out.split(" ")[0];
    }
}
