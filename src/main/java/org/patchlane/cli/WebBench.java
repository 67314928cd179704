package org.patchlane.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.patchlane.web.Links;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The client of {@code bench web}: picks the pages to time through the server's own JSON API (so that a running
 * server given by URL is sampled the same way as one started in-process), then times them one request at a time
 * and under a concurrent load. Each request's time is taken twice: as the client saw it (request sent to body read)
 * and as the server measured it ({@code Server-Timing: app;dur=MS}, the route and its rendering).
 */
final class WebBench {
    /** Lore queries as maintainers and b4 type them; each matches mail of a generated archive. */
    static final List<String> SEARCHES = List.of("s:mlx5", "f:leonie", "s:fix AND kind:patch", "dfn:verbs.c",
            "nq:\"change-id\"", "s:\"RDMA/core\"", "d:2026-01-01..2026-02-01 AND kind:patch", "rb:jason",
            "bs:regression", "ack:praman");
    /** The series list as it is opened (first and a later page) and filtered (a state, a person, a query). */
    static final List<String> SERIES_LISTS = List.of("/series", "/series?o=50", "/series?state=under-review",
            "/series?person=jason", "/series?q=" + Links.encode("s:mlx5"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The Server-Timing metrics the server writes: its wall time, and its thread's CPU time. */
    static final String APP = "app";
    static final String CPU = "cpu";

    private final String base;
    private final HttpClient http;
    private final Consumer<String> progress;

    /**
     * @param base     the server's root, without a trailing slash: {@code http://127.0.0.1:7070}
     * @param progress told one line per stage (the CLI prints it on stderr)
     */
    WebBench(String base, Consumer<String> progress) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.progress = progress;
    }

    /** The pages timed, by kind, in the order they are requested. */
    record Sample(long series, long messages, Map<PageKind, List<String>> paths) {
        Sample {
            paths = java.util.Collections.unmodifiableMap(new EnumMap<>(paths));
        }

        int size() {
            return paths.values().stream().mapToInt(List::size).sum();
        }
    }

    /**
     * One request: its status, the client's time, the server's wall time and its thread's CPU time (NaN: not sent).
     */
    record Timing(PageKind kind, int status, double clientMillis, double serverMillis, double cpuMillis) {
        boolean ok() {
            return status == 200;
        }
    }

    /**
     * Up to {@code n} series and {@code n} threads spread evenly over the archive (by the series list's and the
     * search's orders, newest first: the same ones on every run over the same archive), the series lists and the
     * searches. Every page is fetched once, and must answer 200.
     */
    Sample sample(int n) throws IOException, InterruptedException {
        Map<PageKind, List<String>> paths = new EnumMap<>(PageKind.class);
        paths.put(PageKind.SERIES_LIST, SERIES_LISTS);
        long series = json("/api/series?limit=1").path("total").asLong();
        List<String> seriesPages = new ArrayList<>();
        for (long offset : spread(series, n)) {
            JsonNode page = json("/api/series?limit=1&offset=" + offset).path("series");
            if (page.size() > 0) seriesPages.add("/series/" + Links.encode(page.get(0).path("series").asText()));
        }
        long messages = json("/api/search?limit=1").path("total").asLong();
        List<String> threads = new ArrayList<>();
        for (long offset : spread(messages, n)) {
            JsonNode hits = json("/api/search?limit=1&offset=" + offset).path("hits");
            if (hits.size() > 0) {
                threads.add(Links.thread(hits.get(0).path("list").asText(""), hits.get(0).path("messageId").asText()));
            }
        }
        if (seriesPages.isEmpty() || threads.isEmpty()) {
            throw new IllegalArgumentException("the archive at " + base + " holds no series or no messages to time");
        }
        paths.put(PageKind.SERIES, List.copyOf(seriesPages));
        paths.put(PageKind.THREAD, List.copyOf(threads));
        paths.put(PageKind.SEARCH, SEARCHES.stream().map(q -> "/all/?q=" + Links.encode(q)).toList());
        Sample sample = new Sample(series, messages, paths);
        for (Map.Entry<PageKind, List<String>> e : sample.paths().entrySet()) {
            for (String path : e.getValue()) {
                Timing t = time(e.getKey(), path);
                if (!t.ok()) throw new IOException("GET " + base + path + " answered " + t.status());
            }
        }
        return sample;
    }

    /** {@code n} offsets spread evenly over {@code total} items, within the API's largest offset. */
    static List<Long> spread(long total, int n) {
        List<Long> out = new ArrayList<>();
        long reachable = Math.min(total, org.patchlane.store.Searcher.MAX_OFFSET + 1L);
        if (reachable <= 0 || n <= 0) return out;
        long count = Math.min(reachable, n);
        for (long i = 0; i < count; i++) out.add(i * reachable / count);
        return out;
    }

    /**
     * {@code warmup} then {@code requests} requests of each kind, one at a time, the kinds interleaved (so a noisy
     * moment of a shared machine spreads over all of them) and each kind cycling through its pages. Returns the
     * timed requests, warm-up left out.
     */
    List<Timing> measure(Sample sample, int warmup, int requests) throws IOException, InterruptedException {
        progress.accept(String.format("bench web: warming up (%,d requests of each page kind)", warmup));
        for (int i = 0; i < warmup; i++) {
            for (PageKind k : sample.paths().keySet()) time(k, pick(sample, k, i));
        }
        progress.accept(String.format("bench web: timing %,d requests of each of %d page kinds (%d pages)", requests,
                sample.paths().size(), sample.size()));
        List<Timing> out = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            for (PageKind k : sample.paths().keySet()) out.add(time(k, pick(sample, k, i)));
        }
        return out;
    }

