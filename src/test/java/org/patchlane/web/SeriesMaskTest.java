package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    static ServedArchive served;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        served = ServedArchive.of(dir, ServedArchive.on("linux-rdma", PATCH, REVIEW));
        base = served.base;
    }

    @AfterAll
    static void stop() throws IOException {
        served.close();
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
