package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

/** A patch received through two lists is stored twice: each list's pages serve its own copy. */
class CrossPostTest {
    static final String ID = "20261126082000.77-1-chenwei172@huawei.com";
    static final String PATCH = """
            From: Wei Chen <chenwei172@huawei.com>
            To: linux-rdma@vger.kernel.org, netdev@vger.kernel.org
            Subject: [PATCH for-next] net: hns3: count the reset references
            Date: Thu, 26 Nov 2026 16:20:00 +0800
            Message-ID: <%s>
            List-Id: <LIST.vger.kernel.org>

            Count the reset references of the client handle.

            Signed-off-by: Junxian Huang <huangjunxian6@hisilicon.com>
            ---
            diff --git a/hello.txt b/hello.txt
            --- a/hello.txt
            +++ b/hello.txt
            @@ -1,3 +1,4 @@
             one
             two
            +two and a half
             three
            """.formatted(ID);
    static final byte[] RDMA = PATCH.replace("LIST", "linux-rdma").getBytes(StandardCharsets.UTF_8);
    static final byte[] NETDEV = PATCH.replace("LIST", "netdev").getBytes(StandardCharsets.UTF_8);
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Archive archive;
    static Searcher searcher;
    static App app;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        archive = Archive.open(dir);
        // netdev's copy first: the pages must not depend on which copy arrived first.
        archive.add(Analyzer.analyze(NETDEV, null, false, null));
        archive.add(Analyzer.analyze(RDMA, null, false, null));
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

    static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void rawServesTheCopyOfTheListInTheUrl() throws Exception {
        assertArrayEquals(NETDEV, get("/netdev/" + ID + "/raw").body());
        assertArrayEquals(RDMA, get("/linux-rdma/" + ID + "/raw").body());
        assertArrayEquals(RDMA, get("/all/" + ID + "/raw").body(), "all: the first copy, lists in name order");
        HttpResponse<byte[]> elsewhere = get("/linux-kernel/" + ID + "/raw");
        assertEquals(302, elsewhere.statusCode());
        assertEquals("/linux-rdma/" + Links.encode(ID) + "/raw", elsewhere.headers().firstValue("location").orElse(""));
    }

    @Test
    void pageShowsThatListsCopyAndLinksTheOthers() throws Exception {
        String netdev = text(get("/netdev/" + ID + "/"));
        assertTrue(netdev.contains("<th>List:</th><td><a href=\"/netdev/\">netdev</a></td>"), netdev);
        assertFalse(netdev.contains("<a href=\"/linux-rdma/\">linux-rdma</a></td>"), "one copy only");
        assertTrue(netdev.contains("Also received on: <a href=\"/linux-rdma/" + Links.encode(ID) + "/\">linux-rdma</a>."));
        assertTrue(netdev.contains("href=\"/netdev/" + Links.encode(ID) + "/raw\""), "its raw link names its list");

        String all = text(get("/all/" + ID + "/"));
        assertTrue(all.contains("2 copies of this mail were stored, one per list"), all);
        assertTrue(all.contains("<a href=\"/netdev/\">netdev</a>") && all.contains("<a href=\"/linux-rdma/\">linux-rdma</a>"));

        HttpResponse<byte[]> elsewhere = get("/linux-kernel/" + ID + "/");
        assertEquals(302, elsewhere.statusCode());
        assertEquals("/linux-rdma/" + Links.encode(ID) + "/", elsewhere.headers().firstValue("location").orElse(""));
    }

    @Test
    void pageAndApiCarryTheSignoffFindings() throws Exception {
        String page = text(get("/linux-rdma/" + ID + "/"));
        assertTrue(page.contains("<li><code>check:signoff-author</code> no Signed-off-by from the author Wei Chen "
                + "&lt;chenwei172@huawei.com&gt;</li>"), page);
        JsonNode m = JSON.readTree(get("/api/messages/" + ID).body());
        assertEquals("signoff-author", m.get("findings").get(0).get("check").asText());
    }

    @Test
    void apiPicksACopyByListOrNumber() throws Exception {
        JsonNode first = JSON.readTree(get("/api/messages/" + ID).body());
        assertEquals("linux-rdma", first.get("list").asText());
        assertEquals(JSON.readTree("[{\"copy\": 1, \"list\": \"linux-rdma\"}, {\"copy\": 2, \"list\": \"netdev\"}]"),
                first.get("copies"));
        JsonNode netdev = JSON.readTree(get("/api/messages/" + ID + "?list=netdev").body());
        assertEquals(2, netdev.get("copy").asInt());
        assertEquals(netdev, JSON.readTree(get("/api/messages/" + ID + "?copy=2").body()));
        HttpResponse<byte[]> none = get("/api/messages/" + ID + "?list=linux-kernel");
        assertEquals(404, none.statusCode());
        assertEquals("No copy of <" + ID + "> on list linux-kernel", JSON.readTree(none.body()).get("error").asText());
        assertEquals(404, get("/api/messages/" + ID + "?copy=3").statusCode());
    }
}
