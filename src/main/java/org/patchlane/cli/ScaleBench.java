package org.patchlane.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.patchlane.bench.ArchiveGenerator;
import org.patchlane.cli.measure.GcLog;
import org.patchlane.cli.measure.Measured;
import org.patchlane.cli.measure.MeasuredProcess;
import org.patchlane.view.Plural;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code bench scale}: the same pipeline on a base archive and on one FACTOR times larger, in the same run, each
 * step a new JVM with the same {@code -Xmx}: ingest (rate, index bytes, heap, RSS), the served pages (the server's own
 * time of series pages and searches, after a warm-up) and searches as new processes. The heap is read from each
 * child's GC log: the live heap after a collection is what must not grow with the archive.
 */
final class ScaleBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Queries a maintainer types, each answered at both sizes as a new process. */
    static final List<String> PROCESS_QUERIES = List.of("s:mlx5", "f:leon", "b:lifetime", "kind:cover AND v:2",
            "nq:\"change-id\"");
    static final double RATE_TARGET = 0.8;
    static final double TIME_TARGET = 2.0;

    private final Path dir;
    private final String heap;
    private final int requests;
    private final int queries;
    private final Consumer<String> progress;

    ScaleBench(Path dir, String heap, int requests, int queries, Consumer<String> progress) {
        this.dir = dir;
        this.heap = heap;
        this.requests = requests;
        this.queries = queries;
        this.progress = progress;
    }

    Report run(long base, int factor, int baseRuns) throws IOException, InterruptedException {
        Size small = size(base, baseRuns);
        Size large = size(base * factor, 1);
        return Report.of(heap, small, large);
    }

    /** One archive size: generated once (kept for the next run), ingested RUNS times, then served and searched. */
    private Size size(long messages, int runs) throws IOException, InterruptedException {
        Path mbox = archive(messages);
        Path data = dir.resolve("scale-data-" + messages);
        List<Ingest> ingests = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            deleteTree(data);
            Path gc = dir.resolve("scale-gc-ingest-" + messages + ".log");
            Files.deleteIfExists(gc);
            Measured m = MeasuredProcess.run(BenchCommand.command(List.of("-Xmx" + heap, GcLog.option(gc)), "ingest",
                    "--json", "--data", data.toString(), mbox.toString()), java.util.Map.of(), null);
            if (m.exitCode() != ExitCode.OK) throw new IOException("ingest of " + mbox + " exited " + m.exitCode() + ": "
                    + m.err().strip());
            JsonNode r = JSON.readTree(m.out());
            long count = r.get("messages").asLong();
            GcLog g = GcLog.read(gc);
            Ingest in = new Ingest(count, r.get("messagesPerSecond").asDouble(), m.wallSeconds(), m.cpuSeconds(),
                    size(data), Math.max(r.get("peakHeapBytes").asLong(), g.peakUsedBytes()), g.peakLiveBytes(),
                    m.peakRssBytes());
            ingests.add(in);
            progress.accept(String.format("bench scale: %s ingest run %d: %,.0f msg/s, %,.0f index bytes/message, "
                            + "live heap %,d MiB, RSS %,d MiB", Plural.of(count, "message"), i, in.messagesPerSecond(),
                    in.indexBytesPerMessage(), in.peakLiveHeapBytes() >> 20, in.peakRssBytes() >> 20));
        }
        Ingest ingest = ingests.stream().sorted(Comparator.comparingDouble(Ingest::messagesPerSecond)).toList()
                .get(ingests.size() / 2);

        Path gc = dir.resolve("scale-gc-web-" + messages + ".log");
        Files.deleteIfExists(gc);
        Measured w = MeasuredProcess.run(BenchCommand.command(List.of("-Xmx" + heap, GcLog.option(gc)), "bench", "web",
                "--json", "--data", data.toString(), "--requests", Integer.toString(requests), "--queries",
                Integer.toString(queries)), java.util.Map.of(), null);
        if (w.exitCode() != ExitCode.OK) throw new IOException("bench web exited " + w.exitCode() + ": " + w.err().strip());
        double seriesPage = Double.NaN, search = Double.NaN;
        for (JsonNode page : JSON.readTree(w.out()).get("pages")) {
            if (page.get("kind").asText().equals("series")) seriesPage = page.get("server").get("p50").asDouble();
            if (page.get("kind").asText().equals("search")) search = page.get("server").get("p50").asDouble();
        }
        GcLog served = GcLog.read(gc);
        progress.accept(String.format("bench scale: %s served: series page p50 %.1f ms, search p50 %.1f ms (server "
                + "time), live heap %,d MiB", Plural.of(ingest.messages(), "message"), seriesPage, search,
                served.peakLiveBytes() >> 20));

        List<Double> processMillis = new ArrayList<>();
        long searchLive = 0, searchRss = 0;
        // At most --queries of them: a test runs the bench small.
        for (String q : PROCESS_QUERIES.subList(0, Math.max(1, Math.min(queries, PROCESS_QUERIES.size())))) {
            Path sgc = dir.resolve("scale-gc-search.log");
            Files.deleteIfExists(sgc);
            Measured s = MeasuredProcess.run(BenchCommand.command(List.of("-Xmx" + heap, GcLog.option(sgc)), "search",
                    "--json", "--limit", "20", "--data", data.toString(), q), java.util.Map.of(), null);
            if (s.exitCode() > ExitCode.NOT_FOUND) throw new IOException("search " + q + " exited " + s.exitCode());
            processMillis.add(s.wallMillis());
            searchLive = Math.max(searchLive, GcLog.read(sgc).peakLiveBytes());
            searchRss = Math.max(searchRss, s.peakRssBytes());
        }
        return new Size(ingest.messages(), ingest, ingests.stream().map(Ingest::messagesPerSecond).toList(),
                seriesPage, search, served.peakLiveBytes(), w.peakRssBytes(), BenchCommand.medianOf(processMillis),
                searchLive, searchRss);
    }

    /** The generated archive of this size in the bench directory, written once and reused (1,000,000 is ~3 GB). */
    Path archive(long messages) throws IOException {
        Path mbox = dir.resolve("generated-" + messages + ".mbox");
        if (!Files.exists(mbox)) {
            Files.createDirectories(dir);
            progress.accept("bench scale: generating " + Plural.of(messages, "message") + " into " + mbox);
            Path tmp = mbox.resolveSibling(mbox.getFileName() + ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                ArchiveGenerator.write(messages, 1, out);
            }
            Files.move(tmp, mbox);
        }
        return mbox;
    }

    private static long size(Path tree) throws IOException {
        try (Stream<Path> files = Files.walk(tree)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path tree) throws IOException {
        if (!Files.exists(tree)) return;
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }

    /** One ingest run: its rate, the index it left, and its heap (peak in use, peak live) and RSS. */
    record Ingest(long messages, double messagesPerSecond, double wallSeconds, double cpuSeconds, long indexBytes,
                  long peakHeapBytes, long peakLiveHeapBytes, long peakRssBytes) {
        double indexBytesPerMessage() {
            return (double) indexBytes / Math.max(1, messages);
        }
    }

    /** One archive size's figures; the ingest is the median-rate run. */
    record Size(long messages, Ingest ingest, List<Double> messagesPerSecond, double seriesPageServerP50Millis,
                double searchServerP50Millis, long serverPeakLiveHeapBytes, long serverPeakRssBytes,
                double searchProcessP50Millis, long searchProcessPeakLiveHeapBytes, long searchProcessPeakRssBytes) {
        double indexBytesPerMessage() {
            return ingest.indexBytesPerMessage();
        }
    }

    /** {@code bench scale --json}: both sizes and the ratios the targets are stated in. */
    record Report(String heap, Size base, Size large, double rateRatio, boolean rateMeetsTarget, double searchRatio,
                  double seriesPageRatio, boolean timesMeetTarget, double ingestLiveHeapRatio,
                  double serverLiveHeapRatio) {
        static Report of(String heap, Size base, Size large) {
            double rate = large.ingest().messagesPerSecond() / base.ingest().messagesPerSecond();
            double search = large.searchServerP50Millis() / base.searchServerP50Millis();
            double series = large.seriesPageServerP50Millis() / base.seriesPageServerP50Millis();
            return new Report(heap, base, large, rate, rate >= RATE_TARGET, search, series,
                    search <= TIME_TARGET && series <= TIME_TARGET,
                    ratio(large.ingest().peakLiveHeapBytes(), base.ingest().peakLiveHeapBytes()),
                    ratio(large.serverPeakLiveHeapBytes(), base.serverPeakLiveHeapBytes()));
        }

        private static double ratio(long a, long b) {
            return b == 0 ? Double.NaN : (double) a / b;
        }

        String text() {
            StringBuilder s = new StringBuilder(String.format("scale: %s against %s, -Xmx%s%n",
                    Plural.of(large.messages(), "message"), Plural.of(base.messages(), "message"), heap));
            s.append(String.format("  %-28s %18s %18s %10s%n", "", count(base.messages()), count(large.messages()),
                    "ratio"));
            row(s, "ingest msg/s", base.ingest().messagesPerSecond(), large.ingest().messagesPerSecond(), "%,.0f",
                    rateRatio, String.format("target >= %.1f: %s", RATE_TARGET, rateMeetsTarget ? "met" : "missed"));
            row(s, "ingest CPU s", base.ingest().cpuSeconds(), large.ingest().cpuSeconds(), "%,.1f", Double.NaN, "");
            row(s, "index bytes/message", base.indexBytesPerMessage(), large.indexBytesPerMessage(), "%,.0f",
                    large.indexBytesPerMessage() / base.indexBytesPerMessage(), "");
            row(s, "ingest peak heap MiB", mib(base.ingest().peakHeapBytes()), mib(large.ingest().peakHeapBytes()),
                    "%,.0f", Double.NaN, "in use, garbage included");
            row(s, "ingest live heap MiB", mib(base.ingest().peakLiveHeapBytes()),
                    mib(large.ingest().peakLiveHeapBytes()), "%,.0f", ingestLiveHeapRatio, "after a collection");
            row(s, "ingest peak RSS MiB", mib(base.ingest().peakRssBytes()), mib(large.ingest().peakRssBytes()), "%,.0f",
                    Double.NaN, "");
            row(s, "series page server p50 ms", base.seriesPageServerP50Millis(), large.seriesPageServerP50Millis(),
                    "%.1f", seriesPageRatio, String.format("target <= %.0fx: %s", TIME_TARGET,
                            seriesPageRatio <= TIME_TARGET ? "met" : "missed"));
            row(s, "search server p50 ms", base.searchServerP50Millis(), large.searchServerP50Millis(), "%.1f",
                    searchRatio, String.format("target <= %.0fx: %s", TIME_TARGET, searchRatio <= TIME_TARGET ? "met"
                            : "missed"));
            row(s, "server live heap MiB", mib(base.serverPeakLiveHeapBytes()), mib(large.serverPeakLiveHeapBytes()),
                    "%,.0f", serverLiveHeapRatio, "");
            row(s, "server peak RSS MiB", mib(base.serverPeakRssBytes()), mib(large.serverPeakRssBytes()), "%,.0f",
                    Double.NaN, "");
            row(s, "search as a process p50 ms", base.searchProcessP50Millis(), large.searchProcessP50Millis(), "%,.0f",
                    large.searchProcessP50Millis() / base.searchProcessP50Millis(), "JVM start included");
            row(s, "search process live heap MiB", mib(base.searchProcessPeakLiveHeapBytes()),
                    mib(large.searchProcessPeakLiveHeapBytes()), "%,.0f", Double.NaN, "");
            row(s, "search process RSS MiB", mib(base.searchProcessPeakRssBytes()),
                    mib(large.searchProcessPeakRssBytes()), "%,.0f", Double.NaN, "");
            return s.toString().stripTrailing();
        }

        private static String count(long n) {
            return String.format("%,d msgs", n);
        }

        private static double mib(long bytes) {
            return bytes / (double) (1 << 20);
        }

        private static void row(StringBuilder s, String label, double a, double b, String format, double ratio,
                                String note) {
            s.append(String.format("  %-28s %18s %18s %10s  %s%n", label, String.format(format, a),
                    String.format(format, b), Double.isNaN(ratio) ? "" : String.format("%.2f", ratio), note));
        }
    }
}
