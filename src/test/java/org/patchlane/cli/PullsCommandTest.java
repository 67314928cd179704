package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.git.TestRepo;

/**
 * {@code fetch} and {@code pulls} end to end: a [GIT PULL] mail ingested, its file:// repository fetched into the
 * maintainer's repository, the checks and the volatile for-next in JSON, and {@code --daily} telling what changed
 * when the sender pushes after sending.
 */
class PullsCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aRequestIsFetchedCheckedAndFollowedDayByDay() throws Exception {
        String base, head;
        try (TestRepo linux = TestRepo.init(dir.resolve("linux"))) {
            base = linux.commit("Linus Torvalds <torvalds@example.org>", "Linux 6.20-rc2",
                    Map.of("drivers/infiniband/hw/mlx5/main.c", TestRepo.lines("main", 10)));
            linux.tag("v6.20-rc2", base, true);
        }
        Git.cloneRepository().setURI(dir.resolve("linux").toUri().toString()).setDirectory(dir.resolve("mlx5").toFile())
                .call().close();
        TestRepo mlx5 = TestRepo.init(dir.resolve("mlx5"));
        head = mlx5.commit("Saeed Mahameed <saeed@example.org>", "RDMA/mlx5: Use the new helper",
                Map.of("drivers/infiniband/hw/mlx5/main.c", TestRepo.lines("main", 10).replace("main 3\n", "main three\n")));
        mlx5.branch("mlx5-next", head);
        mlx5.branch("mlx5-rework", base);
        mlx5.checkout("mlx5-rework");
        String other = mlx5.commit("Saeed Mahameed <saeed@example.org>", "RDMA/mlx5: Rework line 3",
                Map.of("drivers/infiniband/hw/mlx5/main.c", TestRepo.lines("main", 10).replace("main 3\n", "main 3, reworked\n")));

