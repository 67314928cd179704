package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

/** A review from an archive that masks addresses: the series API and page show the resolved address, marked. */
class SeriesMaskTest {
    static final String PATCH_ID = "mask-1@example.org";
    static final String PATCH = """
            From: Wei Chen <chenwei172@huawei.com>
            To: linux-rdma@vger.kernel.org
            Cc: Jason Gunthorpe <jgg@nvidia.com>
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
    static final String REVIEW = """
            From: Jason Gunthorpe <jgg@xxxxxxxxxx>
            To: Wei Chen <chenwei172@xxxxxxxxxx>
            Subject: Re: [PATCH] RDMA/hns: count the reset references
            Date: Thu, 26 Nov 2026 18:00:00 +0000
            Message-ID: <mask-2@example.org>
            In-Reply-To: <%s>

            Reviewed-by: Jason Gunthorpe <jgg@xxxxxxxxxx>
            """.formatted(PATCH_ID);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static Archive archive;
    static Searcher searcher;
    static App app;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        archive = Archive.open(dir);
        List<Post> posts = new ArrayList<>();
        for (String mail : List.of(PATCH, REVIEW)) {
            StoredMessage m = Analyzer.analyze(mail.getBytes(StandardCharsets.UTF_8), null, false, "linux-rdma");
            archive.add(m);
            posts.add(m.post());
        }
        SeriesUpdate.apply(posts, archive.posts(), archive::replaceSeries);
        archive.commit(Map.of());
        searcher = archive.searcher();
        searcher.refresh();
        app = new App(searcher);
        base = "http://127.0.0.1:" + app.start("127.0.0.1", 0).port();
    }

    @AfterAll
    static void stop() throws IOException {
        app.stop();
        searcher.close();
        archive.close();
    }

    static String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    @Test
    void apiAndPageShowTheResolvedAddressMarked() throws Exception {
        JsonNode s = new ObjectMapper().readTree(get("/api/series/" + PATCH_ID));
        JsonNode review = null;
        for (JsonNode t : s.get("versions").get(0).get("patches").get(0).get("trailers")) {
            if (t.get("kind").asText().equals("Reviewed-by")) review = t;
        }
        assertEquals("jgg@nvidia.com", review.get("email").asText());
        assertEquals("resolved", review.get("emailSource").asText());
        assertEquals("jgg@xxxxxxxxxx", review.get("maskedEmail").asText());

        String page = get("/series/" + PATCH_ID);
        assertTrue(page.contains("Jason Gunthorpe &lt;jgg@nvidia.com&gt; (address resolved from jgg@xxxxxxxxxx)"), page);
        // Resolved, so the mbox writes no masked address and the page warns of none.
        assertTrue(!page.contains("the mbox writes"), page);
    }
}
