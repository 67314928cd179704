package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read-only {@code serve} in its own JVM keeps answering while this process rebuilds the index under it
 * ({@code reindex}, twice), ingests and watches: every request meanwhile answers 200 with the whole archive, and
 * afterwards the server shows mail committed into the rebuilt index.
 */
class ServerBesideWritersTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PAGES = List.of("/api/stats", "/api/search?q=s%3Aauxiliary", "/",
            "/series", "/api/series");

    @TempDir
    Path tmp;
    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) server.destroyForcibly().waitFor();
    }

    @Test
    void serverSurvivesReindexIngestAndWatchInAnotherProcess() throws Exception {
        Path data = CliRun.demo(tmp);
        String base = startServer(data);
        long messages = stat(base, "messages");
        long auxHits = total(base, "/api/search?q=s%3Aauxiliary");
        assertTrue(auxHits > 0);

        Poller poller = new Poller(base, messages, auxHits);
        Thread t = new Thread(poller, "poller");
        t.start();
        try {
            for (int i = 0; i < 2; i++) {
                CliRun r = CliRun.of("reindex", "--data", data.toString());
                assertEquals(0, r.code(), r.err());
                // Let the server refresh across the swap before the next one.
                Thread.sleep(1_500);
            }
        } finally {
            poller.stop.set(true);
            t.join();
        }
        assertTrue(poller.requests.get() > 20, "the poller ran: " + poller.requests.get());
        assertEquals(List.of(), poller.failures, "every request during the rebuilds answered with the whole archive");

        // Ingest in another process: the server follows the rebuilt index's commits.
        Path extra = tmp.resolve("extra.mbox");
        Files.writeString(extra, mail("<extra-1@example.org>", "RDMA/core: one more mail after the rebuild"));
        CliRun ingest = CliRun.of("ingest", "--data", data.toString(), "--list", "linux-rdma", extra.toString());
        assertEquals(0, ingest.code(), ingest.err());
        awaitStatus(base + "/api/messages/" + "extra-1@example.org", 200);

        // Watch in another process, from a configured source.
        Path watched = tmp.resolve("watched.mbox");
        Files.writeString(watched, mail("<watched-1@example.org>", "RDMA/core: a watched mail"));
        Path conf = tmp.resolve("patchlane.conf");
        Files.writeString(conf, "[source \"w\"]\n\turl = " + watched + "\n\tlist = linux-rdma\n");
        CliRun watch = CliRun.of("watch", "--once", "--data", data.toString(), "--config", conf.toString());
        assertEquals(0, watch.code(), watch.err());
        awaitStatus(base + "/api/messages/" + "watched-1@example.org", 200);
        assertEquals(messages + 2, stat(base, "messages"));
        assertTrue(server.isAlive(), "the server is still running");
    }

    /** A server on a port it picks itself ({@code --port 0}): the address it prints is the one it listens on. */
    private String startServer(Path data) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = tmp.resolve("server.log");
        server = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--data", data.toString(), "--port", "0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Pattern banner = Pattern.compile("Patchlane serves .* on (http://127\\.0\\.0\\.1:(\\d+))/");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher m = banner.matcher(Files.readString(log));
            if (m.find()) {
                assertTrue(Integer.parseInt(m.group(2)) > 0, m.group());
                awaitStatus(m.group(1) + "/api/stats", 200);
                return m.group(1);
            }
            if (!server.isAlive()) fail("server exited: " + Files.readString(log));
            Thread.sleep(100);
        }
        return fail("no address printed; server log:\n" + Files.readString(log));
    }

    private void awaitStatus(String url, int status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int last = -1;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) fail("server exited: " + Files.readString(tmp.resolve("server.log")));
            try {
                last = get(url).statusCode();
                if (last == status) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        fail(url + " answered " + last + ", not " + status + "; server log:\n"
                + Files.readString(tmp.resolve("server.log")));
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static long stat(String base, String field) throws Exception {
        return JSON.readTree(get(base + "/api/stats").body()).get(field).asLong();
    }

    private static long total(String base, String path) throws Exception {
        return JSON.readTree(get(base + path).body()).get("total").asLong();
    }

    private static String mail(String id, String subject) {
        return "From dev@example.org Mon Nov 30 10:00:00 2026\n"
                + "From: Dev Eloper <dev@example.org>\n"
                + "To: linux-rdma@vger.kernel.org\n"
                + "Subject: " + subject + "\n"
                + "Date: Mon, 30 Nov 2026 10:00:00 +0000\n"
                + "Message-ID: " + id + "\n\n"
                + "Body text.\n\n";
    }

    /** Requests every page in turn until stopped, recording any answer that is not the whole archive. */
    private static final class Poller implements Runnable {
        final String base;
        final long messages;
        final long auxHits;
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger requests = new AtomicInteger();
        final List<String> failures = new CopyOnWriteArrayList<>();

        Poller(String base, long messages, long auxHits) {
            this.base = base;
            this.messages = messages;
            this.auxHits = auxHits;
        }

        @Override
        public void run() {
            for (int i = 0; !stop.get() && failures.size() < 20; i++) {
                String page = PAGES.get(i % PAGES.size());
                try {
                    HttpResponse<String> r = get(base + page);
                    requests.incrementAndGet();
                    if (r.statusCode() != 200) {
                        failures.add(page + " answered " + r.statusCode() + ": " + head(r.body()));
                    } else if (page.equals("/api/stats")) {
                        JsonNode n = JSON.readTree(r.body());
                        if (n.get("messages").asLong() != messages) failures.add(page + ": " + n);
                    } else if (page.startsWith("/api/search")) {
                        long got = JSON.readTree(r.body()).get("total").asLong();
                        if (got != auxHits) failures.add(page + ": total " + got + ", not " + auxHits);
                    }
                    Thread.sleep(10);
                } catch (Exception e) {
                    failures.add(page + ": " + e);
                }
            }
        }

        private static String head(String body) {
            return body.length() > 300 ? body.substring(0, 300) : body;
        }
    }
}
