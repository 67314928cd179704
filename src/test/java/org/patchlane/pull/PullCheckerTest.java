package org.patchlane.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.git.Commit;
import org.patchlane.git.ConfigFile;
import org.patchlane.git.Fetcher;
import org.patchlane.git.Repo;
import org.patchlane.git.TestRepo;
import org.patchlane.link.Check;
import org.patchlane.link.CheckName;
import org.patchlane.link.Verdict;
import org.patchlane.mail.Address;
import org.patchlane.patch.PatchId;
import org.patchlane.patch.PullRequest;
import org.patchlane.review.Policy;

/**
 * A maintainer's repository (upstream master with tags through rc7, a for-next) and a driver team's repository
 * whose branches are pull requests, fetched over file:// as {@code patchlane fetch} does: each check passes for the
 * clean request and fails for the one that breaks its rule.
 */
class PullCheckerTest {
    static final String LINUS = "Linus Torvalds <torvalds@example.org>";
    static final String SAEED = "Saeed Mahameed <saeed@example.org>";
    static final String CONF = """
            [area "rdma-core"]
            \tkind = infrastructure
            \tpath = drivers/infiniband/core/
            \tmaintainer = Jason Gunthorpe <jgg@example.org>
            [area "mlx5"]
            \tkind = driver
            \tpath = drivers/infiniband/hw/mlx5/
            \tmaintainer = Saeed Mahameed <saeed@example.org>
            """;

    @TempDir
    Path tmp;
    TestRepo linux, mlx5;
    String rc5, upstreamTip;
    Policy policy;
    Map<String, PostedPatch> postedById = new LinkedHashMap<>();

    @BeforeEach
    void repositories() throws Exception {
        linux = TestRepo.init(tmp.resolve("linux"));
        String v = linux.commit(LINUS, "Linux 6.19", Map.of("drivers/infiniband/core/verbs.c", TestRepo.lines("verbs", 20),
                "drivers/infiniband/hw/mlx5/main.c", TestRepo.lines("main", 20)));
        linux.tag("v6.19", v, true);
        for (int rc = 1; rc <= 5; rc++) {
            String c = linux.commit(LINUS, "Linux 6.20-rc" + rc, Map.of("Makefile", "rc" + rc + "\n"));
            linux.tag("v6.20-rc" + rc, c, true);
            if (rc == 5) rc5 = c;
        }
        upstreamTip = rc5;
        linux.branch("for-next", rc5);
        linux.checkout("for-next");
        linux.commit("Jason Gunthorpe <jgg@example.org>", "RDMA/core: rework verbs line 3",
                Map.of("drivers/infiniband/core/verbs.c", TestRepo.lines("verbs", 20).replace("verbs 3\n", "verbs three\n")));
        linux.checkout("master");

        mlx5 = TestRepo.init(tmp.resolve("mlx5"));
        Git.wrap(org.eclipse.jgit.storage.file.FileRepositoryBuilder.create(tmp.resolve("mlx5/.git").toFile()))
                .fetch().setRemote(tmp.resolve("linux").toUri().toString())
                .setRefSpecs("+refs/heads/master:refs/heads/master").call();
        mlx5.checkout("master");
        Files.writeString(tmp.resolve("patchlane.conf"), CONF);
        policy = Policy.load(ConfigFile.read(tmp.resolve("patchlane.conf")), tmp);
    }

    /** A driver branch from master with the given commits; returns its tip. */
    String branch(String name, List<Map<String, String>> commits, List<String> subjects) throws Exception {
        mlx5.branch(name, "master");
        mlx5.checkout(name);
        String tip = null;
        for (int i = 0; i < commits.size(); i++) tip = mlx5.commit(SAEED, subjects.get(i), commits.get(i));
        mlx5.checkout("master");
        return tip;
    }

    PendingPull request(String ref, String base, String head, List<String> subjects, List<String> files, Instant at) {
        List<PullRequest.ShortlogEntry> shortlog = new ArrayList<>();
        for (String s : subjects) shortlog.add(new PullRequest.ShortlogEntry("Saeed Mahameed", s));
        return new PendingPull("pull-" + ref + "@example.org", "[GIT PULL] " + ref, new Address("Saeed Mahameed",
                "saeed@example.org"), at, "linux-rdma",
                new PullRequest(base, tmp.resolve("mlx5").toUri().toString(), ref, head, shortlog, files));
    }