        String url = dir.resolve("mlx5").toUri().toString();
        Files.writeString(dir.resolve("pull.mbox"), """
                From saeed@example.org Mon Nov 23 10:00:00 2026
                From: Saeed Mahameed <saeed@example.org>
                To: Leon Romanovsky <leon@example.org>
                Cc: linux-rdma@vger.kernel.org
                Subject: [GIT PULL] mlx5 updates
                Date: Mon, 23 Nov 2026 10:00:00 +0000
                Message-ID: <pull-1@example.org>

                Hi Leon,

                The following changes since commit %s:

                  Linux 6.20-rc2 (2026-09-01 11:00:00 +0000)

                are available in the Git repository at:

                  %s mlx5-next

                for you to fetch changes up to %s:

                  RDMA/mlx5: Use the new helper (2026-09-01 12:00:00 +0000)

                ----------------------------------------------------------------
                Saeed Mahameed (1):
                      RDMA/mlx5: Use the new helper

                 drivers/infiniband/hw/mlx5/main.c | 2 +-
                 1 file changed, 1 insertion(+), 1 deletion(-)

                """.formatted(base, url, head) + """
                From saeed@example.org Mon Nov 23 11:00:00 2026
                From: Saeed Mahameed <saeed@example.org>
                To: Leon Romanovsky <leon@example.org>
                Cc: linux-rdma@vger.kernel.org
                Subject: [GIT PULL] mlx5 rework
                Date: Mon, 23 Nov 2026 11:00:00 +0000
                Message-ID: <pull-2@example.org>

                The following changes since commit %s:

                  Linux 6.20-rc2 (2026-09-01 11:00:00 +0000)

                are available in the Git repository at:

                  %s mlx5-rework

                for you to fetch changes up to %s:

                  RDMA/mlx5: Rework line 3 (2026-09-01 13:00:00 +0000)

                ----------------------------------------------------------------
                Saeed Mahameed (1):
                      RDMA/mlx5: Rework line 3

                 drivers/infiniband/hw/mlx5/main.c | 2 +-
                 1 file changed, 1 insertion(+), 1 deletion(-)

                """.formatted(base, url, other));
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("patchlane.conf"), """
                [repo "linux"]
                \tpath = %s
                [area "mlx5"]
                \tkind = driver
                \tpath = drivers/infiniband/hw/mlx5/
                \tmaintainer = Saeed Mahameed <saeed@example.org>
                """.formatted(dir.resolve("linux")));
        assertEquals(0, CliRun.of("ingest", dir.resolve("pull.mbox").toString(), "--data", data.toString()).code());

        CliRun notYet = CliRun.of("pulls", "--json", "--since", "520w", "--data", data.toString());
        assertEquals(1, notYet.code(), "not fetched: not clean " + notYet.err());
        JsonNode before = JSON.readTree(notYet.out()).get("pulls").get(1);
        assertEquals("pull-1@example.org", before.get("messageId").asText(), "newest first");
        assertEquals("pr-head", before.get("checks").get(1).get("name").asText());
        assertTrue(before.get("checks").get(1).get("evidence").get(0).asText().startsWith("not fetched yet"));

        CliRun fetch = CliRun.of("fetch", "--json", "--since", "520w", "--data", data.toString());
        assertEquals(0, fetch.code(), fetch.err());
        JsonNode fetched = JSON.readTree(fetch.out()).get("pulls").get(1);
        assertEquals(head, fetched.get("commit").asText());
        assertEquals("pull-1@example.org", fetched.get("messageId").asText());

        CliRun day1 = CliRun.of("pulls", "--json", "--daily", "--since", "520w", "--data", data.toString());
        assertEquals(0, day1.code(), day1.out() + day1.err());
        JsonNode out = JSON.readTree(day1.out());
        assertEquals("linux", out.get("repository").asText());
        JsonNode pull = out.get("pulls").get(1);
        assertTrue(pull.get("clean").asBoolean(), pull.toString());
        assertEquals("new-clean", pull.get("change").asText());
        assertEquals(base, pull.get("base").asText());
        assertEquals(8, pull.get("checks").size());
        assertEquals(java.util.List.of("pull-1@example.org"),
                JSON.convertValue(out.get("forNext").get("merged"), java.util.List.class), "the older request first");
        JsonNode conflict = out.get("forNext").get("conflicts").get(0);
        assertEquals("pull-2@example.org", conflict.get("a").asText());
        assertEquals("pull-1@example.org", conflict.get("b").asText());
        assertEquals("drivers/infiniband/hw/mlx5/main.c", conflict.get("files").get(0).asText());

        documented("pulls --json", out);
        CliRun digest = CliRun.of("digest", "--since", "2026-11-23", "--until", "2026-11-24", "--json", "--data",
                data.toString());
        assertEquals(0, digest.code(), digest.err());
        java.util.List<JsonNode> lines = new java.util.ArrayList<>();
        for (JsonNode g : JSON.readTree(digest.out()).get("groups")) g.get("pulls").forEach(lines::add);
        assertEquals(2, lines.size(), "both requests are the day's");
        for (JsonNode line : lines) {
            assertEquals(8, line.get("verdicts").size(), "the digest carries each request's checks: " + line);
            assertEquals("pr-base", line.get("verdicts").get(0).get("rule").asText());
            assertTrue(line.get("verdicts").get(0).get("pass").asBoolean());
        }
        documented("fetch --json", JSON.readTree(fetch.out()));

        mlx5.checkout("mlx5-next");
        mlx5.commit("Saeed Mahameed <saeed@example.org>", "RDMA/mlx5: pushed later",
                Map.of("drivers/infiniband/hw/mlx5/qp.c", "qp\n"));
        mlx5.close();
        assertEquals(0, CliRun.of("fetch", "--since", "520w", "--no-remotes", "--data", data.toString()).code());
        CliRun day2 = CliRun.of("pulls", "--daily", "--since", "520w", "--data", data.toString());
        assertEquals(1, day2.code());
        assertTrue(day2.out().contains("still clean (1):\n  [GIT PULL] mlx5 rework  <pull-2@example.org>\n"), day2.out());
        assertTrue(day2.out().contains("became unclean (1):\n  [GIT PULL] mlx5 updates  <pull-1@example.org>\n"),
                day2.out());
        assertTrue(day2.out().contains("pr-head: mlx5-next is at "), day2.out());
    }

    /** Every field of the output is in docs/json.md's section, and every documented field is in the output. */
    static void documented(String section, JsonNode output) throws java.io.IOException {
        var doc = JsonDocTest.sections(Files.readString(Path.of("docs/json.md"))).get(section);
        assertTrue(doc != null, "docs/json.md has no section for " + section);
        var real = new java.util.TreeSet<String>();
        JsonDocTest.fields(output, "", doc, real);
        var undocumented = new java.util.TreeSet<>(real);
        undocumented.removeAll(doc);
        var absent = new java.util.TreeSet<>(doc);
        absent.removeAll(real);
        assertTrue(undocumented.isEmpty() && absent.isEmpty(), section + ": undocumented " + undocumented
                + ", documented but absent " + absent);
    }

    @Test
    void aRequestPrTrackerBotSaysWasMergedIsNoLongerPending() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        String request = """
                From saeed@example.org Mon Nov 23 10:00:00 2026
                From: Saeed Mahameed <saeed@example.org>
                Subject: [GIT PULL] mlx5 updates
                Date: Mon, 23 Nov 2026 10:00:00 +0000
                Message-ID: <pull-m@example.org>

                The following changes since commit aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:

                  Linux 6.20-rc2 (2026-09-01 11:00:00 +0000)

                are available in the Git repository at:

                  https://git.kernel.org/pub/scm/linux/kernel/git/mellanox/linux.git tags/mlx5-1

                for you to fetch changes up to bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb:

                """;
        String bot = """
                From pr-tracker-bot@kernel.org Tue Nov 24 10:00:00 2026
                From: pr-tracker-bot@kernel.org
                Subject: Re: [GIT PULL] mlx5 updates
                Date: Tue, 24 Nov 2026 10:00:00 +0000
                Message-ID: <bot-m@kernel.org>
                In-Reply-To: <pull-m@example.org>
                References: <pull-m@example.org>

                The pull request you sent on Mon, 23 Nov 2026:

                > https://git.kernel.org/pub/scm/linux/kernel/git/mellanox/linux.git tags/mlx5-1

                has been merged into torvalds/linux.git:
                https://git.kernel.org/torvalds/c/cccccccccccccccccccccccccccccccccccccccc

                Thank you!

                """;
        Files.writeString(dir.resolve("a.mbox"), request);
        assertEquals(0, CliRun.of("ingest", dir.resolve("a.mbox").toString(), "--data", data.toString()).code());
        try (org.patchlane.store.Searcher s = org.patchlane.store.Searcher.open(data)) {
            assertEquals(java.util.List.of("pull-m@example.org"), org.patchlane.pull.PendingPulls.of(s,
                    java.time.Instant.EPOCH).stream().map(org.patchlane.pull.PendingPull::messageId).toList());
        }
        Files.writeString(dir.resolve("b.mbox"), bot);
        assertEquals(0, CliRun.of("ingest", dir.resolve("b.mbox").toString(), "--data", data.toString()).code());
        try (org.patchlane.store.Searcher s = org.patchlane.store.Searcher.open(data)) {
            assertEquals(java.util.List.of(), org.patchlane.pull.PendingPulls.of(s, java.time.Instant.EPOCH),
                    "merged upstream: not pending");
        }
    }

    @Test
    void withoutARepositoryTheUserIsToldWhatToConfigure() {
        CliRun r = CliRun.of("pulls", "--data", dir.resolve("data").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no [repo \"NAME\"] in the configuration"), r.err());
        assertTrue(!r.err().contains("Exception"), r.err());
    }
}
