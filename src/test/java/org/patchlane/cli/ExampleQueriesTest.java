package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.store.Searcher;
import org.patchlane.web.App;
import org.patchlane.web.ExampleQuery;

/** Every example query a user is shown (home page, README) finds something on the demo archive. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExampleQueriesTest {
    Path data;

    @BeforeAll
    void ingestDemo(@TempDir Path dir) {
        data = CliRun.demo(dir);
    }

    @Test
    void everyExampleQueryHasHitsOnTheDemo() {
        List<String> empty = new ArrayList<>();
        for (ExampleQuery e : ExampleQuery.ALL) {
            String verb = e.target() == ExampleQuery.Target.MESSAGES ? "search" : "series";
            CliRun r = CliRun.of(verb, "--data", data.toString(), e.query());
            if (r.code() != 0) empty.add(verb + " " + e.query() + " → exit " + r.code() + " " + r.err().strip());
        }
        assertTrue(empty.isEmpty(), "example queries that find nothing on the demo:\n" + String.join("\n", empty));
    }

    /** The home page shows exactly that list, each example linked to a page that lists what it finds. */
    @Test
    void theHomePageShowsTheListAndEachLinkFindsSomething() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (Searcher searcher = Searcher.open(data)) {
            App app = new App(searcher);
            String base = "http://127.0.0.1:" + app.start("127.0.0.1", 0).port();
            try {
                String home = get(http, base + "/").body();
                for (ExampleQuery e : ExampleQuery.ALL) {
                    assertTrue(home.contains("href=\"" + e.href() + "\""), "home page lacks " + e.href());
                    HttpResponse<String> page = get(http, base + e.href());
                    assertEquals(200, page.statusCode(), e.href());
                    assertTrue(!page.body().contains("class=\"empty\""), "empty page for " + e.query());
                }
                assertEquals(ExampleQuery.ALL.size(), home.split("<ul class=\"examples\">")[1].split("</ul>")[0]
                        .split("<li>").length - 1, "the home page shows the list, nothing else");
            } finally {
                app.stop();
            }
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