    Map<CheckName, Check> check(PendingPull p, boolean fetch) throws IOException {
        try (Repo repo = Repo.open(tmp.resolve("linux"))) {
            if (fetch) new Fetcher(repo).fetch(p.request().url(), p.request().ref(), p.localRef()).orElseThrow();
            RepoSettings settings = new RepoSettings("linux", tmp.resolve("linux"), "refs/heads/master",
                    "refs/heads/for-next", List.of(), 6);
            PostedPatch.Lookup lookup = new PostedPatch.Lookup() {
                public Optional<PostedPatch> byPatchId(String id) {
                    return Optional.ofNullable(postedById.get(id));
                }

                public List<PostedPatch> version(String series, String version) {
                    return postedById.values().stream().filter(x -> x.seriesId().equals(series)).toList();
                }
            };
            Map<CheckName, Check> out = new LinkedHashMap<>();
            for (Check c : new PullChecker(repo, settings, Map.of(), policy, lookup, Instant.now()).check(p))
                out.put(c.name(), c);
            return out;
        }
    }

    @Test
    void aCleanDriverRequestPassesEveryCheck() throws Exception {
        List<String> subjects = List.of("RDMA/mlx5: one", "RDMA/mlx5: two");
        String tip = branch("mlx5-next", List.of(
                Map.of("drivers/infiniband/hw/mlx5/main.c", TestRepo.lines("main", 20).replace("main 5\n", "main five\n")),
                Map.of("drivers/infiniband/hw/mlx5/qp.c", "qp\n")), subjects);
        Map<CheckName, Check> c = check(request("mlx5-next", rc5, tip, subjects,
                List.of("drivers/infiniband/hw/mlx5/main.c", "drivers/infiniband/hw/mlx5/qp.c"), Instant.now()), true);
        for (CheckName n : List.of(CheckName.PR_BASE, CheckName.PR_HEAD, CheckName.PR_RANGE, CheckName.PR_PATHS,
                CheckName.PR_UAPI, CheckName.PR_CUTOFF, CheckName.PR_MERGE))
            assertEquals(Verdict.PASS, c.get(n).verdict(), n + ": " + c.get(n).evidence());
        assertEquals(Verdict.NOT_APPLICABLE, c.get(CheckName.PR_SERIES).verdict(), "nothing of it was posted");
        assertTrue(c.get(CheckName.PR_PATHS).evidence().get(0).contains("all 2 files lie in mlx5"));
        assertTrue(c.get(CheckName.PR_MERGE).evidence().contains("merges cleanly into refs/heads/for-next"));
    }

    @Test
    void aRequestTouchingCoreAndUapiConflictingWithNextAndLateFails() throws Exception {
        List<String> subjects = List.of("RDMA/mlx5: new uapi");
        String tip = branch("bad", List.of(Map.of("drivers/infiniband/hw/mlx5/main.c", "x\n",
                "include/uapi/rdma/mlx5-abi.h", "struct y;\n",
                "drivers/infiniband/core/verbs.c", TestRepo.lines("verbs", 20).replace("verbs 3\n", "verbs 3 (mlx5)\n"))), subjects);
        String rc6 = linux.commit(LINUS, "Linux 6.20-rc6", Map.of("Makefile", "rc6\n"));
        linux.tag("v6.20-rc6", rc6, true);
        Map<CheckName, Check> c = check(request("bad", rc5, tip, subjects, List.of("drivers/infiniband/hw/mlx5/main.c",
                "drivers/infiniband/core/verbs.c", "include/uapi/rdma/mlx5-abi.h"), Instant.now().plusSeconds(86400 * 30)), true);
        assertEquals(Verdict.FAIL, c.get(CheckName.PR_PATHS).verdict());
        assertTrue(c.get(CheckName.PR_PATHS).evidence().toString().contains("rdma-core (infrastructure): drivers/infiniband/core/verbs.c"),
                c.get(CheckName.PR_PATHS).evidence().toString());
        assertEquals(List.of("touches the user-space API: include/uapi/rdma/mlx5-abi.h"), c.get(CheckName.PR_UAPI).evidence());
        assertEquals(Verdict.FAIL, c.get(CheckName.PR_MERGE).verdict());
        assertTrue(c.get(CheckName.PR_MERGE).evidence().contains("conflicts with refs/heads/for-next in drivers/infiniband/core/verbs.c"),
                c.get(CheckName.PR_MERGE).evidence().toString());
        assertEquals(Verdict.FAIL, c.get(CheckName.PR_CUTOFF).verdict(), c.get(CheckName.PR_CUTOFF).evidence().toString());
    }

