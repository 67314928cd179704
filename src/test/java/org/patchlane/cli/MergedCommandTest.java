package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.git.Repo;
import org.patchlane.git.TestRepo;
import org.patchlane.review.ReviewState;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

/**
 * Merged detection end to end on a real repository: series posted as mails (their diffs made by the repository
 * itself), ingested, then applied upstream as a maintainer would (one as posted, one fixed up, one only in part, one
 * never), tagged, and found by {@code patchlane merged}: states, commits, first release tags, the state query, a
 * searcher opened before the run, and the exports of the merged infrastructure series at release +1.
 */
class MergedCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String NOA = "Noa Ashkenazi <noa@example.org>";
    static final String SAEED = "Saeed Mahameed <saeed@example.org>";
    static final String LINUS = "Linus Torvalds <torvalds@example.org>";
    static final String AUX_C = TestRepo.lines("aux", 20);
    static final String AUX_H = "#ifndef AUX_H\n#define AUX_H\nstruct auxiliary_device;\n#endif\n";

    @TempDir
    Path dir;
    TestRepo linux;
    String base;
    Path data;
    final StringBuilder mbox = new StringBuilder();
    final Map<String, String> mails = new LinkedHashMap<>();
    final Map<String, Map<String, String>> posted = new LinkedHashMap<>();
    int minutes;

    static Map<String, String> exportsPatch() {
        return Map.of("drivers/base/auxiliary.c", AUX_C + "struct auxiliary_device *aux_get(struct auxiliary_device *a)\n"
                        + "{\n\treturn a;\n}\nEXPORT_SYMBOL_GPL(aux_get);\n\nvoid aux_put(struct auxiliary_device *a)\n{\n}\n"
                        + "EXPORT_SYMBOL_GPL(aux_put);\n",
                "include/linux/auxiliary_bus.h", AUX_H.replace("#endif", "struct auxiliary_device *aux_get(struct "
                        + "auxiliary_device *a);\nvoid aux_put(struct auxiliary_device *a);\n#endif"));
    }

    @BeforeEach
    void archiveAndRepository() throws Exception {
        linux = TestRepo.init(dir.resolve("linux"));
        base = linux.commit(LINUS, "Linux 6.19", Map.of("drivers/base/auxiliary.c", AUX_C,
                "include/linux/auxiliary_bus.h", AUX_H, "drivers/infiniband/hw/mlx5/main.c", TestRepo.lines("main", 20),
                "Documentation/driver-api/auxiliary_bus.rst", "Auxiliary bus\n"));
        linux.tag("v6.19", base, true);
        data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("patchlane.conf"), """
                [repo "linux"]
                \tpath = %s
                \tmergedWindow = 520w
                [area "driver-core"]
                \tkind = infrastructure
                \tpath = drivers/base/
                \tpath = include/linux/
                \tmaintainer = Greg Kroah-Hartman <gregkh@example.org>
                [area "mlx5"]
                \tkind = driver
                \tpath = drivers/infiniband/hw/mlx5/
                \tmaintainer = Saeed Mahameed <saeed@example.org>
                """.formatted(dir.resolve("linux")));

        // S1: infrastructure, a cover with base-commit and two patches, the first exporting two symbols
        mail("s1-0", null, NOA, "[PATCH 0/2] driver core: auxiliary: aux_get() and aux_put()",
                "Two helpers.\n\n---\nbase-commit: " + base + "\n", null);
        postSeries("s1", NOA, List.of(
                new Post("driver core: auxiliary: add aux_get() and aux_put()", exportsPatch()),
                new Post("Documentation: auxiliary_bus: describe aux_get()",
                        Map.of("Documentation/driver-api/auxiliary_bus.rst", "Auxiliary bus\n\naux_get() takes a reference.\n"))),
                true);
        // S2: a driver series of two patches; only the first will be applied
        postSeries("s2", SAEED, List.of(
                new Post("RDMA/mlx5: tidy main", Map.of("drivers/infiniband/hw/mlx5/main.c",
                        TestRepo.lines("main", 20).replace("main 4\n", "main four\n"))),
                new Post("RDMA/mlx5: add qp", Map.of("drivers/infiniband/hw/mlx5/qp.c", "qp\n"))), false);
        // S3: one patch the maintainer changed when applying; S4: one never applied
        postSeries("s3", SAEED, List.of(new Post("RDMA/mlx5: fix cq", Map.of("drivers/infiniband/hw/mlx5/cq.c", "cq 1\n"))),
                false);
        postSeries("s4", SAEED, List.of(new Post("RDMA/mlx5: never applied",
                Map.of("drivers/infiniband/hw/mlx5/srq.c", "srq\n"))), false);
        Files.writeString(dir.resolve("list.mbox"), mbox);
        CliRun ingest = CliRun.of("ingest", dir.resolve("list.mbox").toString(), "--list", "linux-rdma", "--data",
                data.toString());
        assertEquals(0, ingest.code(), ingest.err());
    }

    record Post(String subject, Map<String, String> files) {
    }

    /** Commits the patches on a branch from the base, mails them with the repository's own diffs, resets. */
    void postSeries(String id, String author, List<Post> patches, boolean cover) throws Exception {
        linux.branch("posted-" + id, base);
        linux.checkout("posted-" + id);
        List<String> diffs = new ArrayList<>();
        try (Repo r = Repo.open(dir.resolve("linux"))) {
            for (Post p : patches) {
                String c = linux.commit(author, p.subject(), p.files());
                diffs.add(r.diffText(c));
                posted.put(p.subject(), p.files());
            }
        }
        linux.checkout("master");
        int n = patches.size();
        for (int i = 0; i < n; i++) {
            String tag = n == 1 ? "[PATCH]" : "[PATCH " + (i + 1) + "/" + n + "]";
            String parent = cover ? id + "-0" : i == 0 ? null : id + "-1";
            mail(id + "-" + (i + 1), parent, author, tag + " " + patches.get(i).subject(),
                    "Why it matters.\n\nSigned-off-by: " + author + "\n", diffs.get(i));
        }
    }

    void mail(String id, String inReplyTo, String from, String subject, String body, String diff) {
        Instant at = Instant.now().minusSeconds(86400L * 10).plusSeconds(60L * minutes++);
        int start = mbox.length();
        mbox.append("From ").append(from.replaceAll(".*<|>", "")).append(" Mon Nov 23 10:00:00 2026\n")
                .append("From: ").append(from).append('\n')
                .append("To: linux-rdma@vger.kernel.org\n")
                .append("Subject: ").append(subject).append('\n')
                .append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atZone(ZoneOffset.UTC))).append('\n')
                .append("Message-ID: <").append(id).append("@example.org>\n");
        if (inReplyTo != null)
            mbox.append("In-Reply-To: <").append(inReplyTo).append("@example.org>\nReferences: <").append(inReplyTo)
                    .append("@example.org>\n");
        mbox.append('\n').append(body);
        if (diff != null) mbox.append("---\n").append(diff).append("-- \n2.43.0\n");
        mbox.append('\n');
        mails.put(id, mbox.substring(start));
    }

    /** The maintainer applies a posted patch on master as it was posted. */
    String apply(String author, String subject) throws Exception {
        return linux.commit(author, subject, posted.get(subject));
    }

    JsonNode merged(int expectedCode) throws Exception {
        CliRun r = CliRun.of("merged", "--json", "--data", data.toString());
        assertEquals(expectedCode, r.code(), r.out() + r.err());
        return JSON.readTree(r.out());
    }

    static JsonNode entry(JsonNode run, String title) {
        for (JsonNode s : run.get("series")) if (s.get("title").asText().contains(title)) return s;
        throw new AssertionError("no " + title + " in " + run);
    }

    @Test
    void seriesBecomeMergedOrPartlyMergedWithTheirCommitsAndReleases() throws Exception {
        String s1a = apply(NOA, "driver core: auxiliary: add aux_get() and aux_put()");
        String s1b = apply(NOA, "Documentation: auxiliary_bus: describe aux_get()");
        linux.tag("v6.20-rc1", linux.commit(LINUS, "Linux 6.20-rc1", Map.of("Makefile", "rc1\n")), true);
        String s2a = apply(SAEED, "RDMA/mlx5: tidy main");
        String s3 = linux.commit(SAEED, "RDMA/mlx5: fix cq", Map.of("drivers/infiniband/hw/mlx5/cq.c", "cq 1, fixed up\n"));
        linux.tag("v6.20-rc2", linux.commit(LINUS, "Linux 6.20-rc2", Map.of("Makefile", "rc2\n")), true);

        try (Searcher running = Searcher.open(data)) {
            assertEquals(0, running.series("state:merged", 0, 10).total(), "nothing detected yet");
            JsonNode run = merged(0);
            assertEquals(3, run.get("series").size(), run.toString());
            // docs/json.md lists exactly the fields of the real output
            java.util.Set<String> documented = JsonDocTest.sections(Files.readString(Path.of("docs/json.md")))
                    .get("merged --json");
            java.util.Set<String> real = new java.util.TreeSet<>();
            JsonDocTest.fields(run, "", documented, real);
            assertEquals(documented, real);
            assertEquals(4, run.get("checked").asInt());

            JsonNode s1 = entry(run, "aux_get() and aux_put()");
            assertEquals("merged", s1.get("state").asText());
            assertEquals("v6.20-rc1", s1.get("upstream").get("release").asText());
            JsonNode p1 = s1.get("upstream").get("patches").get(0);
            assertEquals("patch-id", p1.get("match").asText());
            assertEquals(List.of(s1a), List.of(p1.get("commits").get(0).asText()));
            assertEquals(s1b, s1.get("upstream").get("patches").get(1).get("commits").get(0).asText());
            assertEquals("v6.20-rc1", p1.get("release").asText());
            assertEquals("exports-release", s1.get("exportsRelease").get("name").asText());
            assertEquals("n/a", s1.get("exportsRelease").get("verdict").asText());
            assertEquals("EXPORT_SYMBOL_GPL(aux_get) added in v6.20-rc1 by series " + s1.get("series").asText()
                    + ": not due until v6.21", s1.get("exportsRelease").get("evidence").get(0).asText());

            JsonNode s2 = entry(run, "tidy main");
            assertEquals("partly-merged", s2.get("state").asText());
            assertNull(s2.get("exportsRelease").textValue(), "a partly merged series is not checked at release +1");
            assertEquals(s2a, s2.get("upstream").get("patches").get(0).get("commits").get(0).asText());
            assertEquals("v6.20-rc2", s2.get("upstream").get("patches").get(0).get("release").asText());
            assertEquals("none", s2.get("upstream").get("patches").get(1).get("match").asText());
            assertEquals(0, s2.get("upstream").get("patches").get(1).get("commits").size());

            JsonNode s3j = entry(run, "fix cq");
            assertEquals("merged", s3j.get("state").asText());
            assertEquals("author-subject", s3j.get("upstream").get("patches").get(0).get("match").asText());
            assertEquals(s3, s3j.get("upstream").get("patches").get(0).get("commits").get(0).asText());
            assertEquals("not an infrastructure series", s3j.get("exportsRelease").get("evidence").get(0).asText());

            // the searcher opened before the run sees its findings: queries and standings
            List<String> merged = running.series("state:merged", 0, 10).series().stream().map(Series::title).toList();
            assertEquals(2, merged.size(), merged.toString());
            assertTrue(merged.stream().anyMatch(t -> t.contains("fix cq")), merged.toString());
            List<Series> partly = running.series("state:partly-merged", 0, 10).series();
            assertEquals(1, partly.size());
            assertEquals(ReviewState.PARTLY_MERGED, running.decisions().standing(partly.get(0)).state());
            assertEquals(1, running.series("state:new", 0, 10).total(), "only the never applied series is still new");
        }

        // the other interfaces carry the finding
        CliRun list = CliRun.of("series", "--json", "state:partly-merged", "--data", data.toString());
        assertEquals(0, list.code(), list.err());
        JsonNode listed = JSON.readTree(list.out()).get("series").get(0);
        assertEquals("partly-merged", listed.get("state").asText());
        assertEquals(s2a, listed.get("upstream").get("patches").get(0).get("commits").get(0).asText());
        CliRun acks = CliRun.of("acks", "--json", "s3-1@example.org", "--data", data.toString());
        assertEquals(0, acks.code(), acks.err());
        JsonNode a = JSON.readTree(acks.out());
        assertEquals("merged", a.get("state").asText());
        assertEquals("merged", a.get("upstream").get("state").asText());
        assertEquals("v6.20-rc2", a.get("upstream").get("release").asText());

        // reindex rebuilds the index, the findings stay
        assertEquals(0, CliRun.of("reindex", "--data", data.toString()).code());
        CliRun after = CliRun.of("series", "--json", "state:merged", "--data", data.toString());
        assertEquals(2, JSON.readTree(after.out()).get("total").asInt(), after.out());

        CliRun text = CliRun.of("merged", "--data", data.toString());
        assertTrue(text.out().contains("partly-merged"), text.out());
        assertTrue(text.out().contains(s2a.substring(0, 12) + " (patch-id, v6.20-rc2)  RDMA/mlx5: tidy main"), text.out());
        assertTrue(text.out().contains("not upstream  RDMA/mlx5: add qp"), text.out());
    }

    @Test
    void fetchRunsDetectionAfterFetchingAndStillReportsWhenItCannot() throws Exception {
        String s3 = linux.commit(SAEED, "RDMA/mlx5: fix cq", Map.of("drivers/infiniband/hw/mlx5/cq.c", "cq 2\n"));
        CliRun fetch = CliRun.of("fetch", "--no-remotes", "--json", "--data", data.toString());
        assertEquals(0, fetch.code(), fetch.err());
        JsonNode run = JSON.readTree(fetch.out()).get("merged");
        assertEquals(s3, entry(run, "fix cq").get("upstream").get("patches").get(0).get("commits").get(0).asText());
        CliRun state = CliRun.of("series", "--json", "state:merged", "--data", data.toString());
        assertEquals(1, JSON.readTree(state.out()).get("total").asInt(), state.out());

        Path conf = data.resolve("patchlane.conf");
        Files.writeString(conf, Files.readString(conf).replace("\tmergedWindow = 520w\n",
                "\tmergedWindow = 520w\n\tupstream = refs/heads/nosuch\n"));
        CliRun skipped = CliRun.of("fetch", "--no-remotes", "--json", "--data", data.toString());
        assertEquals(0, skipped.code(), skipped.err());
        assertTrue(JSON.readTree(skipped.out()).get("merged").isNull());
        assertEquals("patchlane: merged detection skipped: refs/heads/nosuch is not in [repo \"linux\"]",
                skipped.err().strip());
        CliRun alone = CliRun.of("merged", "--data", data.toString());
        assertEquals(2, alone.code());
        assertEquals("patchlane: refs/heads/nosuch is not in [repo \"linux\"]", alone.err().strip());
    }

    @Test
    void commitsMadeByGitAmOfTheMailsMatchByPatchId() throws Exception {
        GitAm.assumeAvailable();
        Path upstream = dir.resolve("upstream");
        git(dir, "clone", "-q", dir.resolve("linux").toString(), upstream.toString());
        for (String id : List.of("s1-1", "s1-2", "s2-1")) {
            Path m = dir.resolve(id + ".mbox");
            Files.writeString(m, mails.get(id));
            git(upstream, "am", "-q", m.toString());
        }
        Files.writeString(data.resolve("patchlane.conf"), Files.readString(data.resolve("patchlane.conf"))
                .replace(dir.resolve("linux").toString(), upstream.toString()));
        JsonNode run = merged(0);
        String head = git(upstream, "rev-parse", "HEAD").strip();
        JsonNode s1 = entry(run, "aux_get() and aux_put()");
        assertEquals("merged", s1.get("state").asText(), s1.toString());
        for (JsonNode p : s1.get("upstream").get("patches")) assertEquals("patch-id", p.get("match").asText());
        JsonNode s2 = entry(run, "tidy main");
        assertEquals("partly-merged", s2.get("state").asText());
        assertEquals(head, s2.get("upstream").get("patches").get(0).get("commits").get(0).asText());
        assertNull(s2.get("upstream").get("patches").get(0).get("release").textValue(), "no tag contains it yet");
    }

    static String git(Path in, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Maintainer", "-c",
                "user.email=maintainer@example.org", "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(in.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("HOME", in.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "git " + String.join(" ", args) + ":\n" + out);
        return out;
    }

    @Test
    void anExportWithoutAUserAtReleasePlusOneIsARevertCandidate() throws Exception {
        apply(NOA, "driver core: auxiliary: add aux_get() and aux_put()");
        apply(NOA, "Documentation: auxiliary_bus: describe aux_get()");
        linux.tag("v6.20-rc1", linux.commit(LINUS, "Linux 6.20-rc1", Map.of("Makefile", "rc1\n")), true);
        linux.tag("v6.20", linux.commit(LINUS, "Linux 6.20", Map.of("Makefile", "6.20\n")), true);
        linux.commit(SAEED, "RDMA/mlx5: use aux_get()", Map.of("drivers/infiniband/hw/mlx5/aux.c",
                "#include <linux/auxiliary_bus.h>\nvoid f(struct auxiliary_device *a)\n{\n\taux_get(a);\n}\n"));
        // a file naming aux_put_all, a longer identifier, is no user of aux_put
        linux.commit(SAEED, "RDMA/mlx5: put all", Map.of("drivers/infiniband/hw/mlx5/put.c", "void aux_put_all(void);\n"));
        linux.tag("v6.21-rc1", linux.commit(LINUS, "Linux 6.21-rc1", Map.of("Makefile", "6.21-rc1\n")), true);
        JsonNode early = merged(0);
        assertEquals("EXPORT_SYMBOL_GPL(aux_put) added in v6.20-rc1 by series " + entry(early, "aux_put()")
                .get("series").asText() + ": not due until v6.21", entry(early, "aux_put()").get("exportsRelease")
                .get("evidence").get(1).asText());

        linux.tag("v6.21", linux.commit(LINUS, "Linux 6.21", Map.of("Makefile", "6.21\n")), true);
        JsonNode due = merged(1);
        JsonNode check = entry(due, "aux_put()").get("exportsRelease");
        String id = entry(due, "aux_put()").get("series").asText();
        assertEquals("fail", check.get("verdict").asText());
        assertEquals(List.of("EXPORT_SYMBOL_GPL(aux_get) added in v6.20-rc1 by series " + id
                        + "; used in v6.21 by drivers/infiniband/hw/mlx5/aux.c",
                "EXPORT_SYMBOL_GPL(aux_put) added in v6.20-rc1 by series " + id
                        + "; no user in v6.21's tree: a revert candidate"),
                List.of(check.get("evidence").get(0).asText(), check.get("evidence").get(1).asText()));

        CliRun c = CliRun.of("check", "--json", "s1-0@example.org", "--data", data.toString());
        assertEquals(1, c.code(), c.out() + c.err());
        JsonNode last = null;
        for (JsonNode k : JSON.readTree(c.out()).get("checks")) last = k;
        assertNotNull(last);
        assertEquals("exports-release", last.get("name").asText());
        assertEquals("fail", last.get("verdict").asText());
        CliRun t = CliRun.of("check", "s1-0@example.org", "--data", data.toString());
        assertTrue(t.out().contains("no user in v6.21's tree: a revert candidate"), t.out());
    }
}
