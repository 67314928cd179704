package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./patchlane demo} as a newcomer meets it, in its own JVM: the address it prints is the series list, every
 * page its guide names answers, the series list and the home page say what they show, and the login the guide
 * names admits the demo's maintainer on the server the demo started.
 */
class DemoGuideTest {
    private static final Pattern BANNER = Pattern.compile("Patchlane serves .* on (http://127\\.0\\.0\\.1:\\d+)(/\\S*) ");
    private static final Pattern URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)(/\\S*)");

    @TempDir
    Path tmp;
    private Process demo;

    @AfterEach
    void stop() throws InterruptedException {
        if (demo != null) demo.destroyForcibly().waitFor();
    }

    @Test
    void demoOpensOnTheSeriesListAndEveryPageItsGuideNamesAnswers() throws Exception {
        String log = startDemo();
        Matcher banner = BANNER.matcher(log);
        assertTrue(banner.find(), log);
        String base = banner.group(1);
        assertEquals("/series", banner.group(2), "the demo opens on the series list");
        List<String> paths = new ArrayList<>();
        Matcher m = URL.matcher(log.substring(banner.end()));
        while (m.find()) {
            assertEquals(base, m.group(1));
            paths.add(m.group(2).replaceAll("[.,]$", ""));
        }
        assertEquals(List.of("/series/" + DemoCommand.Guide.SERIES, "/together",
                org.patchlane.web.Links.thread("linux-rdma", DemoCommand.Guide.THREAD), "/login"), paths, log);

        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        for (String path : paths) assertEquals(200, get(http, base + path).statusCode(), path);
        String series = get(http, base + "/series/" + DemoCommand.Guide.SERIES).body();
        assertTrue(series.contains("v3") && series.contains("Acked-by"), "the series named has versions and acks");
        assertTrue(get(http, base + "/series").body().contains("Each row is one series"), "the list says what a row is");
        assertTrue(get(http, base + "/").body().contains("Start with the <a href=\"/series\">series list</a>"),
                "the home page leads to the series list");

        assertTrue(log.contains("as " + DemoCommand.DEMO_USER + ", password " + DemoCommand.DEMO_PASSWORD), log);
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(get(http, base + "/login").body());
        assertTrue(csrf.find());
        String form = "name=" + DemoCommand.DEMO_USER + "&password=" + DemoCommand.DEMO_PASSWORD + "&next=%2Fseries&csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, login.statusCode(), "the demo's maintainer logs in: " + login.body());
        assertTrue(get(http, base + "/series").body().contains("<span class=\"who\">" + DemoCommand.DEMO_USER + "</span>"));
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs {@code demo --port 0} and returns its output once the guide's last line is printed. */
    private String startDemo() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = tmp.resolve("demo.log");
        demo = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "demo", "--data", tmp.resolve("data").toString(), "--port", "0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String out = Files.readString(log);
            if (out.contains("state on its page.")) return out;
            if (!demo.isAlive()) fail("demo exited: " + out);
            Thread.sleep(100);
        }
        return fail("no guide printed:\n" + Files.readString(log));
    }
}
