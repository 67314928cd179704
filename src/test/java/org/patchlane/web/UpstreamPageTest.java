package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.ingest.Analyzer;
import org.patchlane.review.ReviewState;
import org.patchlane.review.Upstream;
import org.patchlane.store.Archive;
import org.patchlane.store.MergedResults;
import org.patchlane.store.Searcher;
import org.patchlane.store.StoredMessage;
import org.patchlane.thread.SeriesUpdate;

/**
 * A running server and merged detection writing beside it: the series page, its JSON and the state query show a
 * finding as soon as a run has written it, without a restart.
 */
class UpstreamPageTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static String get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    @Test
    void aFindingWrittenBesideARunningServerIsShownAtOnce() throws Exception {
        StoredMessage m = Analyzer.analyze(StateRoutesTest.PATCH.getBytes(StandardCharsets.UTF_8), null, false,
                "linux-rdma");
        App app;
        try (Archive archive = Archive.open(dir)) {
            archive.add(m);
            SeriesUpdate.apply(List.of(m.post()), archive.posts(), archive::replaceSeries);
            archive.commit(Map.of());
        }
        try (Searcher searcher = Searcher.open(dir)) {
            app = new App(searcher);
            String base = "http://127.0.0.1:" + app.start("127.0.0.1", 0).port();
            try {
                String id = StateRoutesTest.PATCH_ID;
                String page = get(base + "/series/" + id);
                assertFalse(page.contains("id=\"upstream\""), "nothing found yet");
                String merged = base + "/api/series?q=" + URLEncoder.encode("state:merged", StandardCharsets.UTF_8);
                assertEquals(0, JSON.readTree(get(merged)).get("total").asInt());

                String seriesId = searcher.seriesOf(id).orElseThrow().id();
                String commit = "0123456789abcdef0123456789abcdef01234567";
                MergedResults.of(dir).write(List.of(new Upstream(seriesId, "1", ReviewState.MERGED, "linux",
                        Instant.parse("2026-12-01T09:00:00Z"), List.of(new Upstream.Patch(1,
                        "RDMA/hns: count the reset references <b>", Upstream.Match.PATCH_ID, List.of(commit),
                        "v6.20-rc2")))));

                page = get(base + "/series/" + id);
                assertTrue(page.contains("id=\"upstream\""), page);
                assertTrue(page.contains("<code title=\"" + commit + "\">0123456789ab</code>"), page);
                assertTrue(page.contains("first in v6.20-rc2"), page);
                assertTrue(page.contains("&lt;b&gt;") && !page.contains("references <b>"), "titles are escaped");
                JsonNode api = JSON.readTree(get(base + "/api/series/" + id));
                assertEquals("merged", api.get("state").asText());
                assertEquals(commit, api.get("upstream").get("patches").get(0).get("commits").get(0).asText());
                assertEquals("v6.20-rc2", api.get("upstream").get("release").asText());
                assertEquals(1, JSON.readTree(get(merged)).get("total").asInt());
            } finally {
                app.stop();
            }
        }
    }
}
