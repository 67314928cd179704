package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.source.MboxSource;
import org.patchlane.source.RawMessage;

/**
 * {@code show} of a mail cross-posted to two lists (fixture {@code cli/crosspost.mbox}: one patch received through
 * linux-rdma and netdev, so stored twice): one copy at a time for {@code git am}, every copy as a real mbox.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShowCopiesTest {
    static final String PATCH = "20261126082000.77-1-chenwei172@huawei.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    Path tmp;
    Path data;

    @BeforeAll
    void ingest(@TempDir Path dir) throws IOException {
        tmp = dir;
        data = dir.resolve("data");
        Path mbox = dir.resolve("crosspost.mbox");
        try (InputStream in = getClass().getResourceAsStream("/cli/crosspost.mbox")) {
            Files.copy(in, mbox);
        }
        CliRun r = CliRun.of("ingest", "--data", data.toString(), mbox.toString());
        assertEquals(0, r.code(), r.err());
    }

    private CliRun show(String... args) {
        List<String> all = new ArrayList<>(List.of("show", "--data", data.toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void rawIsOneCopyThatGitAmApplies() throws Exception {
        CliRun raw = show("--raw", PATCH);
        assertEquals(0, raw.code(), raw.err());
        String text = raw.out();
        assertEquals(1, text.split("(?m)^Message-ID: ", -1).length - 1, text);
        assertTrue(text.contains("List-Id: <linux-rdma.vger.kernel.org>"), "the first copy by default");
        assertTrue(show("--raw", "--list", "netdev", PATCH).out().contains("List-Id: <netdev.vger.kernel.org>"));

        assumeTrue(git(tmp, null, "--version") == 0, "git is not installed");
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        assertEquals(0, git(repo, null, "init", "-q"));
        Files.writeString(repo.resolve("hello.txt"), "one\ntwo\nthree\n");
        assertEquals(0, git(repo, null, "add", "hello.txt"));
        assertEquals(0, git(repo, null, "commit", "-q", "-m", "start"));
        assertEquals(0, git(repo, raw.outBytes(), "am"), "git am of show --raw");
        assertEquals("one\ntwo\ntwo and a half\nthree\n", Files.readString(repo.resolve("hello.txt")));
    }

    @Test
    void allIsAnMboxGivingBackEveryCopy() throws IOException {
        CliRun all = show("--all", PATCH);
        assertEquals(0, all.code(), all.err());
        Path mbox = tmp.resolve("all.mbox");
        Files.write(mbox, all.outBytes());
        List<byte[]> copies = new ArrayList<>();
        try (MboxSource in = MboxSource.open(mbox, null)) {
            for (RawMessage m = in.next(); m != null; m = in.next()) copies.add(m.bytes());
        }
        assertEquals(2, copies.size());
        assertArrayEquals(show("--raw", "--list", "linux-rdma", PATCH).outBytes(), copies.get(0));
        assertArrayEquals(show("--raw", "--list", "netdev", PATCH).outBytes(), copies.get(1));
        String text = all.out();
        assertTrue(text.startsWith("From chenwei172@huawei.com Thu Nov 26 08:20:00 2026\n"), text);
        assertTrue(text.contains("\n>From the reset path"), "a body From line is quoted");
    }

    @Test
    void jsonNamesItsCopyAndEveryOther() throws IOException {
        JsonNode first = JSON.readTree(show("--json", PATCH).out());
        assertEquals(1, first.get("copy").asInt());
        assertEquals("linux-rdma", first.get("list").asText());
        assertEquals(JSON.readTree("[{\"copy\": 1, \"list\": \"linux-rdma\"}, {\"copy\": 2, \"list\": \"netdev\"}]"),
                first.get("copies"));
        JsonNode netdev = JSON.readTree(show("--json", "--list", "NetDev", PATCH).out());
        assertEquals(2, netdev.get("copy").asInt());
        assertEquals("netdev", netdev.get("list").asText());
        JsonNode both = JSON.readTree(show("--json", "--all", PATCH).out());
        assertEquals(List.of(first, netdev), List.of(both.get(0), both.get(1)));

        CliRun text = show(PATCH);
        assertTrue(text.out().contains("copy 1 of 2: 1 linux-rdma (shown), 2 netdev"), text.out());
        CliRun missing = show("--raw", "--list", "linux-kernel", PATCH);
        assertEquals(1, missing.code());
        assertEquals("", missing.out());
        assertTrue(missing.err().contains("stored for: linux-rdma, netdev"), missing.err());
        assertEquals(2, show("--all", "--list", "netdev", PATCH).code());
    }

    @Test
    void showCarriesThePatchsSignoffFindings() throws IOException {
        JsonNode m = JSON.readTree(show("--json", PATCH).out());
        List<String> checks = new ArrayList<>();
        m.get("findings").forEach(f -> checks.add(f.get("check").asText()));
        assertEquals(List.of("signoff-author", "signoff-order"), checks);
        assertEquals("no Signed-off-by from the author Wei Chen <chenwei172@huawei.com>",
                m.get("findings").get(0).get("text").asText());
        String text = show(PATCH).out();
        assertTrue(text.contains("Finding:     no Signed-off-by from the author Wei Chen <chenwei172@huawei.com>"
                + "  (check:signoff-author)"), text);
        JsonNode reply = JSON.readTree(show("--json", "20261126132210.GH1@nvidia.com").out());
        assertEquals(0, reply.get("findings").size(), "a reply is not checked");
    }

    /** Runs git in {@code dir} with a fixed identity, feeding {@code stdin}; its exit code. */
    static int git(Path dir, byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.org",
                "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("HOME", dir.toString());
        Process p;
        try {
            p = pb.start();
        } catch (IOException notInstalled) {
            return -1;
        }
        try (var in = p.getOutputStream()) {
            if (stdin != null) in.write(stdin);
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code != 0) System.err.println("git " + String.join(" ", args) + ": " + output);
        return code;
    }
}
