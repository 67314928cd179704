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

/** The links, checks and together routes: the JSON API's exact shapes, the series page's panels and graph, /together. */
class LinksWebTest {
    @TempDir
    static Path dir;
    static LinkedArchive widgets;
    static LinkedArchive demo;
    static String core;
    static String driver;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        widgets = LinkedArchive.widgets(dir.resolve("widgets"));
        demo = LinkedArchive.demo(dir.resolve("demo"));
        core = JSON.readTree(get(widgets, "/api/series/" + LinkedArchive.CORE_V2).body()).get("series").asText();
        driver = JSON.readTree(get(widgets, "/api/series/" + LinkedArchive.DRIVER).body()).get("series").asText();
    }

    @AfterAll
    static void stop() throws IOException {
        if (widgets != null) widgets.close();
        if (demo != null) demo.close();
    }

    static HttpResponse<String> get(LinkedArchive site, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(site.base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void assertJson(int status, String expected, HttpResponse<String> r) throws IOException {
        assertEquals(status, r.statusCode(), r::body);
        assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
        JsonNode got = JSON.readTree(r.body());
        assertEquals(JSON.readTree(expected), got, () -> "got " + got.toPrettyString());
    }

    @Test
    void linksJsonOfTheDriverSeries() throws Exception {
        // Built on v1 by its marker and by the symbol only v1 has: an outdated prerequisite.
        assertJson(200, """
                {"series": "%2$s", "title": "widget/hw: hold the <b>widget</b> while probing",
                 "prerequisites": [
                   {"series": "%1$s", "title": "widget: add <script>alert(1)</script> frob helpers", "version": 1,
                    "latestVersion": 2, "ownVersion": 1, "kind": "change-id",
                    "evidence": "prerequisite-change-id: 20261201-widget-frob-0a1b2c3d4e5f:v1",
                    "givenIn": "widget-hw-v1@example.org", "confidence": 1.0, "edit": null},
                   {"series": "%1$s", "title": "widget: add <script>alert(1)</script> frob helpers", "version": 1,
                    "latestVersion": 2, "ownVersion": 1, "kind": "symbol",
                    "evidence": "uses widget_frob_get (added by v1)",
                    "givenIn": "widget-hw-v1@example.org", "confidence": 0.6, "edit": null}],
                 "users": [], "removedPrerequisites": [], "removedUsers": []}
                """.formatted(core, driver), get(widgets, "/api/series/" + LinkedArchive.DRIVER + "/links"));
        // Any key of the series answers the same object; the other side sees it as a user.
        assertEquals(JSON.readTree(get(widgets, "/api/series/" + driver + "/links").body()),
                JSON.readTree(get(widgets, "/api/series/" + LinkedArchive.DRIVER + "/links").body()));
        JsonNode users = JSON.readTree(get(widgets, "/api/series/" + core + "/links").body()).get("users");
        assertEquals(driver, users.get(0).get("series").asText());
        assertEquals("change-id", users.get(0).get("kind").asText());
        assertEquals(1, users.get(0).get("ownVersion").asInt(), "the user was built on v1 of the core series");
    }

    @Test
    void checksJsonOfBothSeries() throws Exception {
        assertJson(200, """
                {"series": "%s", "title": "widget/hw: hold the <b>widget</b> while probing", "version": 1,
                 "infrastructure": false,
                 "areas": [{"name": "widget driver", "kind": "driver", "paths": ["drivers/widget/hw/foo.c"],
                            "maintainers": [{"name": "Dave Driver", "email": "dave@example.org"}]}],
                 "uapi": [], "exports": [],
                 "checks": [
                   {"name": "posted-together", "verdict": "n/a",
                    "evidence": ["not infrastructure: touches widget driver (driver)"], "missing": []},
                   {"name": "exports", "verdict": "n/a", "evidence": ["the latest version adds no EXPORT_SYMBOL"],
                    "missing": []},
                   {"name": "required-acks", "verdict": "n/a",
                    "evidence": ["not infrastructure: touches widget driver (driver)"], "missing": []},
                   {"name": "prerequisite-state", "verdict": "fail",
                    "evidence": ["\\"widget: add <script>alert(1)</script> frob helpers\\" (%s, v2): new, 0 acks and reviews on v2; built on v1, but v2 is the latest (change-id)"],
                    "missing": []}]}
                """.formatted(driver, core), get(widgets, "/api/series/" + driver + "/checks"));
        JsonNode infra = JSON.readTree(get(widgets, "/api/series/" + core + "/checks").body());
        assertTrue(infra.get("infrastructure").asBoolean());
        assertEquals("[\"widget_frob_tryget\"]", infra.get("exports").toString());
        JsonNode acks = infra.get("checks").get(2);
        assertEquals("required-acks", acks.get("name").asText());
        assertEquals("fail", acks.get("verdict").asText());
        assertEquals("""
                [{"name":"Wendy Core","email":"wendy@example.org","area":"widget core"},\
                {"name":"Dave Driver","email":"dave@example.org","area":"widget driver"}]""",
                acks.get("missing").toString());
    }

    @Test
    void togetherJson() throws Exception {
        HttpResponse<String> r = get(widgets, "/api/together?q=" + Links.encode("list:widgets"));
        assertEquals(200, r.statusCode(), r::body);
        JsonNode got = JSON.readTree(r.body());
        assertEquals("list:widgets", got.get("query").asText());
        assertEquals(1, got.get("infrastructure").size(), "only the core series is infrastructure");
        JsonNode e = got.get("infrastructure").get(0);
        assertEquals(JSON.readTree("""
                {"series": "%s", "title": "widget: add <script>alert(1)</script> frob helpers", "version": 2,
                 "state": "new", "lastActivity": "2026-12-03T09:00:00Z", "exports": ["widget_frob_tryget"]}
                """.formatted(core)), JSON.readTree(JSON.writeValueAsString(
                        ((com.fasterxml.jackson.databind.node.ObjectNode) e.deepCopy()).retain("series", "title",
                                "version", "state", "lastActivity", "exports"))));
        assertEquals(driver, e.get("users").get(0).get("series").asText());
        assertEquals(4, e.get("checks").size());
        assertEquals("{\"query\":\"list:nothing-here\",\"infrastructure\":[]}",
                JSON.readTree(get(widgets, "/api/together?q=list:nothing-here").body()).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/series/nosuch@example.org/links|404|{\"error\": \"No series nosuch@example.org in this archive\"}",
            "/api/series/nosuch@example.org/checks|404|{\"error\": \"No series nosuch@example.org in this archive\"}",
            "/api/together?q=s:(|400|{\"error\": \"unexpected end of query at column 4: expected a word, a \\\"phrase\\\" or '('\", \"column\": 4}",
            "/api/series/x/links/more|404|{\"error\": \"No API endpoint /api/series/x/links/more\"}"})
    void apiErrors(String path, int status, String expected) throws Exception {
        assertJson(status, expected, get(widgets, path.replace("(", "%28")));
    }

    @Test
    void seriesPageShowsPanelsAndGraphWithTitlesAsText() throws Exception {
        HttpResponse<String> r = get(widgets, "/series/" + driver);
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertFalse(html.contains("<script>") || html.contains("<b>widget"), "a title reached the page as HTML");
        for (String panel : new String[] {"id=\"checks\"", "id=\"prerequisites\"", "id=\"users\"", "<svg class=\"graph\""}) {
            assertTrue(html.contains(panel), panel);
        }
        // The outdated prerequisite, in its panel and in the graph; the failing check in both.
        assertTrue(html.contains("<li class=\"linked-series outdated\">\n<a class=\"subject\" href=\"/series/" + core
                + "\">widget: add &lt;script&gt;alert(1)&lt;/script&gt; frob helpers</a>"), html);
        assertTrue(html.contains("built on v1 · latest v2 · outdated"));
        assertTrue(html.contains("<tr class=\"check failed\"><th>prerequisite-state</th><td><span class=\"verdict verdict-fail\">fail</span>"));
        assertTrue(html.contains("<g class=\"box outdated\"><title>prerequisite: \"widget: add &lt;script&gt;alert(1)&lt;/script&gt; frob helpers\" ("
                + core + "), built on v1, latest v2; strongest link: change-id</title>"), html);
        assertTrue(html.contains("<g class=\"box self failing\">"));
        assertTrue(html.contains(">widget: add &lt;script&gt;alert(1)&lt;/…</text>"), "the title is shortened, escaped");
        assertTrue(html.contains("<g class=\"arrow outdated\"><path d=\""));
        assertTrue(html.contains("marker-end=\"url(#graph-head-warn)\"/><text"));
        assertTrue(html.contains("1 check failed"));
        assertTrue(html.contains("<p class=\"empty\">No user found"));
        // The infrastructure series: its user, the people still to ack with their areas.
        String infra = get(widgets, "/series/" + core).body();
        assertTrue(infra.contains("<a class=\"subject\" href=\"/series/" + driver
                + "\">widget/hw: hold the &lt;b&gt;widget&lt;/b&gt; while probing</a>"));
        assertTrue(infra.contains("<li>missing: Wendy Core &lt;wendy@example.org&gt; <span class=\"meta\">(widget core)</span></li>"));
        assertTrue(infra.contains("<a href=\"/series/" + driver + "\" class=\"graph-link\">"));
    }

    @Test
    void demoInfrastructurePage() throws Exception {
        String html = get(demo, "/series/" + Links.encode(LinkedArchive.DEMO_INFRA)).body();
        assertTrue(html.contains("AUXILIARY BUS DRIVER (infrastructure)"));
        assertTrue(html.contains("<li>missing: Greg Kroah-Hartman &lt;gregkh@linuxfoundation.org&gt; <span class=\"meta\">(AUXILIARY BUS DRIVER)</span></li>"));
        Matcher boxes = Pattern.compile("<g class=\"box[^\"]*\"><title>").matcher(html);
        int n = 0;
        while (boxes.find()) n++;
        assertEquals(4, n, "the series and its three users: mlx5, irdma, hns");
        assertTrue(html.contains(">same-thread</text>") && html.contains(">change-id</text>")
                && html.contains(">symbol</text>"));
    }

    @Test
    void togetherPage() throws Exception {
        HttpResponse<String> r = get(widgets, "/together");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("<a class=\"subject\" href=\"/series/" + core
                + "\">widget: add &lt;script&gt;alert(1)&lt;/script&gt; frob helpers</a>"));
        assertTrue(html.contains("<li><a href=\"/series/" + driver + "\">widget/hw: hold the &lt;b&gt;widget&lt;/b&gt; while probing</a> <span class=\"badge\">change-id</span></li>"));
        assertTrue(html.contains("required-acks <span class=\"verdict verdict-fail\">fail</span> <span class=\"meta\">missing Wendy Core, Dave Driver</span>"));
        assertTrue(html.contains("<a href=\"/together\">Together</a>"), "linked from the header");
        assertTrue(get(widgets, "/").body().contains("href=\"/together\""), "linked from the home page");

        HttpResponse<String> bad = get(widgets, "/together?q=s:%28");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("Cannot read the query:"));
        assertTrue(bad.body().contains("value=\"s:(\""));
        assertTrue(get(widgets, "/together?q=list:nothing-here").body().contains("No open infrastructure series match."));

        // The demo: the typo fix was answered "Applied, thanks!", so only the auxiliary helpers are still open.
        String d = get(demo, "/together").body();
        assertFalse(d.contains("RDMA/core: fix a typo"));
        assertTrue(d.contains("driver core: add auxiliary device lifetime helpers"));
        assertTrue(d.contains("1 open infrastructure series"));
    }
}
