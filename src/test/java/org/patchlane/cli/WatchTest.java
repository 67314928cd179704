package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.git.TestInbox;
import org.patchlane.source.ImapServer;

/** {@code watch} and {@code serve --watch} over sources from the configuration file. */
class WatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Poll interval of the served source: short, so that mail delivered while serving is polled again soon. */
    private static final int INTERVAL_SECONDS = 3;

    @TempDir
    Path tmp;
    Path data;
    ImapServer server;
    Process serve;

    @BeforeEach
    void start() throws IOException {
        server = new ImapServer(false);
        data = tmp.resolve("data");
        Files.createDirectories(data);
        Files.writeString(tmp.resolve("pass"), ImapServer.PASSWORD + "\n");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (serve != null) {
            serve.destroy();
            serve.waitFor();
        }
        server.close();
    }

    private String imapSource(String name, int interval) {
        return "[source \"" + name + "\"]\n\turl = " + server.url() + "\n\tlist = linux-watchdog\n\tpasswordFile = "
                + tmp.resolve("pass") + "\n\tstarttls = false\n\tinterval = " + interval + "\n";
    }

    private static List<byte[]> mails(String token, int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(("From: Dev <dev@example.org>\nTo: linux-watchdog@vger.kernel.org\nSubject: [PATCH " + (i + 1)
                    + "/" + n + "] watchdog: " + token + "\nDate: Mon, 2 Nov 2026 10:00:0" + i + " +0000\nMessage-ID: <"
                    + token + "-" + i + "@example.org>\n\nSigned-off-by: Dev <dev@example.org>\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void mailDeliveredWhileServingAppearsInSearch() throws Exception {
        server.deliver(mails("firstbatch", 5));
        Files.writeString(data.resolve(ConfigOptions.NAME), imapSource("watchdog", INTERVAL_SECONDS));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        serve = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "serve", "--watch", "--data",
                data.toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("serve.log").toFile()).start();
        String base = "http://127.0.0.1:" + port;
        assertEquals(5, waitForHits(base, "s:firstbatch", 5, Duration.ofSeconds(60)), log());

        // Only a later poll (or IDLE) can bring these in. The wait is generous, not a timing bound: on a busy machine
        // a poll can take far longer than its interval.
        server.deliver(mails("secondbatch", 3));
        assertEquals(3, waitForHits(base, "s:secondbatch", 3, Duration.ofSeconds(120)), log());

        JsonNode sources = JSON.readTree(get(base + "/api/sources").body()).get("sources");
        assertEquals("watchdog", sources.get(0).get("name").asText());
        assertEquals(server.uidValidity() + ":8",
                sources.get(0).get("cursors").get(server.imapUrl().toString()).asText());
        HttpResponse<String> page = get(base + "/sources");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("watchdog") && page.body().contains(server.imapUrl().toString()), page.body());
    }

    @Test
    void watchOnceIngestsEverySourceAndReportsTheOneThatFails() throws IOException {
        server.deliver(mails("imapmail", 4));
        Path inbox = tmp.resolve("inbox");
        try (TestInbox epoch = TestInbox.create(inbox.resolve("git/0.git"))) {
            epoch.message(TestInbox.mail("pi-1@example.org", "from the inbox"));
            epoch.message(TestInbox.mail("pi-2@example.org", "from the inbox"));
        }
        Path conf = tmp.resolve("patchlane.conf");
        Files.writeString(conf, imapSource("imap", 300) + "[source \"lore\"]\n\turl = " + inbox + "\n"
                + "[source \"gone\"]\n\turl = " + tmp.resolve("no-such.mbox") + "\n");

        CliRun r = CliRun.of("watch", "--once", "--json", "--data", data.toString(), "--config", conf.toString());
        assertEquals(3, r.code(), "one source failed: " + r.err());
        JsonNode sources = JSON.readTree(r.out()).get("sources");
        assertEquals(List.of("gone", "imap", "lore"), List.of(sources.get(0).get("name").asText(),
                sources.get(1).get("name").asText(), sources.get(2).get("name").asText()));
        assertTrue(sources.get(0).get("lastError").asText().contains("no such file"));
        assertEquals(4, sources.get(1).get("messages").asInt());
        assertEquals(2, sources.get(2).get("messages").asInt());
        assertEquals(1, sources.get(2).get("cursors").size(), "one epoch, one cursor");

        CliRun listed = CliRun.of("sources", "--data", data.toString(), "--config", conf.toString());
        assertEquals(0, listed.code(), listed.err());
        assertTrue(listed.out().contains("lore  (ok)") && listed.out().contains("gone  (failing)"), listed.out());
    }

    private int waitForHits(String base, String query, int want, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        int total = -1;
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> r = get(base + "/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
                if (r.statusCode() == 200) total = JSON.readTree(r.body()).get("total").asInt();
                if (total >= want) return total;
            } catch (IOException notUpYet) {
                // the server is still starting
            }
            Thread.sleep(100);
        }
        return total;
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String log() throws IOException {
        Path f = tmp.resolve("serve.log");
        return Files.exists(f) ? Files.readString(f) : "";
    }
}
