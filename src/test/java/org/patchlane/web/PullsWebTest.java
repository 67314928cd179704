package org.patchlane.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.cli.DemoData;
import org.patchlane.report.SourcesJson;
import org.patchlane.review.Policy;
import org.patchlane.ingest.SourceRuns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /pulls}, {@code /for-next} and their API on the demo: what they show, escaping, and the cache. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PullsWebTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    DemoPulls demo;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        demo = new DemoPulls(dir);
    }

    @AfterAll
    void stop() throws Exception {
        if (demo != null) demo.close();
    }

    private static HttpResponse<String> get(String base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePullsPageShowsEachRequestItsVerdictsAndEvidence() throws Exception {
        HttpResponse<String> r = get(demo.base, "/pulls");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertTrue(html.contains("<a href=\"/pulls\">Pull requests</a>"), "the header links the page");
        assertTrue(html.contains("6 pending, 2 clean"), html);
        assertTrue(html.contains(">clean</span> <a class=\"subject\" href=\"/linux-rdma/20261124071530.118044-1-saeed%40kernel.org/\">"
                + DemoPulls.MLX5 + "</a>"), html);
        assertTrue(html.contains("href=\"/linux-rdma/20261124071530.118044-1-saeed%40kernel.org/T/\">thread</a>"), html);
        assertTrue(html.contains("touches the user-space API: include/uapi/rdma/irdma-abi.h"));
        assertTrue(html.contains("conflicts with refs/heads/for-next in drivers/infiniband/hw/hns/hns_roce_main.c"));
        assertTrue(html.contains("posted 2026-11-30, after v6.20-rc6 (2026-11-29), the cut-off for the next merge window"));
        assertTrue(html.contains("not fetched yet: run patchlane fetch"), "the hostile request was never fetched");
    }

    @Test
    void thePullsPageShowsAPostedSeriesPassingAndOneFailingWithThePatchNamed() throws Exception {
        String html = get(demo.base, "/pulls").body();
        String umr = request(html, DemoPulls.UMR);
        assertTrue(umr.startsWith("<span class=\"verdict verdict-pass\">clean</span>"), umr);
        assertTrue(umr.contains("<tr class=\"check-pr-series\"><td><code>pr-series</code></td><td><span class=\"verdict "
                + "verdict-pass\">pass</span></td><td><ul class=\"evidence\"><li>2 commits are the patches of "), umr);
        String hns = request(html, DemoPulls.HNS);
        assertTrue(hns.contains("<tr class=\"check-pr-series\"><td><code>pr-series</code></td><td><span class=\"verdict "
                + "verdict-fail\">fail</span></td><td><ul class=\"evidence\"><li>commit "), hns);
        assertTrue(hns.contains("(RDMA/hns: Serialize the reset notification with the bond work) lost \"Reviewed-by: "
                + "Leon Romanovsky &lt;leon@kernel.org&gt;\", given on 20261125104000.2871405-2-huangjunxian6@hisilicon.com"),
                hns);
    }

    /** One request's part of the page: from its heading to the next request's. */
    private static String request(String html, String subject) {
        int at = html.indexOf("\">" + subject + "</a></h2>");
        assertTrue(at > 0, subject);
        int start = html.lastIndexOf("<h2>", at) + "<h2>".length();
        int end = html.indexOf("<h2>", at);
        return html.substring(start, end < 0 ? html.length() : end);
    }

    @Test
    void hostileMailStaysText() throws Exception {
        for (String path : List.of("/pulls", "/for-next")) {
            String html = get(demo.base, path).body();
            assertFalse(html.contains("<script>window"), path);
            assertFalse(html.contains("<img src=x"), path);
            assertFalse(html.contains("<b>evil</b>"), path);
        }
        String html = get(demo.base, "/pulls").body();
        assertTrue(html.contains("&lt;script&gt;window.__pwned=1&lt;/script&gt; updates"), html);
        assertTrue(html.contains("&lt;img src=x onerror=\"window.__pwned=2\"&gt; &lt;evil@example.org&gt;"), html);
    }

    @Test
    void theForNextPageNamesTheConflictingPairAndFile() throws Exception {
        String html = get(demo.base, "/for-next").body();
        assertTrue(html.contains("Merged (4)"), html);
        assertTrue(html.contains("Conflicts (1)"), html);
        int row = html.indexOf("<tr class=\"conflict\">");
        String conflict = html.substring(row, html.indexOf("</tr>", row));
        assertTrue(conflict.indexOf(DemoPulls.HNS3) < conflict.indexOf(DemoPulls.HNS) && conflict.contains(DemoPulls.HNS),
                conflict);
        assertTrue(conflict.contains("<code>drivers/infiniband/hw/hns/hns_roce_main.c</code>"), conflict);
    }

    @Test
    void theApiAnswersAsPullsJsonAndTheChecksAreComputedOnce() throws Exception {
        int before = demo.app.pullRoutes().computations();
        JsonNode api = new ObjectMapper().readTree(get(demo.base, "/api/pulls").body());
        JsonNode next = new ObjectMapper().readTree(get(demo.base, "/api/for-next").body());
        get(demo.base, "/pulls");
        get(demo.base, "/for-next");
        assertEquals(Math.max(before, 1), demo.app.pullRoutes().computations(), "one computation for every view");
        assertEquals(6, api.get("pulls").size());
        assertEquals(api.get("forNext"), next);
        List<String> clean = new ArrayList<>();
        for (JsonNode p : api.get("pulls")) if (p.get("clean").asBoolean()) clean.add(p.get("subject").asText());
        assertEquals(List.of(DemoPulls.UMR, DemoPulls.MLX5), clean);
        assertEquals("20261130011200.2960331-1-chenwei172@huawei.com", next.get("conflicts").get(0).get("a").asText());

        // a ref that moves (a published volatile for-next) makes the next view compute again
        assertEquals(1, DemoData.run("pulls", "--write-ref", "refs/heads/volatile-for-next", "--data",
                demo.data.toString()));
        get(demo.base, "/api/pulls");
        assertEquals(Math.max(before, 1) + 1, demo.app.pullRoutes().computations());
    }

    @Test
    void aRepositoryThatIsGoneIsA503WithWhy(@TempDir Path gone) throws Exception {
        App broken = new App(demo.searcher, () -> SourcesJson.of(List.of(), SourceRuns.NONE, demo.searcher.cursors()),
                Policy.of(org.patchlane.review.Maintainers.NONE)).withRepositories(List.of(
                new org.patchlane.pull.RepoSettings("linux", gone.resolve("nothing.git"), "refs/heads/master", null,
                        List.of(), 6)));
        String base = "http://127.0.0.1:" + broken.start("127.0.0.1", 0).port();
        try {
            HttpResponse<String> page = get(base, "/pulls");
            assertEquals(503, page.statusCode());
            assertTrue(page.body().contains("Cannot check the pull requests against [repo &#34;linux&#34;]")
                    || page.body().contains("Cannot check the pull requests against [repo \"linux\"]"), page.body());
            assertFalse(page.body().contains("at org.patchlane"), "no stack trace");
            HttpResponse<String> api = get(base, "/api/for-next");
            assertEquals(503, api.statusCode());
            assertTrue(new ObjectMapper().readTree(api.body()).get("error").asText().contains("nothing.git"), api.body());
        } finally {
            broken.stop();
        }
    }

    @Test
    void withoutARepositoryThePagesSaySoAndTheApiIs404() throws Exception {
        App bare = new App(demo.searcher, () -> SourcesJson.of(List.of(), SourceRuns.NONE, demo.searcher.cursors()),
                Policy.of(org.patchlane.review.Maintainers.NONE));
        String base = "http://127.0.0.1:" + bare.start("127.0.0.1", 0).port();
        try {
            HttpResponse<String> page = get(base, "/pulls");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("No repository is configured"), page.body());
            assertTrue(get(base, "/for-next").body().contains("No repository is configured"));
            HttpResponse<String> api = get(base, "/api/pulls");
            assertEquals(404, api.statusCode());
            assertTrue(new ObjectMapper().readTree(api.body()).get("error").asText().contains("[repo"), api.body());
        } finally {
            bare.stop();
        }
    }
}
