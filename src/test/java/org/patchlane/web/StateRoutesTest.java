package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.ingest.Analyzer;
import org.patchlane.store.Archive;
import org.patchlane.store.Searcher;
import org.patchlane.store.StoredMessage;
import org.patchlane.thread.Post;
import org.patchlane.thread.SeriesUpdate;

/**
 * {@code POST /api/series/{id}/state} behind the {@link Guard}: refused with 403 and nothing changed without a
 * maintainer; recorded, in the history API and on the series page, with one. The admitting guard here stands in
 * for the login's; it admits a request carrying the header {@code X-Test-Maintainer: yes}.
 */
class StateRoutesTest {
    static final String PATCH_ID = "state-1@example.org";
    static final String PATCH = """
            From: Wei Chen <chenwei172@huawei.com>
            To: linux-rdma@vger.kernel.org
            Subject: [PATCH] RDMA/hns: count the reset references
            Date: Thu, 26 Nov 2026 16:20:00 +0800
            Message-ID: <%s>

            Count them.

            Signed-off-by: Wei Chen <chenwei172@huawei.com>
            ---
            diff --git a/a.c b/a.c
            --- a/a.c
            +++ b/a.c
            @@ -1 +1 @@
            -old
            +new
            """.formatted(PATCH_ID);
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    static final String PASSWORD = "leon's long password";

    @TempDir
    static Path dir;
    static Archive archive;
    static Searcher searcher;
    static App closed;
    static App open;
    static String closedBase;
    static String openBase;

    @BeforeAll
    static void start() throws IOException {
        archive = Archive.open(dir);
        List<Post> posts = new ArrayList<>();
        StoredMessage m = Analyzer.analyze(PATCH.getBytes(StandardCharsets.UTF_8), null, false, "linux-rdma");
        archive.add(m);
        posts.add(m.post());
        SeriesUpdate.apply(posts, archive.posts(), archive::replaceSeries);
        archive.commit(Map.of());
        searcher = archive.searcher();
        searcher.refresh();
        closed = new App(searcher);
        closedBase = "http://127.0.0.1:" + closed.start("127.0.0.1", 0).port();
        Path conf = Files.writeString(dir.resolve("patchlane.conf"), "[user \"leon\"]\n\temail = leon@kernel.org\n"
                + "\tpasswordHash = " + Passwords.hash(PASSWORD) + "\n");
        open = new App(searcher, () -> null, org.patchlane.review.Policy.of(org.patchlane.review.Maintainers.NONE),
                Auth.of(org.patchlane.git.ConfigFile.read(conf)));
        openBase = "http://127.0.0.1:" + open.start("127.0.0.1", 0).port();
    }

    @AfterAll
    static void stop() throws IOException {
        closed.stop();
        open.stop();
        searcher.close();
        archive.close();
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder post(String base, String type, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/series/" + PATCH_ID + "/state"))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static JsonNode history() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(closedBase + "/api/series/" + PATCH_ID + "/history")));
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void withoutAMaintainerAPostIs403AndChangesNothing() throws Exception {
        int before = history().get("history").size();
        LoginTest.Browser stranger = new LoginTest.Browser(openBase);
        stranger.get("/series/" + PATCH_ID);
        for (HttpResponse<String> r : List.of(
                send(post(closedBase, "application/json", "{\"state\":\"accepted\",\"note\":\"no\"}")),
                send(post(closedBase, "application/x-www-form-urlencoded", "state=rejected&note=no")),
                // a server with maintainers refuses a reader who is not logged in, token or not
                send(post(openBase, "application/json", "{\"state\":\"accepted\"}")),
                stranger.post("/api/series/" + PATCH_ID + "/state", Map.of("state", "accepted", "csrf", "guess")))) {
            assertEquals(403, r.statusCode(), r.body());
        }
        assertEquals(before, history().get("history").size());
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(closedBase + "/series/" + PATCH_ID)));
        assertTrue(page.body().contains("id=\"state\""), "the State panel is shown to everyone");
        assertFalse(page.body().contains("<form class=\"state-form\""), "but its form only to a maintainer");
    }

    @Test
    void aMaintainerRecordsByJsonAndByFormAndThePageShowsTheHistory() throws Exception {
        LoginTest.Browser leon = new LoginTest.Browser(openBase);
        assertEquals(303, leon.login("leon", PASSWORD).statusCode());
        String token = LoginTest.csrf(leon.get("/series/" + PATCH_ID).body());
        leon.headers.put("X-CSRF-Token", token);
        HttpResponse<String> bad = leon.json("/api/series/" + PATCH_ID + "/state", "{\"state\":\"superseded\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        for (String notAnObject : new String[] {"not json", "[\"accepted\"]", "null"}) {
            HttpResponse<String> r = leon.json("/api/series/" + PATCH_ID + "/state", notAnObject);
            assertEquals(400, r.statusCode(), notAnObject);
            assertTrue(JSON.readTree(r.body()).get("error").asText().contains("not a JSON object"), r.body());
        }
        HttpResponse<String> missing = leon.json("/api/series/nope@x/state", "{\"state\":\"accepted\"}");
        assertEquals(404, missing.statusCode(), missing.body());

        HttpResponse<String> ok = leon.json("/api/series/" + PATCH_ID + "/state",
                "{\"state\":\"accepted\",\"note\":\"<b>queued</b> for 6.20\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("accepted", JSON.readTree(ok.body()).get("state").asText());
        leon.headers.remove("X-CSRF-Token");
        HttpResponse<String> form = leon.post("/api/series/" + PATCH_ID + "/state",
                Map.of("csrf", token, "state", "deferred", "note", "after the merge window"));
        assertEquals(303, form.statusCode(), form.body());
        assertTrue(form.headers().firstValue("Location").orElse("").endsWith("#state"));

        JsonNode h = history();
        assertEquals("deferred", h.get("state").asText());
        assertEquals("new", h.get("mailState").asText());
        assertEquals("deferred", h.get("history").get(0).get("to").asText());
        assertEquals("accepted", h.get("history").get(0).get("from").asText());
        assertEquals("leon", h.get("history").get(1).get("by").get("name").asText());
        assertEquals("leon@kernel.org", h.get("history").get(1).get("by").get("email").asText());
        assertTrue(Files.isDirectory(dir.resolve("decisions").resolve("objects")));

        String page = leon.get("/series/" + PATCH_ID).body();
        assertTrue(page.contains("<form class=\"state-form\" method=\"post\" action=\"/api/series/"), page);
        assertTrue(page.contains("value=\"" + token + "\""));
        assertTrue(page.contains("&lt;b&gt;queued&lt;/b&gt; for 6.20"), "a note is escaped");
        assertFalse(page.contains("<b>queued</b>"));
        assertTrue(page.contains("after the merge window"));
        // state: queries honour the decision at once
        assertTrue(searcher.series("state:deferred", 0, 10).total() == 1);
        assertEquals(0, searcher.series("state:new", 0, 10).total());
    }
}