    @Test
    void aBaseNotUpstreamAMovedHeadAndAWrongShortlogFail() throws Exception {
        mlx5.checkout("master");
        String unmerged = mlx5.commit(SAEED, "net/mlx5: shared change", Map.of("drivers/net/mlx5.c", "n\n"));
        mlx5.branch("on-unmerged", unmerged);
        mlx5.checkout("on-unmerged");
        String announced = mlx5.commit(SAEED, "RDMA/mlx5: three", Map.of("drivers/infiniband/hw/mlx5/cq.c", "cq\n"));
        mlx5.commit(SAEED, "RDMA/mlx5: pushed after sending", Map.of("drivers/infiniband/hw/mlx5/srq.c", "srq\n"));
        mlx5.checkout("master");
        Map<CheckName, Check> c = check(request("on-unmerged", unmerged, announced, List.of("RDMA/mlx5: three"),
                List.of("drivers/infiniband/hw/mlx5/cq.c"), Instant.now()), true);
        assertEquals(Verdict.FAIL, c.get(CheckName.PR_BASE).verdict());
        assertTrue(c.get(CheckName.PR_BASE).evidence().get(0).contains("is not in refs/heads/master"));
        assertEquals(Verdict.FAIL, c.get(CheckName.PR_HEAD).verdict());
        assertTrue(c.get(CheckName.PR_HEAD).evidence().get(0).contains("the branch moved"));
        assertEquals(List.of("commit not in the mail's shortlog: RDMA/mlx5: pushed after sending",
                "changed, not in the mail's diffstat: drivers/infiniband/hw/mlx5/srq.c"), c.get(CheckName.PR_RANGE).evidence());
    }

    @Test
    void anUnfetchedRequestIsCheckedFromItsMailAndIsNeverClean() throws Exception {
        PendingPull p = request("never-fetched", rc5, "1234567890ab", List.of("x"),
                List.of("drivers/infiniband/hw/mlx5/main.c", "include/uapi/rdma/ib_user_verbs.h"), Instant.now());
        Map<CheckName, Check> c = check(p, false);
        assertEquals(Verdict.FAIL, c.get(CheckName.PR_HEAD).verdict());
        assertTrue(c.get(CheckName.PR_HEAD).evidence().get(0).startsWith("not fetched yet"));
        assertEquals(Verdict.FAIL, c.get(CheckName.PR_UAPI).verdict(), "the mail's diffstat is enough for this");
        assertEquals(Verdict.FAIL, c.get(CheckName.PR_MERGE).verdict());
        assertEquals(Verdict.PASS, c.get(CheckName.PR_BASE).verdict());
    }

    @Test
    void aPostedSeriesMustArriveWithItsPatchesAndTheirTrailers() throws Exception {
        List<String> subjects = List.of("RDMA/mlx5: one", "RDMA/mlx5: two");
        String tip = branch("series", List.of(
                Map.of("drivers/infiniband/hw/mlx5/main.c", TestRepo.lines("main", 20).replace("main 5\n", "main five\n")),
                Map.of("drivers/infiniband/hw/mlx5/qp.c", "qp\n")), subjects);
        List<String> ids = new ArrayList<>();
        try (Repo r = Repo.open(tmp.resolve("mlx5"))) {
            for (Commit k : r.range("master", tip)) ids.add(PatchId.compute(r.diffText(k.id())));
        }
        postedById.put(ids.get(0), new PostedPatch("abc", "2", 1, "p1@example.org", "RDMA/mlx5: one",
                List.of("Reviewed-by: Leon Romanovsky <leon@example.org>")));
        postedById.put("0".repeat(40), new PostedPatch("abc", "2", 3, "p3@example.org", "RDMA/mlx5: three", List.of()));
        Map<CheckName, Check> c = check(request("series", rc5, tip, subjects,
                List.of("drivers/infiniband/hw/mlx5/main.c", "drivers/infiniband/hw/mlx5/qp.c"), Instant.now()), true);
        Check s = c.get(CheckName.PR_SERIES);
        assertEquals(Verdict.FAIL, s.verdict());
        String e = s.evidence().toString();
        assertTrue(e.contains("patch 3 of series abc v2 (RDMA/mlx5: three) is in no commit"), e);
        assertTrue(e.contains("lost \"Reviewed-by: Leon Romanovsky <leon@example.org>\""), e);
        assertTrue(e.contains("(RDMA/mlx5: two) was not posted with the series"), e);
    }
}
