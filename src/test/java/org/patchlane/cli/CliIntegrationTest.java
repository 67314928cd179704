package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Ingest → index → query through the CLI entry point, on the built-in demo archive. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    Path tmp;
    Path data;
    int demoMessages;

    @BeforeAll
    void ingestDemo(@TempDir Path dir) throws IOException {
        tmp = dir;
        data = tmp.resolve("data");
        CliRun r = CliRun.of("demo", "--no-serve", "--data", data.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Ingested "), r.out());
        try (InputStream in = getClass().getResourceAsStream(DemoCommand.ARCHIVE)) {
            demoMessages = countMessages(in.readAllBytes());
        }
    }

    /** Independent count: mboxrd separators are "From " lines at the start or after a blank line. */
    private static int countMessages(byte[] mbox) {
        String s = new String(mbox, StandardCharsets.ISO_8859_1);
        int n = s.startsWith("From ") ? 1 : 0;
        for (int i = s.indexOf("\n\nFrom "); i >= 0; i = s.indexOf("\n\nFrom ", i + 1)) n++;
        return n;
    }

    private JsonNode json(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--json", "--data", data.toString()));
        CliRun r = CliRun.of(all.toArray(String[]::new));
        assertTrue(r.code() <= 1, r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void acksByChangeIdWithTheMatrixJsonAndAnMboxForGitAm() throws IOException {
        JsonNode s = json("acks", "20261102-aux-lifetime-3f1c2a9b7d10");
        assertEquals("20261102-aux-lifetime-3f1c2a9b7d10", s.get("changeId").asText());
        assertEquals(3, s.get("versions").size());
        JsonNode v3 = s.get("versions").get(2);
        assertEquals("under-review", v3.get("state").asText());
        JsonNode leon = null;
        for (JsonNode t : v3.get("patches").get(0).get("trailers")) {
            if (t.get("name").asText().equals("Leon Romanovsky")) leon = t;
        }
        assertEquals("Acked-by", leon.get("kind").asText());
        assertEquals("for patches 1-3", leon.get("scope").asText());
        assertEquals(s, json("acks", s.get("series").asText()), "the series id names the same series");

        CliRun text = CliRun.of("acks", "--data", data.toString(), "20261102-aux-lifetime-3f1c2a9b7d10");
        assertEquals(0, text.code());
        assertTrue(text.out().contains("Acked-by: Leon Romanovsky <leon@kernel.org>  for patches 1,2,3"), text.out());

        CliRun mbox = CliRun.of("acks", "--data", data.toString(), "--mbox", "-", "20261102-aux-lifetime-3f1c2a9b7d10");
        assertEquals(0, mbox.code(), mbox.err());
        String first = mbox.out().split("\nFrom patchlane ")[0];
        int cut = first.indexOf("\n---\n");
        assertTrue(cut > 0, first);
        String message = first.substring(0, cut);
        assertTrue(message.contains("\nAcked-by: Leon Romanovsky <leon@kernel.org>\n"), message);
        assertTrue(message.contains("\nReviewed-by: Danilo Krummrich <dakr@kernel.org>\n"), "carried, unchanged patch");
        assertEquals(4, mbox.out().split("(?m)^From patchlane ").length - 1, "the four patches of v3");

        assertEquals(1, CliRun.of("acks", "--data", data.toString(), "nosuch@example.org").code());
        assertEquals(2, CliRun.of("series", "--data", data.toString(), "s:(").code());
        JsonNode acked = json("series", "ack:romanovsky AND state:under-review");
        assertEquals(1, acked.get("total").asInt(), acked.toString());
        assertEquals(s.get("series"), acked.get("series").get(0).get("series"));
    }

    @Test
    void statsCountEveryDemoMessage() throws IOException {
        JsonNode s = json("stats");
        assertEquals(demoMessages, s.get("messages").asInt());
        assertEquals(5, s.get("pulls").asInt(), "mlx5, mlx5 UMR, irdma, hns and hns3");
        assertTrue(s.get("flagged").asInt() >= 4, "html-only, charset, no-message-id and duplicate-id mails are flagged");
        // The hns 1/2 patch was cross-posted: its netdev copy (same Message-ID, List-Id netdev) is stored too.
        assertEquals("[\"linux-rdma\",\"netdev\"]", s.get("lists").toString());
        assertEquals(demoMessages - 1, s.get("perList").get("linux-rdma").asInt());
        assertEquals(1, s.get("perList").get("netdev").asInt());
        assertEquals(98, demoMessages, "the demo README's 98 messages");
        assertEquals(13, s.get("series").asInt(), "aux helpers, mlx5, irdma, rxe, hns, the mkey fix, the RESEND, "
                + "the hns bond series, the last week's quiet rxe fix, applied irdma fix and NACKed hns patch, and "
                + "the two series pull requests carry (mlx5 UMR, hns bond and reset fixes)");
        assertEquals(41, s.get("patches").asInt(),
                "32, the hns bond series' two, the last week's three and the pulled series' four");
        assertEquals(8, s.get("covers").asInt());
        for (String field : List.of("messages", "flagged", "patches", "series", "pulls", "lists")) {
            assertTrue(s.has(field), field);
        }
    }

    @Test
    void searchJsonFollowsTheContract() throws IOException {
        JsonNode r = json("search", "kind:pull");
        assertEquals("kind:pull", r.get("query").asText());
        assertEquals(5, r.get("total").asInt());
        JsonNode hit = r.get("hits").get(0);
        assertEquals("pull", hit.get("kind").asText());
        assertEquals("linux-rdma", hit.get("list").asText());
        assertTrue(hit.get("subject").asText().startsWith("[GIT PULL]"));
        assertTrue(hit.get("from").has("name") && hit.get("from").has("email"));
        assertTrue(hit.get("date").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*(Z|[+-]\\d\\d:\\d\\d)"));
        assertFalse(hit.get("messageId").asText().contains("<"));
    }

    @Test
    void b4ChangeIdQueryFindsEveryVersionsCover() throws IOException {
        // Three versions of the series, plus the irdma cover whose "prerequisite-change-id:" line holds the
        // phrase too: lore answers the same, and b4 filters by sender afterwards.
        JsonNode r = json("search", "nq:\"change-id: 20261102-aux-lifetime-3f1c2a9b7d10\" AND kind:cover");
        assertEquals(4, r.get("total").asInt(), r.toString());
        JsonNode own = json("search", "nq:\"change-id: 20261102-aux-lifetime-3f1c2a9b7d10\" AND kind:cover "
                + "AND f:noaa@nvidia.com");
        assertEquals(3, own.get("total").asInt(), own.toString());
    }

    @Test
    void anyAckIsAQuery() throws IOException {
        JsonNode r = json("search", "d:2026-11-01..2026-11-30 AND ack:*");
        assertTrue(r.get("total").asInt() >= 3, r.toString());
    }

    @Test
    void resultsComeNewestFirst() throws IOException {
        JsonNode hits = json("search", "--limit", "50", "kind:patch").get("hits");
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(hits.get(i - 1).get("date").asText().compareTo(hits.get(i).get("date").asText()) >= 0);
        }
    }

    @Test
    void showJsonAndRawRoundTrip() throws IOException {
        String id = json("search", "kind:pull").get("hits").get(0).get("messageId").asText();
        JsonNode m = json("show", id);
        assertEquals(id, m.get("messageId").asText());
        assertEquals("pull", m.get("kind").asText());
        JsonNode pull = m.get("pull");
        assertTrue(pull.get("url").asText().startsWith("https://git.kernel.org/"));
        assertEquals(40, pull.get("base").asText().length());
        assertEquals("[\"GIT\",\"PULL\"]", m.get("tags").get("prefixes").toString());

        CliRun raw = CliRun.of("show", "--raw", "<" + id + ">", "--data", data.toString());
        assertEquals(0, raw.code());
        String text = new String(raw.outBytes(), StandardCharsets.UTF_8);
        assertTrue(text.contains("Message-ID: <" + id + ">") || text.contains("Message-Id: <" + id + ">"), text);
        assertTrue(text.contains("The following changes since commit"));
    }

    @Test
    void showListsTrailersQuotedOnesMarked() throws IOException {
        JsonNode hits = json("search", "q:Reviewed-by AND kind:reply").get("hits");
        assertTrue(hits.size() > 0);
        boolean sawQuoted = false;
        for (JsonNode h : hits) {
            for (JsonNode t : json("show", h.get("messageId").asText()).get("trailers")) {
                sawQuoted |= t.get("quoted").asBoolean();
            }
        }
        assertTrue(sawQuoted);
    }

    @Test
    void flaggedMailIsStoredAndFindable() throws IOException {
        assertEquals(1, json("search", "flag:no_message_id").get("total").asInt());
        assertEquals(1, json("search", "flag:duplicate_id").get("total").asInt(), "the netdev copy of hns 1/2");
        assertTrue(json("search", "flag:html_only").get("total").asInt() >= 1);
        assertTrue(json("search", "flag:charset").get("total").asInt() >= 1);
    }

    @Test
    void exitCodesMeanSomething() {
        assertEquals(1, CliRun.of("search", "--data", data.toString(), "s:nosuchwordanywhere").code());
        CliRun bad = CliRun.of("search", "--data", data.toString(), "s:(unclosed");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("bad query"), bad.err());
        assertEquals(1, CliRun.of("show", "--data", data.toString(), "nobody@nowhere").code());
        assertEquals(2, CliRun.of("ingest", "--data", data.toString(), tmp.resolve("missing.mbox").toString()).code());
        assertEquals(2, CliRun.of("search", "--no-such-option", "x").code());
        assertEquals(3, CliRun.of("stats", "--data", tmp.resolve("empty").toString()).code());
    }

    @Test
    void truncatedMboxKeepsAndFlagsTheCutMessage() throws IOException {
        Path mbox = tmp.resolve("cut.mbox");
        Files.writeString(mbox, "From a@example.org Mon Nov 23 10:00:00 2026\n"
                + "From: A <a@example.org>\nSubject: whole one\nMessage-ID: <whole@example.org>\n"
                + "Date: Mon, 23 Nov 2026 10:00:00 +0000\n\nbody\n\n"
                + "From b@example.org Mon Nov 23 10:01:00 2026\n"
                + "From: B <b@example.org>\nSubject: <b>cut</b> in the headers\nMessage-ID: <cut@exa");
        Path d = tmp.resolve("cut-data");
        assertEquals(0, CliRun.of("ingest", "--data", d.toString(), mbox.toString()).code());
        JsonNode s = JSON.readTree(CliRun.of("stats", "--json", "--data", d.toString()).out());
        assertEquals(2, s.get("messages").asInt());
        JsonNode hit = JSON.readTree(CliRun.of("search", "--json", "--data", d.toString(), "flag:truncated").out());
        assertEquals(1, hit.get("total").asInt());
        assertEquals("<b>cut</b> in the headers", hit.get("hits").get(0).get("subject").asText());
    }

    @Test
    void hugeAttachmentIsStoredWhole() throws IOException {
        byte[] blob = new byte[24 << 20];
        new java.util.Random(5).nextBytes(blob);
        String mail = "From: Big <big@example.org>\nSubject: [PATCH] firmware\nMessage-ID: <big@example.org>\n"
                + "Date: Mon, 23 Nov 2026 10:00:00 +0000\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"XX\"\n\n--XX\nContent-Type: text/plain\n\n"
                + "Here is the firmware.\n\n--XX\nContent-Type: application/octet-stream; name=\"fw.bin\"\n"
                + "Content-Transfer-Encoding: base64\n\n" + java.util.Base64.getMimeEncoder().encodeToString(blob)
                + "\n--XX--\n";
        Path mbox = tmp.resolve("big.mbox");
        Files.writeString(mbox, "From big@example.org Mon Nov 23 10:00:00 2026\n" + mail + "\n"
                + "From s@example.org Mon Nov 23 10:01:00 2026\nFrom: S <s@example.org>\n"
                + "Subject: after the big one\nMessage-ID: <small@example.org>\n\nhello\n");
        Path d = tmp.resolve("big-data");
        assertEquals(0, CliRun.of("ingest", "--data", d.toString(), mbox.toString()).code());
        CliRun raw = CliRun.of("show", "--raw", "--data", d.toString(), "big@example.org");
        assertArrayEquals(mail.getBytes(StandardCharsets.US_ASCII), raw.outBytes());
        assertEquals(1, JSON.readTree(CliRun.of("search", "--json", "--data", d.toString(), "s:after").out())
                .get("total").asInt());
    }

    @Test
    void ingestingAgainStoresNothingTwice() throws IOException {
        Path copy = tmp.resolve("again.mbox");
        try (InputStream in = getClass().getResourceAsStream(DemoCommand.ARCHIVE)) {
            Files.copy(in, copy);
        }
        CliRun r = CliRun.of("ingest", "--json", "--data", data.toString(), copy.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode report = JSON.readTree(r.out());
        assertEquals(0, report.get("added").asInt());
        assertEquals(demoMessages, report.get("unchanged").asInt());
        assertEquals(demoMessages, json("stats").get("messages").asInt());
    }

    @Test
    void generatedArchiveIngestsCompletelyAndReindexKeepsIt() throws IOException {
        Path mbox = tmp.resolve("gen.mbox");
        Path gdata = tmp.resolve("gen-data");
        CliRun g = CliRun.of("gen-archive", "--json", "--messages", "3000", "--seed", "7", mbox.toString());
        assertEquals(0, g.code(), g.err());
        long generated = JSON.readTree(g.out()).get("messages").asLong();
        assertEquals(0, CliRun.of("ingest", "--data", gdata.toString(), mbox.toString()).code());
        JsonNode stats = JSON.readTree(CliRun.of("stats", "--json", "--data", gdata.toString()).out());
        assertEquals(generated, stats.get("messages").asLong());
        assertEquals(0, CliRun.of("reindex", "--data", gdata.toString()).code());
        JsonNode after = JSON.readTree(CliRun.of("stats", "--json", "--data", gdata.toString()).out());
        ((com.fasterxml.jackson.databind.node.ObjectNode) stats).remove("indexBytes");
        ((com.fasterxml.jackson.databind.node.ObjectNode) after).remove("indexBytes");
        assertEquals(stats, after, "the same counts, rebuilt from the stored raw bytes alone");
    }
}
