package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.git.ConfigFile;
import org.patchlane.review.Policy;
import org.patchlane.store.Searcher;

/**
 * {@code POST /api/series/{id}/links} behind the login: refused with 403 and nothing changed without a maintainer
 * or without the session's CSRF token; with both, a removed and a re-added link, in the links API and on the
 * series pages (the Prerequisites/Users panels and the Link edits history), every reason escaped.
 */
class LinkRoutesTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "leon's long password";

    @TempDir
    static Path dir;
    static Searcher searcher;
    static App closed;
    static App open;
    static String closedBase;
    static String openBase;

    @BeforeAll
    static void start() throws IOException {
        Path data = dir.resolve("data");
        LinkedArchive.widgets(data).close();
        Path conf = data.resolve("patchlane.conf");
        Files.writeString(conf, "[user \"leon\"]\n\temail = leon@kernel.org\n\tpasswordHash = "
                + Passwords.hash(PASSWORD) + "\n", StandardOpenOption.APPEND);
        ConfigFile config = ConfigFile.read(conf);
        Policy policy = Policy.load(config, null);
        searcher = Searcher.open(data);
        closed = new App(searcher, () -> null, policy);
        closedBase = "http://127.0.0.1:" + closed.start("127.0.0.1", 0).port();
        open = new App(searcher, () -> null, policy, Auth.of(config));
        openBase = "http://127.0.0.1:" + open.start("127.0.0.1", 0).port();
    }

    @AfterAll
    static void stop() throws IOException {
        closed.stop();
        open.stop();
        searcher.close();
    }

    static String path(String key) {
        return "/api/series/" + Links.encode(key) + "/links";
    }

    static JsonNode links(String key) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(closedBase + path(key))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static HttpResponse<String> json(String base, String key, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path(key))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static int edits() throws IOException {
        return searcher.linkEdits().history(searcher.seriesOf(LinkedArchive.DRIVER).orElseThrow().id()).size();
    }

    @Test
    void withoutALoginOrItsCsrfTokenAPostIs403AndChangesNothing() throws Exception {
        int before = edits();
        String linksBefore = links(LinkedArchive.DRIVER).toString();
        String remove = "{\"action\":\"remove\",\"prerequisite\":\"" + LinkedArchive.CORE_V2 + "\",\"why\":\"no\"}";
        LoginTest.Browser stranger = new LoginTest.Browser(openBase);
        stranger.get("/series/" + Links.encode(LinkedArchive.DRIVER));
        LoginTest.Browser leon = new LoginTest.Browser(openBase);
        assertEquals(303, leon.login("leon", PASSWORD).statusCode());
        String token = LoginTest.csrf(leon.get("/series/" + Links.encode(LinkedArchive.DRIVER)).body());
        for (HttpResponse<String> r : List.of(
                json(closedBase, LinkedArchive.DRIVER, remove),
                json(openBase, LinkedArchive.DRIVER, remove),
                stranger.post(path(LinkedArchive.DRIVER), Map.of("action", "remove", "prerequisite",
                        LinkedArchive.CORE_V2, "why", "no", "csrf", "guess")),
                // logged in, but without the session's token, or with another one
                leon.json(path(LinkedArchive.DRIVER), remove),
                leon.post(path(LinkedArchive.DRIVER), Map.of("action", "remove", "prerequisite",
                        LinkedArchive.CORE_V2, "why", "no", "csrf", LoginTest.otherToken(token))))) {
            assertEquals(403, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"error\""), r.body());
        }
        assertEquals(before, edits());
        assertEquals(linksBefore, links(LinkedArchive.DRIVER).toString());
        String page = stranger.get("/series/" + Links.encode(LinkedArchive.DRIVER)).body();
        assertTrue(page.contains("id=\"link-edits\""), "the Link edits panel is shown to everyone");
        assertFalse(page.contains("<form class=\"link-form\""), "but its form only to a maintainer");
        assertTrue(leon.get("/series/" + Links.encode(LinkedArchive.DRIVER)).body().contains("<form class=\"link-form\""));
    }

    @Test
    void aMaintainerRemovesAndAddsALinkAndEveryPageShowsWhoWhenAndWhy() throws Exception {
        LoginTest.Browser leon = new LoginTest.Browser(openBase);
        assertEquals(303, leon.login("leon", PASSWORD).statusCode());
        String token = LoginTest.csrf(leon.get("/series/" + Links.encode(LinkedArchive.DRIVER)).body());
        leon.headers.put(Auth.CSRF_HEADER, token);
        String driver = searcher.seriesOf(LinkedArchive.DRIVER).orElseThrow().id();
        String core = searcher.seriesOf(LinkedArchive.CORE_V2).orElseThrow().id();
        int before = edits();
        for (String[] bad : new String[][] {
                {"400", "{\"action\":\"unlink\",\"prerequisite\":\"" + core + "\",\"why\":\"x\"}"},
                {"400", "{\"action\":\"add\",\"prerequisite\":\"" + core + "\",\"why\":\"  \"}"},
                {"400", "{\"action\":\"add\",\"why\":\"x\"}"},
                {"400", "{\"action\":\"add\",\"prerequisite\":\"" + driver + "\",\"why\":\"itself\"}"},
                {"400", "[1, 2]"},
                {"400", "not json"},
                {"404", "{\"action\":\"add\",\"prerequisite\":\"nope@example.org\",\"why\":\"x\"}"}}) {
            HttpResponse<String> r = leon.json(path(LinkedArchive.DRIVER), bad[1]);
            assertEquals(Integer.parseInt(bad[0]), r.statusCode(), bad[1] + " " + r.body());
            assertTrue(JSON.readTree(r.body()).hasNonNull("error"), r.body());
        }
        assertEquals(404, leon.json(path("nope@example.org"), "{\"action\":\"add\",\"prerequisite\":\"" + core
                + "\",\"why\":\"x\"}").statusCode());
        HttpResponse<String> notLinked = leon.json(path(LinkedArchive.CORE_V2), "{\"action\":\"remove\",\"prerequisite\":\""
                + driver + "\",\"why\":\"x\"}");
        assertEquals(404, notLinked.statusCode(), "the core does not depend on the driver: " + notLinked.body());
        assertEquals(before, edits());

        HttpResponse<String> removed = leon.json(path(LinkedArchive.DRIVER), "{\"action\":\"remove\",\"prerequisite\":\""
                + LinkedArchive.CORE_V1 + "\",\"why\":\"the <b>hold</b> is its own\"}");
        assertEquals(200, removed.statusCode(), removed.body());
        JsonNode body = JSON.readTree(removed.body());
        assertEquals("remove", body.get("edit").get("action").asText());
        assertEquals(core, body.get("edit").get("prerequisite").asText());
        assertEquals("leon@kernel.org", body.get("edit").get("by").get("email").asText());
        assertEquals(0, body.get("links").get("prerequisites").size());

        JsonNode driverLinks = links(LinkedArchive.DRIVER);
        assertEquals(0, driverLinks.get("prerequisites").size());
        assertEquals(core, driverLinks.get("removedPrerequisites").get(0).get("series").asText());
        assertEquals("the <b>hold</b> is its own",
                driverLinks.get("removedPrerequisites").get(0).get("edit").get("why").asText());
        JsonNode coreLinks = links(LinkedArchive.CORE_V2);
        assertEquals(0, coreLinks.get("users").size());
        assertEquals(driver, coreLinks.get("removedUsers").get(0).get("series").asText());

        String corePage = leon.get("/series/" + Links.encode(core)).body();
        assertTrue(corePage.contains("Removed by a maintainer"), corePage);
        assertTrue(corePage.contains("removed by leon on "), corePage);
        assertTrue(corePage.contains("the &lt;b&gt;hold&lt;/b&gt; is its own"), "a reason is escaped");
        assertFalse(corePage.contains("<b>hold</b>"));
        assertTrue(corePage.contains("No user found"), "the users panel has none left");

        leon.headers.remove(Auth.CSRF_HEADER);
        HttpResponse<String> form = leon.post(path(LinkedArchive.DRIVER), Map.of("csrf", token, "action", "add",
                "prerequisite", core, "why", "it does hold the widget"));
        assertEquals(303, form.statusCode(), form.body());
        assertTrue(form.headers().firstValue("Location").orElse("").endsWith("#link-edits"));
        JsonNode back = links(LinkedArchive.DRIVER).get("prerequisites");
        // The mail's links are back, the maintainer's beside them (after the mail's own certain evidence).
        List<String> kinds = new java.util.ArrayList<>();
        back.forEach(l -> kinds.add(l.get("kind").asText()));
        assertEquals(List.of("change-id", "manual", "symbol"), kinds, back.toString());
        assertEquals("add", back.get(1).get("edit").get("action").asText());
        assertTrue(back.get(1).get("evidence").asText().startsWith("added by leon on "), back.toString());
        assertEquals(0, links(LinkedArchive.DRIVER).get("removedPrerequisites").size());

        String driverPage = leon.get("/series/" + Links.encode(driver)).body();
        assertTrue(driverPage.contains("<td class=\"kind\">manual</td>"), driverPage);
        int history = driverPage.indexOf("id=\"link-edits\"");
        assertTrue(history > 0);
        String panel = driverPage.substring(history);
        assertTrue(panel.indexOf("link add") < panel.indexOf("link remove"), "newest first: " + panel);
        assertTrue(panel.contains("it does hold the widget"));
        String corePageNow = leon.get("/series/" + Links.encode(core)).body();
        assertTrue(corePageNow.contains("link add"), "the edit is in the prerequisite's history too");
        assertEquals(before + 2, edits());
    }
}