    /** What a load run saw, with its window on this JVM's {@link System#nanoTime} clock. */
    record Load(List<Timing> timings, long exceptions, long startNanos, long endNanos) {
        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }
    }

    /**
     * {@code concurrency} clients requesting the pages of every kind in turn, as fast as answers come, for
     * {@code duration}. A request that throws (refused, reset, timed out) counts as an exception; one that answers
     * anything but 200 is kept with its status.
     */
    Load load(Sample sample, Duration duration, int concurrency) throws InterruptedException {
        List<PageKind> kinds = List.copyOf(sample.paths().keySet());
        AtomicLong next = new AtomicLong();
        AtomicLong exceptions = new AtomicLong();
        List<List<Timing>> perClient = new ArrayList<>();
        List<Thread> clients = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int c = 0; c < concurrency; c++) {
            List<Timing> mine = new ArrayList<>();
            perClient.add(mine);
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long n = next.getAndIncrement();
                    PageKind k = kinds.get((int) (n % kinds.size()));
                    try {
                        mine.add(time(k, pick(sample, k, n / kinds.size())));
                    } catch (IOException e) {
                        exceptions.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "bench-web-client-" + c);
            clients.add(t);
            t.start();
        }
        for (Thread t : clients) t.join();
        long stopped = System.nanoTime();
        List<Timing> all = new ArrayList<>();
        perClient.forEach(all::addAll);
        return new Load(List.copyOf(all), exceptions.get(), start, stopped);
    }

    /**
     * Waits until the server holds more than {@code messages} messages (a writer's commit became visible), while
     * {@code running} holds, for at most {@code timeout}; false when it gave up.
     */
    boolean awaitMoreMessages(long messages, java.util.function.BooleanSupplier running, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && running.getAsBoolean()) {
            if (json("/api/stats").path("messages").asLong() > messages) return true;
            Thread.sleep(200);
        }
        return json("/api/stats").path("messages").asLong() > messages;
    }

    private static String pick(Sample sample, PageKind kind, long i) {
        List<String> paths = sample.paths().get(kind);
        return paths.get((int) (i % paths.size()));
    }

    /** One GET, its body read to the end. */
    Timing time(PageKind kind, String path) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build();
        long start = System.nanoTime();
        HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        double client = (System.nanoTime() - start) / 1e6;
        Optional<String> timing = r.headers().firstValue("Server-Timing");
        return new Timing(kind, r.statusCode(), client, metric(timing, APP), metric(timing, CPU));
    }

    /**
     * A metric's {@code dur} in a Server-Timing header ({@code app;dur=1.5, cpu;dur=0.8}); NaN when the header or
     * the metric is absent (a server without the hook).
     */
    static double metric(Optional<String> header, String name) {
        if (header.isEmpty()) return Double.NaN;
        String prefix = name + ";dur=";
        for (String metric : header.get().split(",")) {
            String m = metric.strip();
            if (m.startsWith(prefix)) {
                try {
                    return Double.parseDouble(m.substring(prefix.length()));
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }
        }
        return Double.NaN;
    }

    private JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + base + path + " answered " + r.statusCode()
                    + " (is it a Patchlane server?)");
        }
        return JSON.readTree(r.body());
    }

}
