package org.patchlane.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The HTML digest: hostile mail text stays text, links go where they should, the charts are inline SVG. */
class DigestHtmlTest {
    private static final DigestLinks LINKS = new DigestLinks("https://patchlane.example.org");
    private static final String MAIL = DigestHtml.mail(DigestFixture.full(), LINKS);
    private static final Document DOC = Jsoup.parse(MAIL);

    @Test
    void hostileTextIsEscapedEverywhere() {
        assertTrue(DOC.select("script").isEmpty(), "no script element");
        assertTrue(DOC.select("img").isEmpty(), "no element from mail text");
        for (Element e : DOC.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertFalse(a.getKey().toLowerCase().startsWith("on"), () -> "handler " + a + " on " + e.tagName());
                assertFalse(a.getValue().strip().toLowerCase().startsWith("javascript:"), () -> "link " + a);
            }
        }
        assertTrue(DOC.select("a[href]").stream().allMatch(a -> a.attr("href").startsWith("https://patchlane.example.org/")),
                "every link is one of the site's, absolute for a mail");
        String text = DOC.text();
        assertTrue(text.contains(DigestFixture.HOSTILE), "the hostile text is shown as text, in full");
        assertTrue(text.contains("<a href=\"javascript:alert(1)\">click</a>"));
    }

    @Test
    void everyLineLinksItsSeriesPage() {
        Set<String> ids = new LinkedHashSet<>();
        for (Element a : DOC.select("a.digest-series")) {
            assertEquals(LINKS.series(a.attr("data-series")), a.attr("href"));
            ids.add(a.attr("data-series"));
        }
        assertEquals(Set.copyOf(DigestFixture.seriesIds()), ids);
        assertEquals(18, DOC.select("a.digest-series").size(), "one link per line, as the text has one footnote per line");
        assertEquals("https://patchlane.example.org/all/20261116110240.GH41260%40unreal/",
                DOC.select("a.mail").stream().map(a -> a.attr("href")).filter(h -> h.contains("GH41260")).findFirst()
                        .orElseThrow());
    }

    @Test
    void theMailCarriesItsStylesheetAndTheChartsAreInlineSvg() {
        assertTrue(DOC.select("link[rel=stylesheet]").isEmpty(), "a mail client fetches nothing");
        assertTrue(DOC.selectFirst("head style").data().contains(".digest-lines"), "the site's CSS is embedded");
        assertEquals(2, DOC.select("svg.chart").size());
        Element activity = DOC.getElementById("digest-activity");
        assertEquals("Activity per week", activity.selectFirst("title").text());
        assertEquals(6 * 3, activity.select("rect.bar").size(), "series, versions and acks for six weeks");
        assertTrue(activity.select("rect.bar").stream().allMatch(r -> !r.attr("fill").isEmpty()),
                "bars are coloured without the stylesheet");
        assertEquals("2026-W47: 12 acks", activity.select("rect.bar").last().selectFirst("title").text());
        Element review = DOC.getElementById("digest-review");
        assertEquals("2026-W44: no first review", review.select("rect.bar title").get(2).text());
        assertEquals("720", activity.attr("width"));
    }

    @Test
    void figuresAreATableWithTheirComparisons() {
        Element series = DOC.selectFirst("tr[data-figure=series]");
        assertEquals(List.of("4 series", "+3", "1", "2"), series.children().eachText());
        assertEquals("Patchlane digest: linux-rdma 2026-W47", DOC.title());
    }

    @Test
    void aWeekLinksItsPageAndARangeDoesNot() {
        assertEquals("https://patchlane.example.org/digest/2026-W47", DOC.select("a").last().attr("href"));
        Digest full = DigestFixture.full();
        Digest range = new Digest(Period.range("2026-11-16", "2026-11-30"), full.generated(), full.list(), full.figures(),
                full.previous(), full.fourWeeks(), full.trend(), full.groups(), full.waitingOnYou());
        Document doc = Jsoup.parse(DigestHtml.mail(range, LINKS));
        assertTrue(doc.select("a[href*=/digest/]").isEmpty(), "a range has no page on the site");
        assertEquals("2026-11-16 to 2026-11-29", doc.selectFirst(".digest-dates").text());
        List<String> text = TextDigest.lines(range, LINKS);
        assertTrue(text.stream().noneMatch(l -> l.contains("/digest/")), "nor in its text");
        assertEquals("Patchlane digest: linux-rdma 2026-11-16..2026-11-30 (2026-11-16 to 2026-11-29)", text.get(0));
        // a range is compared with the range before it, as long, never with "last week"
        assertTrue(text.contains("  4 series (+3 on the 14 days before, 2 per 14 days before)"), String.join("\n", text));
        assertTrue(text.stream().noneMatch(l -> l.contains("week before") || l.contains("last week")));
        assertEquals("on the 14 days before", doc.select(".digest-table th").get(1).text());
        assertTrue(doc.select(".digest-table").text().indexOf("week") < 0, doc.select(".digest-table").text());
    }

    @Test
    void anEmptyDigestSaysSo() {
        Document empty = Jsoup.parse(DigestHtml.mail(DigestFixture.empty(), LINKS));
        assertEquals("Nothing happened on linux-rdma in 2026-W47 (2026-11-16 to 2026-11-22).",
                empty.selectFirst(".digest-empty").text());
        assertTrue(empty.select("svg, .digest-group").isEmpty());
    }
}
