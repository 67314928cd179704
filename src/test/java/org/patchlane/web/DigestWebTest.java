package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.digest.DigestFixture;
import org.patchlane.digest.DigestLinks;

/** The digest pages, feed and API over HTTP, on the fixture's digests, on 2026-11-25 (week 48). */
class DigestWebTest {
    static final String SITE = "https://patchlane.example.org";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    static Path dir;
    static ServedArchive served;

    /** The tiny archive, serving the fixture's digests as of {@code now}. */
    static ServedArchive serve(Path dir, Instant now) throws IOException {
        return ServedArchive.of(dir, ServedArchive.on("linux-rdma", TinyArchive.PATCH, TinyArchive.REPLY),
                searcher -> new App(searcher).digests(DigestFixture.source(), new DigestLinks(SITE),
                        d -> Map.of("week", d.period().label(), "series", d.figures().series()),
                        Clock.fixed(now, ZoneOffset.UTC)));
    }

    @BeforeAll
    static void start() throws IOException {
        served = serve(dir, Instant.parse("2026-11-25T09:00:00Z"));
    }

    @AfterAll
    static void stop() throws IOException {
        served.close();
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(served.base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDigestPageIsTheLatestCompleteWeek() throws Exception {
        HttpResponse<String> r = get("/digest");
        assertEquals(200, r.statusCode());
        Document doc = Jsoup.parse(r.body());
        assertEquals("2026-W47", doc.selectFirst("article.digest").attr("data-week"));
        assertEquals("/digest/2026-W46", doc.selectFirst("a.digest-prev").attr("href"));
        assertNull(doc.selectFirst("a.digest-next"), "week 48 has not ended");
        assertTrue(doc.select("nav.nav a").eachText().contains("Digest"), "the header links the digest");
        assertEquals("/series/8d107a81e5c7", doc.selectFirst("a.digest-series").attr("href"), "site-relative on the web");
        assertTrue(doc.select("link[rel=stylesheet]").size() == 1 && doc.select("style, [style]").isEmpty(),
                "the page keeps to the CSP: the stylesheet linked, nothing inline");
        assertTrue(doc.select("script:not([src])").isEmpty());
    }

    @Test
    void anEarlierWeekLinksBothWaysAndKeepsTheList() throws Exception {
        Document doc = Jsoup.parse(get("/digest/2026-W46?list=linux-rdma").body());
        assertEquals("2026-W46", doc.selectFirst("article.digest").attr("data-week"));
        assertEquals("/digest/2026-W45?list=linux-rdma", doc.selectFirst("a.digest-prev").attr("href"));
        assertEquals("/digest/2026-W47?list=linux-rdma", doc.selectFirst("a.digest-next").attr("href"));
        assertEquals("Patchlane digest: linux-rdma 2026-W46", doc.selectFirst("article h1").text());
        Element selected = doc.selectFirst("select[name=list] option[selected]");
        assertEquals("linux-rdma", selected.attr("value"));
        assertTrue(Jsoup.parse(get("/digest/2026-W46").body()).selectFirst("article h1").text().endsWith("all lists 2026-W46"));
        assertTrue(get("/digest/2026-W44").body().contains("Nothing happened on the lists in 2026-W44"));
    }

    @Test
    void aBadWeekIsA404PageAndA400InTheApi() throws Exception {
        for (String week : List.of("2026-W60", "nonsense", "2027-W01")) {
            HttpResponse<String> page = get("/digest/" + week);
            assertEquals(404, page.statusCode(), week);
            assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
            HttpResponse<String> api = get("/api/digest/" + week);
            assertEquals(400, api.statusCode(), week);
            assertTrue(new ObjectMapper().readTree(api.body()).get("error").asText().contains(week.equals("2027-W01")
                    ? "has not begun" : week));
        }
        assertEquals(400, get("/digest/2026-W46?list=%3Cscript%3E").statusCode());
        JsonNode ok = new ObjectMapper().readTree(get("/api/digest/2026-W47").body());
        assertEquals("2026-W47", ok.get("week").asText());
        assertEquals(4, ok.get("series").asInt());
    }

    @Test
    void theFeedHasOneEntryPerPastWeekNewestFirst() throws Exception {
        HttpResponse<String> r = get("/digest.atom?list=linux-rdma");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/atom+xml"));
        Document feed = Jsoup.parse(r.body(), "", Parser.xmlParser());
        List<String> links = feed.select("entry > link").eachAttr("href");
        assertEquals(DigestRoutes.FEED_WEEKS, links.size());
        assertEquals(SITE + "/digest/2026-W47?list=linux-rdma", links.get(0));
        assertEquals(SITE + "/digest/2026-W46?list=linux-rdma", links.get(1));
        assertEquals("linux-rdma 2026-W47: 4 new series, 12 acks, 3 waiting", feed.selectFirst("entry > title").text());
        Element content = feed.selectFirst("entry > content");
        assertEquals("html", content.attr("type"));
        Document body = Jsoup.parse(content.text());
        assertTrue(body.select("script, img").isEmpty(), "the HTML inside the feed is escaped mail text too");
        assertEquals(SITE + "/series/8d107a81e5c7", body.selectFirst("a.digest-series").attr("href"));
        assertTrue(feed.select("entry > title").eachText().contains("linux-rdma 2026-W44: nothing new"));
    }
}
