package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.git.Repo;
import org.patchlane.git.TestRepo;

/**
 * {@code backport} end to end: a two-patch series posted on its base (v6.19) is ingested from mail, then tried on
 * v6.19 (applies) and on v6.18, where the file had five more lines on top (patch 1 applies with offset) and lacked
 * a line patch 2 needs (it fails, naming the hunk).
 */
class BackportCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String LEON = "Leon Romanovsky <leon@example.org>";

    @TempDir
    Path dir;
    Path data;

    @BeforeEach
    void seriesAndRepository() throws Exception {
        String v619;
        List<String> diffs = new java.util.ArrayList<>();
        try (TestRepo t = TestRepo.init(dir.resolve("linux"))) {
            String old = t.commit("Linus Torvalds <torvalds@example.org>", "Linux 6.18",
                    Map.of("drivers/x.c", TestRepo.lines("header", 5) + TestRepo.lines("x", 30)));
            t.tag("v6.18", old, true);
            String six19 = TestRepo.lines("x", 30).replace("x 25\n", "x 25 (reworked in 6.19)\n");
            v619 = t.commit("Linus Torvalds <torvalds@example.org>", "Linux 6.19", Map.of("drivers/x.c", six19));
            t.tag("v6.19", v619, true);
            String p1 = t.commit(LEON, "x: fix line 10", Map.of("drivers/x.c", six19.replace("x 10\n", "x ten\n")));
            String p2 = t.commit(LEON, "x: fix line 26", Map.of("drivers/x.c",
                    six19.replace("x 10\n", "x ten\n").replace("x 26\n", "x twenty-six\n")));
            try (Repo r = Repo.open(t.dir())) {
                diffs.add(r.diffText(p1));
                diffs.add(r.diffText(p2));
            }
        }
        StringBuilder mbox = new StringBuilder(mail(0, "x: two fixes", "Two fixes.\n\nbase-commit: " + v619 + "\n", null));
        mbox.append(mail(1, "x: fix line 10", "Fix it.\n\nSigned-off-by: " + LEON + "\n---\n" + diffs.get(0), "0"));
        mbox.append(mail(2, "x: fix line 26", "Fix it too.\n\nSigned-off-by: " + LEON + "\n---\n" + diffs.get(1), "0"));
        Files.writeString(dir.resolve("series.mbox"), mbox);
        data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("patchlane.conf"), "[repo \"linux\"]\n\tpath = " + dir.resolve("linux") + "\n");
        assertEquals(0, CliRun.of("ingest", dir.resolve("series.mbox").toString(), "--data", data.toString()).code());
    }

    static String mail(int k, String title, String body, String replyTo) {
        String id = "x-" + k + "@example.org";
        return "From leon@example.org Mon Nov 23 10:00:0" + k + " 2026\n"
                + "From: " + LEON + "\nTo: linux-rdma@vger.kernel.org\n"
                + "Subject: [PATCH " + k + "/2] " + title + "\n"
                + "Date: Mon, 23 Nov 2026 10:00:0" + k + " +0000\nMessage-ID: <" + id + ">\n"
                + (replyTo == null ? "" : "In-Reply-To: <x-" + replyTo + "@example.org>\nReferences: <x-0@example.org>\n")
                + "\n" + body + "\n";
    }

    @Test
    void onItsBaseTheSeriesApplies() throws Exception {
        CliRun r = CliRun.of("backport", "x-0@example.org", "--to", "v6.19", "--json", "--data", data.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode out = JSON.readTree(r.out());
        assertTrue(out.get("applies").asBoolean());
        assertEquals("applies", out.get("patches").get(0).get("outcome").asText());
        assertEquals("applies", out.get("patches").get(1).get("outcome").asText());
        assertTrue(out.get("baseKnown").asBoolean());
        assertEquals(0, out.get("changedSinceBase").size());
    }

    @Test
    void onAnOlderReleaseOnePatchMovesAndOneFails() throws Exception {
        CliRun r = CliRun.of("backport", "x-1@example.org", "--to", "v6.18", "--data", data.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("on v6.18 (") && r.out().contains("does not apply"), r.out());
        assertTrue(r.out().contains("1/2 applies with offset"), r.out());
        assertTrue(r.out().contains("found at line 12 (offset 5 lines)"), r.out());
        assertTrue(r.out().contains("2/2 fails"), r.out());
        assertTrue(r.out().contains("its files changed between its base and v6.18:\n  drivers/x.c"), r.out());
        JsonNode out = JSON.readTree(CliRun.of("backport", "--json", "x-1@example.org", "--to", "v6.18", "--data",
                data.toString()).out());
        assertEquals("fails", out.get("patches").get(1).get("outcome").asText());
        assertEquals("drivers/x.c", out.get("patches").get(1).get("hunks").get(0).get("file").asText());
        PullsCommandTest.documented("backport --json", out);
    }

    @Test
    void anUnknownTagIsAUsersMistake() {
        CliRun r = CliRun.of("backport", "x-0@example.org", "--to", "v5.0", "--data", data.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("linux has no v5.0"), r.err());
    }
}
