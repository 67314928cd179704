package org.patchlane.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The series page, the interdiff page and API, the mbox route and the message page's series navigation. */
class SeriesPageTest {
    @TempDir
    static Path dir;
    static VersionedArchive archive;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SERIES = "/series/" + VersionedArchive.CHANGE_ID;

    @BeforeAll
    static void start() throws Exception {
        archive = new VersionedArchive(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        archive.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(archive.base + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static Document page(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), r.body());
        assertCspClean(r.body());
        return Jsoup.parse(r.body(), archive.base);
    }

    /** What {@code default-src 'self'} refuses: inline scripts, style attributes, event-handler attributes. */
    static void assertCspClean(String html) {
        Document d = Jsoup.parse(html);
        for (Element s : d.select("script")) assertFalse(s.attr("src").isEmpty(), "inline script");
        assertTrue(d.select("[style]").isEmpty(), "style attribute");
        for (Element e : d.getAllElements()) {
            e.attributes().forEach(a -> assertFalse(a.getKey().startsWith("on"), "event attribute " + a.getKey()));
        }
        assertTrue(d.select("style").isEmpty(), "style element");
    }

    @Test
    void versionsLatestFirstWithDateCoverAndMarkers() throws Exception {
        Document d = page(SERIES);
        assertEquals(List.of("v2", "v1"), d.select("section.version").eachAttr("id"));
        assertEquals(List.of("#v2", "#v1"), d.select("nav.version-tabs a").eachAttr("href"));
        Element v2 = d.getElementById("v2");
        assertTrue(v2.select(".version-meta").text().contains("posted 2026-11-11 10:00"), v2.text());
        assertEquals(Links.message("", VersionedArchive.V2_COVER), v2.select(".version-meta a:contains(cover letter)").attr("href"));
        assertEquals(List.of("base-commit: " + VersionedArchive.BASE, "change-id: " + VersionedArchive.CHANGE_ID),
                v2.select("ul.markers li").eachText());
    }

    @Test
    void matrixShowsFullNamesAndEachMarkLinksItsMessage() throws Exception {
        Element v1 = page(SERIES).getElementById("v1");
        assertTrue(v1.select("th.person").eachText().contains(VersionedArchive.LONG_NAME + " <kw@linux.com>"));
        Element review = v1.selectFirst("td.cell a[title^=Reviewed-by]");
        assertNotNull(review);
        assertEquals("R", review.text());
        assertEquals(Links.message("", VersionedArchive.REVIEW), review.attr("href"));
        // The sign-off is the patch's own: it links to the patch.
        assertEquals(Links.message("", VersionedArchive.V1_P1), v1.selectFirst("td.cell a[title^=Signed-off-by]").attr("href"));
        // The stylesheet no longer cuts the column: the table scrolls instead.
        String css = get("/static/patchlane.css").body();
        assertFalse(Pattern.compile("\\.matrix th\\.person \\{[^}]*(ellipsis|max-width|overflow: hidden)").matcher(css).find());
        assertTrue(css.contains(".matrix-scroll { overflow-x: auto;"));
    }

    @Test
    void eachLaterPatchLinksItsInterdiffAndItsMessage() throws Exception {
        Element v2 = page(SERIES).getElementById("v2");
        String interdiff = SeriesView.interdiffHref("2aa4ee317ba5", "1", "2");
        assertEquals(interdiff, v2.selectFirst("a.interdiff-link").attr("href"));
        assertEquals(List.of(interdiff + "#p1", interdiff + "#p2", interdiff + "#p3"),
                v2.select("td.patch-links a:contains(interdiff v1→v2)").eachAttr("href"));
        assertEquals(Links.raw("", VersionedArchive.V2_P2), v2.select("td.patch-links a:contains(raw)").get(1).attr("href"));
        assertTrue(page(SERIES).getElementById("v1").select("td.patch-links a:contains(interdiff)").isEmpty());
    }

    @Test
    void applyBoxOffersTheMboxAndB4Line() throws Exception {
        Document d = page(SERIES);
        assertEquals("/series/2aa4ee317ba5/mbox", d.selectFirst("a.mbox-link").attr("href"));
        Element b4 = d.getElementById("b4-am");
        assertTrue(b4.hasAttr("readonly"));
        assertEquals("b4 am " + VersionedArchive.V2_COVER, b4.attr("value"));
        // The copy button needs JavaScript, so it starts hidden; the script is a file.
        assertTrue(d.selectFirst("button.copy").hasAttr("hidden"));
        assertEquals(200, get("/static/copy.js").statusCode());
        // The mbox would write the masked address: said where the mbox is offered, as acks --mbox warns.
        assertEquals(List.of("the mbox writes 3/3 Tested-by: Guenter Roeck <linux@xxxxxxxxxxxx>: the archive masked the "
                + "address and no unmasked one of that person was found"), d.select("#apply ul.problems li").eachText());
    }

    @Test
    void mboxIsTheLatestVersionWithTrailersApplied() throws Exception {
        HttpResponse<String> r = get(SERIES + "/mbox");
        assertEquals(200, r.statusCode());
        assertEquals("application/mbox", r.headers().firstValue("content-type").orElse(""));
        String mbox = r.body();
        assertEquals(3, mbox.split("\nFrom patchlane ", -1).length, mbox);
        assertTrue(mbox.contains("Subject: [PATCH v2 3/3]"));
        // The cover's ack is applied to every patch, after the author's sign-off.
        assertEquals(3, mbox.split("Signed-off-by: Ada Lovelace <ada@example.org>\nAcked-by: Wim Van Sebroeck "
                + "<wim@linux-watchdog.org>\n", -1).length - 1);
        assertEquals(404, get("/series/nosuch/mbox").statusCode());
    }

    @Test
    void interdiffPageColoursItsLines() throws Exception {
        Document d = page(SERIES + "/interdiff?from=1&to=2");
        Element p1 = d.getElementById("p1");
        assertEquals(List.of("-\twritel(FOO_STOP, wdt->base + FOO_CTRL);"),
                p1.select("span.l.del").stream().map(Element::wholeText).toList());
        assertEquals("+\twritel(FOO_STOP | FOO_CLR, wdt->base + FOO_CTRL);", p1.select("span.l.add").first().wholeText());
        assertEquals("@@ -40,6 +40,6 @@", p1.select("span.l.hunk").first().text());
        assertTrue(d.getElementById("p2").select(".scope").text().contains("commit message only"));
        assertTrue(d.getElementById("p3").text().contains("added in v2"));
        assertEquals(400, get(SERIES + "/interdiff?from=x").statusCode());
        assertEquals(404, get(SERIES + "/interdiff?from=7").statusCode());
    }

    @Test
    void interdiffApiDefaultsToPreviousAgainstLatest() throws Exception {
        HttpResponse<String> r = get("/api" + SERIES + "/interdiff");
        assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
        JsonNode j = JSON.readTree(r.body());
        assertEquals("1", j.get("from").asText());
        assertEquals("2", j.get("to").asText());
        assertEquals(2, j.get("paired").asInt());
        assertEquals(List.of("code", "message", "both"), j.get("patches").findValuesAsText("scope"));
        JsonNode file = j.get("patches").get(0).get("files").get(0);
        assertEquals("post-image", file.get("method").asText());
        assertEquals("+\twritel(FOO_STOP | FOO_CLR, wdt->base + FOO_CTRL);", file.get("hunks").get(0).get("lines").get(3).asText());
        assertEquals(JSON.readTree(get("/api" + SERIES + "/interdiff?from=v1&to=2").body()), j);
    }

    @Test
    void interdiffApiPerPatch() throws Exception {
        JsonNode one = JSON.readTree(get("/api" + SERIES + "/interdiff/2").body());
        assertEquals(1, one.get("patches").size());
        assertEquals("message", one.get("patches").get(0).get("scope").asText());
        assertEquals(one, JSON.readTree(get("/api" + SERIES + "/interdiff?patch=2").body()));
        // The reverse direction: patch 3 was dropped going back to v1.
        JsonNode back = JSON.readTree(get("/api" + SERIES + "/interdiff?from=2&to=1&patch=3").body());
        assertEquals("dropped", back.get("patches").get(0).get("pairing").asText());
        assertTrue(back.get("patches").get(0).get("to").isNull());
    }

    /** path | status | error text contained */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/series/20261104-foo-wdt-stop-7a1b2c3d4e5f/interdiff?from=9 | 404 | no version v9 of series 2aa4ee317ba5 (versions: v1, v2)
            /api/series/20261104-foo-wdt-stop-7a1b2c3d4e5f/interdiff?to=1 | 404 | v1 is the first version of series 2aa4ee317ba5
            /api/series/20261104-foo-wdt-stop-7a1b2c3d4e5f/interdiff?from=one | 400 | from must be a version number
            /api/series/20261104-foo-wdt-stop-7a1b2c3d4e5f/interdiff/7 | 404 | no patch 7 in v2 or v1
            /api/series/20261104-foo-wdt-stop-7a1b2c3d4e5f/interdiff/0 | 400 | patch must be a patch number from 1
            /api/series/nosuch/interdiff | 404 | No series nosuch
            """)
    void interdiffApiErrors(String path, int status, String error) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(status, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
        assertTrue(JSON.readTree(r.body()).get("error").asText().contains(error), r.body());
    }

    /** message | series link | cover | previous | next (- for none) */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            20261111-foo-wdt-v2-2-bb22@example.org | #v2 | 20261111-foo-wdt-v2-0-bb22@example.org | 20261111-foo-wdt-v2-1-bb22@example.org | 20261111-foo-wdt-v2-3-bb22@example.org
            20261111-foo-wdt-v2-1-bb22@example.org | #v2 | 20261111-foo-wdt-v2-0-bb22@example.org | - | 20261111-foo-wdt-v2-2-bb22@example.org
            20261104-foo-wdt-v1-2-aa11@example.org | #v1 | 20261104-foo-wdt-v1-0-aa11@example.org | 20261104-foo-wdt-v1-1-aa11@example.org | -
            20261111-foo-wdt-v2-0-bb22@example.org | #v2 | - | - | 20261111-foo-wdt-v2-1-bb22@example.org
            """)
    void messagePageNavigatesTheSeries(String id, String version, String cover, String previous, String next) throws Exception {
        Element nav = page(Links.message("linux-watchdog", id)).selectFirst("nav.series-nav");
        assertNotNull(nav);
        assertEquals("/series/2aa4ee317ba5" + version, nav.selectFirst("a").attr("href"));
        assertEquals(href(cover), attr(nav, "a[rel=up]"));
        assertEquals(href(previous), attr(nav, "a[rel=prev]"));
        assertEquals(href(next), attr(nav, "a[rel=next]"));
    }

    @Test
    void aReplyHasNoSeriesNavigation() throws Exception {
        assertNull(page(Links.message("linux-watchdog", VersionedArchive.REVIEW)).selectFirst("nav.series-nav"));
    }

    private static String href(String id) {
        return id.equals("-") ? null : Links.message("", id);
    }

    private static String attr(Element nav, String css) {
        Element a = nav.selectFirst(css);
        return a == null ? null : a.attr("href");
    }
}
