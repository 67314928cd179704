package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reading pages over HTTP: thread page and JSON, series filters and counts, status page and JSON. */
class PagesTest {
    @TempDir
    static Path dir;
    static ThreadArchive archive;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        archive = new ThreadArchive(dir);
    }

    @AfterAll
    static void stop() throws IOException {
        archive.close();
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(archive.base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** id, depth, missing of each node, depth first. */
    private static void flatten(JsonNode n, List<String> out) {
        out.add(n.get("messageId").asText() + " " + n.get("depth").asInt() + (n.get("missing").asBoolean() ? " missing" : ""));
        for (JsonNode r : n.get("replies")) flatten(r, out);
    }

    @Test
    void threadJsonNestsTheWholeThreadFromAnyOfItsMessages() throws Exception {
        List<String> want = List.of(ThreadArchive.COVER + " 0", ThreadArchive.PATCH1 + " 1", ThreadArchive.REVIEW + " 2",
                ThreadArchive.ANSWER + " 3", ThreadArchive.PATCH2 + " 1", ThreadArchive.LOST + " 1 missing",
                ThreadArchive.ORPHAN + " 2", ThreadArchive.TOPIC + " 1");
        for (String from : List.of(ThreadArchive.ANSWER, ThreadArchive.COVER, ThreadArchive.ORPHAN)) {
            HttpResponse<String> r = get("/api/threads/" + Links.encode(from));
            assertEquals(200, r.statusCode(), r::body);
            assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
            JsonNode got = JSON.readTree(r.body());
            assertEquals(from, got.get("messageId").asText());
            assertEquals(ThreadArchive.COVER, got.get("root").asText());
            assertEquals(7, got.get("messages").asInt(), "the phantom is not a stored message");
            List<String> nodes = new ArrayList<>();
            flatten(got.get("thread"), nodes);
            assertEquals(want, nodes, "from " + from);
        }
        JsonNode review = JSON.readTree(get("/api/threads/" + ThreadArchive.REVIEW).body()).get("thread")
                .get("replies").get(0).get("replies").get(0);
        assertEquals("Bob Reviewer", review.get("from").get("name").asText());
        assertEquals("2026-11-11T08:00:00Z", review.get("date").asText());
        assertEquals("reply", review.get("kind").asText());
        assertEquals(List.of("linux-rdma"), JSON.convertValue(review.get("lists"), List.class));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/threads/nope@example.org|404|{\"error\": \"No message <nope@example.org> in this archive\"}",
            "/api/status?x=1|200|",
            "/api/threads/|404|"})
    void apiAnswersJsonWithStatus(String path, int status, String body) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(status, r.statusCode(), r::body);
        assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
        if (body != null) assertEquals(JSON.readTree(body), JSON.readTree(r.body()));
    }

    @Test
    void threadPageNestsFoldsQuotesAndMarksTrailers() throws Exception {
        HttpResponse<String> r = get("/linux-rdma/" + Links.encode(ThreadArchive.REVIEW) + "/T/");
        assertEquals(200, r.statusCode(), r::body);
        String html = r.body();
        // Reading order and depth, by anchor.
        List<String> order = new ArrayList<>();
        Matcher m = Pattern.compile("<li class=\"tmsg[^\"]*indent-(\\d)[^\"]*\" id=\"(m[0-9a-f]{16})\"").matcher(html);
        while (m.find()) order.add(m.group(2) + " " + m.group(1));
        assertEquals(List.of(Links.anchor(ThreadArchive.COVER) + " 0", Links.anchor(ThreadArchive.PATCH1) + " 1",
                Links.anchor(ThreadArchive.REVIEW) + " 2", Links.anchor(ThreadArchive.ANSWER) + " 3",
                Links.anchor(ThreadArchive.PATCH2) + " 1", Links.anchor(ThreadArchive.LOST) + " 1",
                Links.anchor(ThreadArchive.ORPHAN) + " 2", Links.anchor(ThreadArchive.TOPIC) + " 1"), order);
        assertTrue(html.contains("<li class=\"tmsg nav-item indent-2 focus\" id=\"" + Links.anchor(ThreadArchive.REVIEW) + "\">"),
                "the URL's message is marked");
        assertTrue(html.contains("<details class=\"quote\"><summary>4 quoted lines: The doorbell page is still mapped when the context goes away.</summary>"), html);
        assertTrue(html.contains("<span class=\"l trailer\">Reviewed-by: Bob Reviewer &lt;bob@example.org&gt;</span>"));
        assertTrue(html.contains("<span class=\"l trailer\">Tested-by: Dave Late &lt;dave@example.org&gt;</span>"));
        assertTrue(html.contains("<span class=\"l quote\">&gt; Signed-off-by: Alice Author &lt;alice@example.org&gt;</span>"),
                "a quoted trailer is quote, not a trailer");
        assertTrue(html.contains("<span class=\"l add\">+\tmlx5_ib_free_db_last(ctx);</span>"));
        assertTrue(html.contains("<span class=\"l hunk\">@@ -20,3 +20,3 @@"));
        assertTrue(html.contains("&lt;" + ThreadArchive.LOST + "&gt; is not in this archive"));
        // Subjects only where they change: the review repeats its patch's, the topic reply has its own.
        assertFalse(html.contains("<span class=\"subject\">Re: [PATCH v2 1/2]"));
        assertTrue(html.contains("<span class=\"subject\">mlx5 teardown in general (was: Re: [PATCH v2 0/2] " + ThreadArchive.TITLE + ")</span>"));
        assertTrue(html.contains("<span class=\"subject\">[PATCH v2 2/2] RDMA/mlx5: drop the stale counter</span>"));
        assertTrue(html.contains("<a class=\"from nav-link\" href=\"" + Links.message("linux-rdma", ThreadArchive.REVIEW) + "\">Bob Reviewer</a>"));
        assertTrue(html.contains("<a class=\"permalink\" href=\"#" + Links.anchor(ThreadArchive.REVIEW) + "\">#</a>"));
        assertEquals(html, get("/all/" + Links.encode(ThreadArchive.REVIEW) + "/T/").body(),
                "/all/ shows the same thread, each message linked on its own list");
    }

    @Test
    void messagePageLinksItsThreadAndRawDownload() throws Exception {
        String html = get("/linux-rdma/" + Links.encode(ThreadArchive.PATCH1) + "/").body();
        assertTrue(html.contains("<a class=\"threadlink\" href=\"" + Links.thread("linux-rdma", ThreadArchive.PATCH1) + "#"
                + Links.anchor(ThreadArchive.PATCH1) + "\">thread</a>"), html);
        assertTrue(html.contains("href=\"" + Links.raw("linux-rdma", ThreadArchive.PATCH1) + "\" download=\"patch1-v2_example.org.eml\""));
        assertTrue(html.contains("<span class=\"l meta\">diff --git a/drivers/infiniband/hw/mlx5/main.c"));
        assertTrue(html.contains("<span class=\"l del\">-\tmlx5_ib_free_db(ctx);</span>"));
        assertTrue(html.contains("<span class=\"l trailer\">Signed-off-by: Alice Author &lt;alice@example.org&gt;</span>"));
        assertTrue(html.contains("<tr><th>Message-ID:</th><td>&lt;" + ThreadArchive.PATCH1 + "&gt;</td></tr>"));
        assertEquals(404, get("/linux-rdma/nope@example.org/T/").statusCode());
    }

    @Test
    void seriesFormComposesFiltersAndCountsStates() throws Exception {
        HttpResponse<String> r = get("/series?list=netdev&state=new&person=&area=&kind=any&q=");
        assertEquals(200, r.statusCode(), r::body);
        String html = r.body();
        assertTrue(html.contains("<a class=\"q\" href=\"/series?q=list%3Anetdev%20AND%20state%3Anew\""), html);
        assertTrue(html.contains("<option value=\"netdev\" selected>netdev</option>"));
        assertTrue(html.contains("<option value=\"new\" selected>new</option>"));
        assertEquals(2, count(html, "<tr class=\"series-row nav-item\">"), "netdev's two new series");
        assertTrue(html.contains("1–2 of 2 series"));
        // Per state, the same filter's counts; each state of the enum is offered.
        for (String s : SeriesFilter.states()) assertTrue(html.contains("<option value=\"" + s + "\""), s);
        assertTrue(html.contains("<span class=\"state state-new\">new</span> 2</a>"));
        assertTrue(html.contains("<span class=\"state state-under-review\">under-review</span> 0</a>"));
        assertTrue(html.contains("<a class=\"state-count\" href=\"/series?list=netdev&amp;state=under-review\">"), html);

        String rdma = get("/series?list=linux-rdma").body();
        assertEquals(1, count(rdma, "<tr class=\"series-row nav-item\">"));
        assertTrue(rdma.contains(ThreadArchive.TITLE));
        assertTrue(rdma.contains("<span class=\"state state-under-review\">under-review</span> 1</a>"), rdma);

        String person = get("/series?person=" + Links.encode("Bob Reviewer")).body();
        assertEquals(1, count(person, "<tr class=\"series-row nav-item\">"), "Bob reviewed the rdma series only");

        // A link term (kind:) is checked per series: the counts come from the same pass.
        String other = get("/series?kind=other").body();
        assertEquals(3, count(other, "<tr class=\"series-row nav-item\">"), "without a policy every series is other");
        assertTrue(other.contains("<span class=\"state state-new\">new</span> 2</a>"), other);
        assertTrue(other.contains("<span class=\"state state-under-review\">under-review</span> 1</a>"));
        String driverNew = get("/series?kind=other&state=new").body();
        assertEquals(2, count(driverNew, "<tr class=\"series-row nav-item\">"));
        assertTrue(driverNew.contains("<a class=\"state-count current\" href=\"/series?state=new&amp;kind=other\">"), driverNew);
        assertTrue(get("/series?kind=driver").body().contains("No series match kind:driver."));

        String none = get("/series?list=netdev&state=rfc").body();
        assertTrue(none.contains("No series match list:netdev AND state:rfc."), none);
        HttpResponse<String> bad = get("/series?state=bogus");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Cannot read the query"));
    }

    @Test
    void statusJsonAndPageChartTheDays() throws Exception {
        JsonNode got = JSON.readTree(get("/api/status").body());
        assertEquals(9, got.get("stats").get("messages").asInt());
        assertTrue(got.get("stats").get("indexBytes").asLong() > 0);
        assertTrue(got.get("lastIngest").isNull());
        assertEquals(0, got.get("sources").size());
        assertEquals(JSON.readTree("""
                {"first": "2026-11-10", "last": "2026-11-15", "total": 9, "counts": [3, 2, 1, 1, 1, 1]}"""),
                got.get("messagesPerDay"));

        String html = get("/status").body();
        assertTrue(html.contains("<svg class=\"chart\""));
        assertEquals(6, count(html, "<rect class=\"bar\""));
        assertTrue(html.contains("<title>2026-11-10: 3 messages</title>"));
        assertTrue(html.contains("<title>2026-11-15: 1 message</title>"));
        assertTrue(html.contains("<title>Messages per day, 2026-11-10 to 2026-11-15</title>"));
        assertTrue(html.contains("<tr><th>last ingest</th><td>not recorded</td></tr>"));
        assertTrue(get("/sources").body().contains("href=\"/status\""), "/sources links the status page");
    }

    @Test
    void searchPagePagesAndHelpsWithTheSyntax() throws Exception {
        String html = get("/search?q=" + Links.encode("s:mlx5")).body();
        assertTrue(html.contains("<details class=\"syntax-help\" id=\"syntax\">"));
        assertTrue(html.contains("<code>dfn:</code>"));
        assertTrue(html.contains("1–7 of 7, newest first"), html);
        assertTrue(html.contains("<li class=\"hit nav-item\">"));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }
}
