package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchlane.view.BarChart;
import org.patchlane.report.PersonJson;
import org.patchlane.report.SeriesListJson;
import org.patchlane.report.SourcesJson;
import org.patchlane.report.StatusJson;
import org.patchlane.store.DailyCounts;
import org.patchlane.store.Stats;
import org.patchlane.review.ReviewState;

/** The reading pages' view models: line kinds, folded quotes, the filter's query, paging, the chart. */
class PagesViewModelTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Acked-by: Jason Gunthorpe <jgg@nvidia.com>|trailer",
            "Reviewed-by: Bob <bob@example.org>|trailer",
            "Tested-by: Dave <dave@example.org> # on CX6|trailer",
            "Signed-off-by: Alice <alice@example.org>|trailer",
            "Nacked-by: Greg <greg@example.org>|trailer",
            "NACK|trailer",
            "Reported-and-tested-by: Eve <eve@example.org>|trailer",
            "> Acked-by: Jason Gunthorpe <jgg@nvidia.com>|quote",
            "'  Acked-by: indented, so prose'|plain",
            "Fixes: 0123456789ab (\"x: y\")|plain",
            "Link: https://lore.kernel.org/r/x@y|plain",
            "Acked-by:|plain",
            "Note: Acked-by: is what I want|plain",
            "Cc: stable@vger.kernel.org|plain"})
    void ownReviewTrailersAreMarked(String line, String kind) {
        assertEquals(kind, BodyLine.of(line + "\n").get(0).kind());
    }

    @Test
    void trailersInsideADiffStayDiffLines() {
        String text = String.join("\n", "diff --git a/x b/x", "--- a/x", "+++ b/x", "@@ -1 +1 @@", "-Acked-by: a <a@x>",
                "+Acked-by: b <b@x>", "");
        assertEquals(List.of("meta", "meta", "meta", "hunk", "del", "add"), BodyLine.of(text).stream().map(BodyLine::kind).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // lines (\n-separated, quotes as >) | blocks: q or t with their line counts
            "a;b|t2",
            "> a;> b;c|q2 t1",
            "On x, y wrote:;> a;;b;> c;> d;> e|t1 q1 t2 q3",
            "> only|q1",
            "> a;>;> b|q3"})
    void quotesFoldIntoRuns(String lines, String blocks) {
        List<BodyLine> body = BodyLine.of(lines.replace(';', '\n') + "\n");
        List<String> got = BodyBlock.of(body).stream().map(b -> (b.quote() ? "q" : "t") + b.lines().size()).toList();
        assertEquals(List.of(blocks.split(" ")), got);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "> The page outlives the context.;> Signed-off-by: A|2 quoted lines: The page outlives the context.",
            ">;> > nested text|2 quoted lines: nested text",
            ">|1 quoted line",
            "> 0123456789012345678901234567890123456789012345678901234567890123456789012345|1 quoted line: 01234567890123456789012345678901234567890123456789012345678901234567890…"})
    void foldedQuotesSayHowLongAndHowTheyStart(String lines, String summary) {
        assertEquals(summary, BodyBlock.of(BodyLine.of(lines.replace(';', '\n') + "\n")).get(0).summary());
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
            "[PATCH 1/2] x: y|Re: [PATCH 1/2] x: y|true",
            "Re: [PATCH 1/2] x: y|RE: re: [PATCH 1/2] x: y|true",
            "[PATCH 1/2] x: y|Fwd: [PATCH 1/2] X: Y|true",
            "[PATCH 1/2] x: y|AW: [PATCH 1/2] x: y|true",
            "[PATCH 1/2] x: y|Re[2]: [PATCH 1/2] x: y|true",
            "[PATCH 0/2] x|[PATCH 1/2] x|false",
            "[PATCH 1/2] x: y|other topic (was: Re: [PATCH 1/2] x: y)|false"})
    void aReplyRepeatsItsParentsSubjectOrNot(String parent, String child, boolean same) {
        assertEquals(same, ThreadPage.sameTopic(parent, child));
    }

    @ParameterizedTest(name = "[{index}] {6}")
    @CsvSource(delimiter = '|', value = {
            // list | state | person | area | kind | q | query
            "||||||''",
            "|||||ack:leon OR rb:leon|ack:leon OR rb:leon",
            "linux-rdma|||||ack:leon OR rb:leon|list:linux-rdma AND (ack:leon OR rb:leon)",
            "linux-rdma|under-review||||s:mlx5|list:linux-rdma AND state:under-review AND (s:mlx5)",
            "|NEW|||||state:new",
            "||Jason Gunthorpe|||| (f:\"Jason Gunthorpe\" OR ack:\"Jason Gunthorpe\" OR rb:\"Jason Gunthorpe\" OR tb:\"Jason Gunthorpe\" OR nak:\"Jason Gunthorpe\")",
            "||jgg@nvidia.com||||(f:jgg@nvidia.com OR ack:jgg@nvidia.com OR rb:jgg@nvidia.com OR tb:jgg@nvidia.com OR nak:jgg@nvidia.com)",
            "|||RDMA CORE|||area:\"RDMA CORE\"",
            "|||mlx5|driver||area:mlx5 AND kind:driver",
            "||||any||''",
            "||||Infrastructure||kind:infrastructure",
            "|||a\"b|||area:ab",
            "'  netdev  '|||||' d:1.week.ago.. '|list:netdev AND (d:1.week.ago..)"})
    void theFormComposesOneQuery(String list, String state, String person, String area, String kind, String q,
                                 String query) {
        assertEquals(query.strip(), new SeriesFilter(list, state, person, area, kind, q).query());
    }

    @Test
    void theStatesOfTheFormAreTheEnumsOwn() {
        assertEquals(ReviewState.ofSeries().stream().map(ReviewState::jsonName).toList(), SeriesFilter.states());
        assertTrue(SeriesFilter.states().contains("applied"), "the states mail and maintainers give");
        assertTrue(SeriesFilter.states().contains("changes-requested"));
        assertTrue(new SeriesFilter("", "rfc", "", "", "", "").composed());
        assertTrue(!new SeriesFilter("", "", "", "", "any", "ack:leon").composed());
    }

    @ParameterizedTest(name = "offset {0} of {1}")
    @CsvSource(delimiter = '|', value = {
            // offset | shown | total | first | last | prev | next
            "0|50|233|1|50||/series?state=new&q=ack%3Aleon%20OR%20rb%3Aleon&o=50",
            "40|50|233|41|90|/series?state=new&q=ack%3Aleon%20OR%20rb%3Aleon|/series?state=new&q=ack%3Aleon%20OR%20rb%3Aleon&o=90",
            "200|33|233|201|233|/series?state=new&q=ack%3Aleon%20OR%20rb%3Aleon&o=150|",
            "0|0|0|0|0||"})
    void seriesPagesCountAndLink(int offset, int shown, long total, long first, long last, String prev, String next) {
        List<SeriesListJson.Entry> entries = new ArrayList<>();
        for (int i = 0; i < shown; i++) entries.add(new SeriesListJson.Entry("s" + i, "t", new PersonJson("a", "a@x"),
                null, "1", 1, "new", List.of(), null, List.of(), List.of(), List.of()));
        SeriesListPage p = SeriesListPage.of(new SeriesFilter("", "new", "", "", "", "ack:leon OR rb:leon"),
                new SeriesListJson("state:new AND (ack:leon OR rb:leon)", total, offset, entries), List.of(), List.of(), List.of());
        assertEquals(first, p.first());
        assertEquals(last, p.last());
        assertEquals(prev, p.prevHref());
        assertEquals(next, p.nextHref());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "||||||/series",
            "netdev|new|||||/series?list=netdev&state=new",
            "||Jason Gunthorpe|RDMA CORE|driver|s:a OR s:b|/series?person=Jason%20Gunthorpe&area=RDMA%20CORE&kind=driver&q=s%3Aa%20OR%20s%3Ab"})
    void theFormsFieldsAreItsLink(String list, String state, String person, String area, String kind, String q,
                                  String href) {
        assertEquals(href, new SeriesFilter(list, state, person, area, kind, q).href(0));
    }

    @ParameterizedTest
    @CsvSource({"0,0", "1,1", "3,4", "7,10", "10,10", "11,20", "33,40", "45,50", "51,100", "233,400", "999,1000", "1001,2000"})
    void chartScaleIsRound(long max, long top) {
        assertEquals(top, BarChart.niceTop(max));
    }

    @Test
    void chartBarsScaleToTheLargestDayWithTooltipsAndAxes() {
        BarChart c = BarChart.of("Messages per day", new DailyCounts(LocalDate.of(2026, 11, 10), List.of(3L, 0L, 1L, 4L)));
        assertEquals(4, c.bars().size());
        double plot = c.baseline() - c.top();
        assertEquals(plot * 3 / 4, c.bars().get(0).h(), 0.1);
        assertEquals(0, c.bars().get(1).h());
        assertEquals(plot, c.bars().get(3).h(), 0.1, "the largest day fills the plot (top 4)");
        for (BarChart.Bar b : c.bars()) assertEquals(c.baseline(), b.y() + b.h(), 0.1, "bars stand on the axis");
        assertEquals(List.of("2026-11-10: 3 messages", "2026-11-11: 0 messages", "2026-11-12: 1 message",
                "2026-11-13: 4 messages"), c.bars().stream().map(BarChart.Bar::tooltip).toList());
        assertEquals(List.of("0", "1", "2", "3", "4"), c.yTicks().stream().map(BarChart.Tick::label).toList());
        assertEquals(List.of("11-10", "11-11", "11-12", "11-13"), c.xTicks().stream().map(BarChart.Tick::label).toList());
        assertTrue(c.bars().get(3).x() + c.bars().get(3).w() <= c.right());

        BarChart ninety = BarChart.of("t", new DailyCounts(LocalDate.of(2026, 1, 1), java.util.Collections.nCopies(90, 2L)));
        assertTrue(ninety.xTicks().size() <= 9, "date labels thinned so they do not overlap");
        assertTrue(BarChart.of("t", DailyCounts.NONE).bars().isEmpty());
        BarChart ten = BarChart.of("t", new DailyCounts(LocalDate.of(2026, 1, 1), List.of(10L, 3L)));
        assertEquals(List.of("0", "2", "4", "6", "8", "10"), ten.yTicks().stream().map(BarChart.Tick::label).toList(),
                "whole-number steps when the top does not divide by four");
    }

    @Test
    void lastIngestIsTheLatestRunOfAnySource() {
        SourcesJson sources = new SourcesJson(List.of(source("a", "2026-11-20T10:00:00Z"), source("b", null),
                source("c", "2026-11-20T10:00:00.5Z"), source("d", "2026-11-19T23:00:00Z")));
        Stats stats = new Stats(1, 0, 0, 0, 0, 0, 0, Map.of(), 10);
        StatusJson s = StatusJson.of(stats, sources, new DailyCounts(LocalDate.of(2026, 11, 20), List.of(1L)));
        assertEquals("2026-11-20T10:00:00.5Z", s.lastIngest(), "a fraction of a second later, though it sorts first as text");
        assertEquals(new StatusJson.Days("2026-11-20", "2026-11-20", 1, List.of(1L)), s.messagesPerDay());
        assertNull(StatusJson.of(stats, new SourcesJson(List.of(source("b", null))), DailyCounts.NONE).lastIngest());
        assertNull(StatusJson.of(stats, new SourcesJson(List.of()), DailyCounts.NONE).messagesPerDay().first());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-12-01T12:15:57.501443277Z|2026-12-01 12:15 UTC",
            "2026-12-01T14:15:00+02:00|2026-12-01 12:15 UTC",
            "yesterday|yesterday",
            "|never"})
    void runsAreShownToTheMinuteInUtc(String iso, String shown) {
        assertEquals(shown, StatusPage.run(iso));
    }

    private static SourcesJson.Source source(String name, String lastRun) {
        return new SourcesJson.Source(name, "/srv/" + name, null, null, Map.of(), lastRun, 0, 0, 0, null);
    }
}
