package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppTest {
    @TempDir
    static Path dir;
    static TinyArchive archive;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        archive = new TinyArchive(dir);
    }

    @AfterAll
    static void stop() throws IOException {
        archive.close();
    }

    static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(archive.base + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static void assertJson(String expected, HttpResponse<byte[]> r) throws IOException {
        assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
        JsonNode want = JSON.readTree(expected);
        JsonNode got = JSON.readTree(r.body());
        assertEquals(want, got, () -> "got " + got.toPrettyString());
    }

    @Test
    void statsJson() throws Exception {
        HttpResponse<byte[]> r = get("/api/stats");
        assertEquals(200, r.statusCode());
        JsonNode got = JSON.readTree(r.body());
        long indexBytes = got.get("indexBytes").asLong();
        assertTrue(indexBytes > 0);
        assertJson("""
                {"messages": 5, "flagged": 1, "patches": 1, "series": 1, "pulls": 1, "lists": ["linux-rdma"],
                 "covers": 0, "replies": 1, "indexBytes": %d, "perList": {"linux-rdma": 5}}
                """.formatted(indexBytes), r);
    }

    @Test
    void searchJson() throws Exception {
        HttpResponse<byte[]> r = get("/api/search?q=" + Links.encode("teardown") + "&limit=10");
        assertEquals(200, r.statusCode());
        assertJson("""
                {"query": "teardown", "total": 1, "offset": 0, "hits": [
                  {"messageId": "%s",
                   "subject": "[PATCH rdma-next v2 1/2] RDMA/mlx5: keep <script>alert(1)</script> aux lifetime",
                   "from": {"name": "Leon Romanovsky", "email": "leon@example.org"},
                   "date": "2026-11-03T10:15:00Z", "kind": "patch", "list": "linux-rdma",
                   "snippet": "The auxiliary device may outlive its parent; take a reference before registering it so mlx5 teardown cannot free it early.  Reviewed-by: Mark Bloch <mbloch@example.org>",
                   "highlights": [[92, 100]]}]}
                """.formatted(TinyArchive.PATCH_ID), r);
    }

    @Test
    void searchJsonPagesAndCounts() throws Exception {
        HttpResponse<byte[]> r = get("/api/search?q=&offset=1&limit=2");
        JsonNode got = JSON.readTree(r.body());
        assertEquals(5, got.get("total").asInt());
        assertEquals(1, got.get("offset").asInt());
        // Newest first: the pull (Nov 20) is hit 0, the reply (Nov 4) hit 1, the patch (Nov 3) hit 2.
        assertEquals(TinyArchive.REPLY_ID, got.get("hits").get(0).get("messageId").asText());
        assertEquals(TinyArchive.PATCH_ID, got.get("hits").get(1).get("messageId").asText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/search?q=s:(mlx5|400|{\"error\": \"unexpected end of query at column 8: expected a word, a \\\"phrase\\\" or '(' or ')' to close the group\", \"column\": 8}",
            "/api/search?limit=0|400|{\"error\": \"limit must be a number from 1 to 1000\"}",
            "/api/search?offset=x|400|{\"error\": \"offset must be a number from 0 to 100000\"}",
            "/api/messages/nope@example.org|404|{\"error\": \"No message <nope@example.org> in this archive\"}",
            "/api/messages/dup-1@example.com?version=3|404|{\"error\": \"only 2 copies stored\"}",
            "/api/nonexistent|404|{\"error\": \"No API endpoint /api/nonexistent\"}",
            "/api/messages/x/y|404|{\"error\": \"No API endpoint /api/messages/x/y\"}"})
    void apiErrors(String path, int status, String expected) throws Exception {
        HttpResponse<byte[]> r = get(path.replace("(", "%28"));
        assertEquals(status, r.statusCode(), () -> text(r));
        assertJson(expected, r);
    }

    @Test
    void seriesJsonByAnyMessageOfTheSeriesAndAsAList() throws Exception {
        HttpResponse<byte[]> list = get("/api/series?q=" + Links.encode("ack:gunthorpe"));
        assertEquals(200, list.statusCode());
        JsonNode page = JSON.readTree(list.body());
        assertEquals(1, page.get("total").asInt());
        String id = page.get("series").get(0).get("series").asText();
        assertEquals(1, page.get("series").get(0).get("patches").get(0).get("acked").asInt());

        // The reply's Message-ID finds its series, the same as the series id does.
        JsonNode byReply = JSON.readTree(get("/api/series/" + Links.encode(TinyArchive.REPLY_ID)).body());
        assertEquals(JSON.readTree(get("/api/series/" + id).body()), byReply);
        JsonNode patch = byReply.get("versions").get(0).get("patches").get(0);
        assertEquals(TinyArchive.PATCH_ID, patch.get("messageId").asText());
        JsonNode ack = patch.get("trailers").get(2);
        assertEquals("Acked-by", ack.get("kind").asText());
        assertEquals(TinyArchive.REPLY_ID, ack.get("givenIn").asText());
        assertTrue(ack.get("bySender").asBoolean());
        assertEquals(List.of("missing 2/2"), JSON.convertValue(byReply.get("versions").get(0).get("problems"), List.class));

        HttpResponse<byte[]> none = get("/api/series/nosuch@example.org");
        assertEquals(404, none.statusCode());
        assertTrue(text(none).contains("No series nosuch@example.org"));
        assertEquals(400, get("/api/series?q=" + Links.encode("s:(")).statusCode());
    }

    @Test
    void messageJsonIsTheShowContract() throws Exception {
        HttpResponse<byte[]> r = get("/api/messages/" + Links.encode(TinyArchive.REPLY_ID));
        assertEquals(200, r.statusCode());
        JsonNode got = JSON.readTree(r.body());
        assertEquals(TinyArchive.REPLY_ID, got.get("messageId").asText());
        assertEquals("reply", got.get("kind").asText());
        assertEquals("Acked-by", got.get("trailers").get(1).get("kind").asText());
    }

    @Test
    void duplicateVersionsApart() throws Exception {
        JsonNode first = JSON.readTree(get("/api/messages/" + TinyArchive.DUP_ID).body());
        JsonNode second = JSON.readTree(get("/api/messages/" + TinyArchive.DUP_ID + "?version=2").body());
        assertTrue(first.get("flags").toString().contains("duplicate_id") || second.get("flags").toString().contains("duplicate_id"));
        String page = text(get("/all/" + TinyArchive.DUP_ID + "/"));
        assertTrue(page.contains("The first text."));
        assertTrue(page.contains("The second text, changed."));
        assertTrue(page.contains("2 different messages were stored"));
    }

    @Test
    void rawIsTheStoredBytes() throws Exception {
        HttpResponse<byte[]> r = get("/linux-rdma/" + Links.encode(TinyArchive.REPLY_ID) + "/raw");
        assertEquals(200, r.statusCode());
        // Jetty writes the type without the space.
        assertEquals("text/plain;charset=utf-8", r.headers().firstValue("content-type").orElse(""));
        assertArrayEquals(TinyArchive.bytes(TinyArchive.REPLY), r.body());
    }

    @Test
    void rawAcceptsLoreEscaping() throws Exception {
        // lore's mid_escape leaves '+', '$' and '@' alone and escapes only '/': a '+' must not become a space.
        HttpResponse<byte[]> r = get("/linux-rdma/reply%2F7+x$1@example.net/raw");
        assertEquals(200, r.statusCode(), () -> text(r));
        assertArrayEquals(TinyArchive.bytes(TinyArchive.REPLY), r.body());
    }

    @Test
    void messagePageEscapesMailText() throws Exception {
        HttpResponse<byte[]> r = get("/all/" + TinyArchive.PATCH_ID + "/");
        assertEquals(200, r.statusCode());
        String html = text(r);
        assertFalse(html.contains("<script>"), "mail text reached the page unescaped");
        assertTrue(html.contains("keep &lt;script&gt;alert(1)&lt;/script&gt; aux lifetime"));
        assertTrue(html.contains("<td>Reviewed-by</td><td>Mark Bloch &lt;mbloch@example.org&gt;</td><td>in this message</td>"));
        assertTrue(html.contains("<span class=\"l add\">+\tget_device(&amp;adev-&gt;dev);</span>"));
        assertTrue(html.contains("<code>20261102-aux-lifetime-3f1c2a9b7d10</code>"));
    }

    @Test
    void replyPageLinksItsParentAndMarksQuotedTrailers() throws Exception {
        String html = text(get("/linux-rdma/" + Links.encode(TinyArchive.REPLY_ID) + "/"));
        assertTrue(html.contains("<a href=\"" + Links.message("linux-rdma", TinyArchive.PATCH_ID) + "\">&lt;"
                + TinyArchive.PATCH_ID + "&gt;</a>"));
        assertTrue(html.contains("<tr class=\"quoted\"><td>Reviewed-by</td>"));
        assertTrue(html.contains("<span class=\"l quote\">&gt; The auxiliary device"));
    }

    @Test
    void searchPageHighlightsAfterEscaping() throws Exception {
        HttpResponse<byte[]> r = get("/search?q=lifetime");
        assertEquals(200, r.statusCode());
        String html = text(r);
        assertTrue(html.contains("<mark>lifetime</mark>"), html);
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("href=\"/linux-rdma/" + Links.encode(TinyArchive.REPLY_ID) + "/\""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/search?q=zzzznothing|200|No messages match <code>zzzznothing</code>.",
            "/search?q=s:(mlx5|400|column 8",
            "/linux-rdma/?q=kind:pull|200|rdma fixes for 6.19",
            "/other-list/?q=kind:pull|404|No list other-list in this archive",
            "/nonexistent-page|404|No list nonexistent-page in this archive",
            "/nonexistent-page/|404|<a href=\"/\">Back to the front page</a>",
            "/Linux-RDMA/|404|Not found",
            "/other-list/no-such-id@example.org/|404|No message &lt;no-such-id@example.org&gt; in this archive",
            "/nonexistent-page/raw|404|Not found",
            "/linux-rdma/no-such-id@example.org/|404|No message &lt;no-such-id@example.org&gt; in this archive",
            "/all/?q=kind:pull|200|rdma fixes for 6.19",
            "/all/no-such-id@example.org/|404|No message &lt;no-such-id@example.org&gt; in this archive",
            "/all/no-such-id@example.org/raw|404|Not found",
            "/a/b/c/d|404|Not found",
            "/static/patchlane.css|200|--mono",
            "/|200|Newest messages"})
    void pages(String path, int status, String expected) throws Exception {
        HttpResponse<byte[]> r = get(path.replace("(", "%28"));
        assertEquals(status, r.statusCode(), () -> text(r));
        assertTrue(text(r).contains(expected), () -> text(r));
    }

    @Test
    void homeListsPrefixesAndCounts() throws Exception {
        String html = text(get("/"));
        assertTrue(html.contains("<code>dfn:</code>"));
        assertTrue(html.contains("<tr class=\"list-row\"><th><a href=\"/linux-rdma/\">linux-rdma</a></th><td>5</td></tr>"));
        assertTrue(html.contains("href=\"/search?q=kind%3Apull\""));
    }
}
