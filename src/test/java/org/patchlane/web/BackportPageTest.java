package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.git.Repo;
import org.patchlane.git.TestRepo;
import org.patchlane.pull.RepoSettings;
import org.patchlane.store.Searcher;

/** The series page's backport: the tags to pick, the result per patch on the page and in the API, escaped. */
class BackportPageTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aSeriesIsTriedOnAReleaseFromItsPage() throws Exception {
        String diff, base;
        try (TestRepo t = TestRepo.init(dir.resolve("linux"))) {
            base = t.commit("Linus Torvalds <torvalds@example.org>", "Linux 6.19", Map.of("drivers/x.c", TestRepo.lines("x", 20)));
            t.tag("v6.19", base, true);
            String old = t.commit("Linus Torvalds <torvalds@example.org>", "Linux 6.20-rc1",
                    Map.of("drivers/x.c", TestRepo.lines("x", 20).replace("x 5\n", "x five\n")));
            t.tag("v6.20-rc1", old, true);
            String p = t.commit("Leon <leon@example.org>", "x: <script>fix</script> line 5",
                    Map.of("drivers/x.c", TestRepo.lines("x", 20).replace("x 5\n", "x five\n").replace("x 6\n", "x six\n")));
            try (Repo r = Repo.open(t.dir())) {
                diff = r.diffText(p);
            }
        }
        String mail = "From: Leon <leon@example.org>\n"
                + "To: linux-rdma@vger.kernel.org\nSubject: [PATCH] x: <script>fix</script> line 6\n"
                + "Date: Mon, 23 Nov 2026 10:00:00 +0000\nMessage-ID: <bp-1@example.org>\n\nFix.\n\n"
                + "Signed-off-by: Leon <leon@example.org>\n---\n" + diff + "-- \n2.47.0\n";
        List<RepoSettings> repos = List.of(new RepoSettings("linux", dir.resolve("linux"), "refs/heads/master", null,
                List.of(), 6));
        try (ServedArchive served = ServedArchive.of(dir.resolve("data"), ServedArchive.on("linux-rdma", mail),
                s -> new App(s).withRepositories(repos))) {
            Searcher searcher = served.searcher;
            {
                String base0 = served.base;
                String id = searcher.seriesOf("bp-1@example.org").orElseThrow().id();
                String pick = get(base0 + "/series/" + id + "/backport", 200);
                assertTrue(pick.contains("<option value=\"v6.20-rc1\"") && pick.contains("<option value=\"v6.19\""), pick);
                assertTrue(get(base0 + "/series/" + id, 200).contains("/series/" + id + "/backport"), "linked from the series page");
                String onRc1 = get(base0 + "/series/" + id + "/backport?to=v6.20-rc1", 200);
                assertTrue(onRc1.contains("Applies to v6.20-rc1"), onRc1);
                assertTrue(!onRc1.contains("<script>fix"), "the title is escaped");
                String on619 = get(base0 + "/series/" + id + "/backport?to=v6.19", 200);
                assertTrue(on619.contains("Does not apply to v6.19"), on619);
                JsonNode json = new ObjectMapper().readTree(get(base0 + "/api/series/" + id + "/backport?to=v6.19", 200));
                assertEquals("fails", json.get("patches").get(0).get("outcome").asText());
                get(base0 + "/api/series/" + id + "/backport?to=v1.0", 400);
                get(base0 + "/api/series/nosuch/backport?to=v6.19", 404);
            }
        }
    }

    static String get(String url, int status) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), url + ": " + r.body());
        return r.body();
    }
}
