package org.patchlane.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

import org.patchlane.bench.ArchiveGenerator;
import org.patchlane.cli.measure.GcLog;
import org.patchlane.cli.measure.Measured;
import org.patchlane.cli.measure.MeasuredProcess;
import org.patchlane.cli.measure.Stats;
import org.patchlane.cli.measure.Trees;
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
    private final Runner runner;

    ScaleBench(Path dir, String heap, int requests, int queries, Consumer<String> progress) {
        this(dir, heap, requests, queries, progress, command -> MeasuredProcess.run(command, Map.of(), null));
    }

    ScaleBench(Path dir, String heap, int requests, int queries, Consumer<String> progress, Runner runner) {
        this.dir = dir;
        this.heap = heap;
        this.requests = requests;
        this.queries = queries;
        this.progress = progress;
        this.runner = runner;
    }

    /** Starts one step's child process (a new JVM); a test answers in its place. */
    interface Runner {
        Measured run(List<String> command) throws IOException, InterruptedException;
    }

    /**
     * Both sizes; a step that fails ends the run, and the report then holds what was measured before it (the base
     * size's figures, the large size's ingest) and names the failed step in {@link Report#failed}.
     */
    Report run(long base, int factor, int baseRuns) throws InterruptedException {
        Size small;
        try {
            small = size(base, baseRuns);
        } catch (Failed f) {
            return Report.of(heap, f.measured, null, f.getMessage());
        }
        try {
            return Report.of(heap, small, size(base * factor, 1), null);
        } catch (Failed f) {
            return Report.of(heap, small, f.measured, f.getMessage());
        }
    }

    /** A step that failed: which one and why, and the figures of its archive size measured before it. */
    private static final class Failed extends Exception {
        final transient Size measured;

        Failed(String message, Size measured) {
            super(message);
            this.measured = measured;
        }
    }

    /** One archive size's figures as they are measured, step after step. */
    private static final class Sizing {
        final long messages;
        final List<Ingest> ingests = new ArrayList<>();
        double seriesPage = Double.NaN, search = Double.NaN;
        long serverLive, serverRss, searchLive, searchRss;
        final List<Double> processMillis = new ArrayList<>();

        Sizing(long messages) {
            this.messages = messages;
        }

        Size size() {
            Ingest median = ingests.isEmpty() ? null : Stats.medianRun(ingests, Ingest::messagesPerSecond);
            return new Size(median != null ? median.messages() : messages, median,
                    ingests.stream().map(Ingest::messagesPerSecond).toList(), seriesPage, search, serverLive, serverRss,
                    processMillis.isEmpty() ? Double.NaN : Stats.median(processMillis), searchLive, searchRss);
        }
    }

    /** One archive size: generated once (kept for the next run), ingested RUNS times, then served and searched. */
    private Size size(long messages, int runs) throws Failed, InterruptedException {
        Sizing sizing = new Sizing(messages);
        String step = "generating the archive of " + Plural.of(messages, "message");
        try {
            Path mbox = archive(messages);
            Path data = dir.resolve("scale-data-" + messages);
            for (int i = 1; i <= runs; i++) {
                step = "ingest run " + i + " of " + Plural.of(messages, "message");
                Trees.delete(data);
                Path gc = dir.resolve("scale-gc-ingest-" + messages + ".log");
                Files.deleteIfExists(gc);
                Measured m = runner.run(BenchCommand.command(List.of("-Xmx" + heap, GcLog.option(gc)), "ingest",
                        "--json", "--data", data.toString(), mbox.toString()));
                if (m.exitCode() != ExitCode.OK) throw new IOException("exited " + m.exitCode() + ": " + lastLine(m));
                JsonNode r = JSON.readTree(m.out());
                long count = r.get("messages").asLong();
                GcLog g = GcLog.read(gc);
                Ingest in = new Ingest(count, r.get("messagesPerSecond").asDouble(), m.wallSeconds(), m.cpuSeconds(),
                        Trees.size(data), Math.max(r.get("peakHeapBytes").asLong(), g.peakUsedBytes()), g.peakLiveBytes(),
                        m.peakRssBytes());
                sizing.ingests.add(in);
                progress.accept(String.format("bench scale: %s ingest run %d: %,.0f msg/s, %,.0f index bytes/message, "
                                + "live heap %,d MiB, RSS %,d MiB", Plural.of(count, "message"), i,
                        in.messagesPerSecond(), in.indexBytesPerMessage(), in.peakLiveHeapBytes() >> 20,
                        in.peakRssBytes() >> 20));
            }

            step = "bench web on " + Plural.of(messages, "message");
            Path gc = dir.resolve("scale-gc-web-" + messages + ".log");
            Files.deleteIfExists(gc);
            Measured w = runner.run(BenchCommand.command(List.of("-Xmx" + heap, GcLog.option(gc)), "bench", "web",
                    "--json", "--data", data.toString(), "--requests", Integer.toString(requests), "--queries",
                    Integer.toString(queries)));
            sizing.serverLive = GcLog.read(gc).peakLiveBytes();
            sizing.serverRss = w.peakRssBytes();
            if (w.exitCode() != ExitCode.OK) throw new IOException("exited " + w.exitCode() + ": " + lastLine(w));
            for (JsonNode page : JSON.readTree(w.out()).get("pages")) {
                if (page.get("kind").asText().equals("series")) sizing.seriesPage = page.get("server").get("p50").asDouble();
                if (page.get("kind").asText().equals("search")) sizing.search = page.get("server").get("p50").asDouble();
            }
            progress.accept(String.format("bench scale: %s served: series page p50 %.1f ms, search p50 %.1f ms (server "
                    + "time), live heap %,d MiB", Plural.of(messages, "message"), sizing.seriesPage, sizing.search,
                    sizing.serverLive >> 20));

            // At most --queries of them: a test runs the bench small.
            for (String q : PROCESS_QUERIES.subList(0, Math.max(1, Math.min(queries, PROCESS_QUERIES.size())))) {
                step = "search '" + q + "' as a new process on " + Plural.of(messages, "message");
                Path sgc = dir.resolve("scale-gc-search.log");
                Files.deleteIfExists(sgc);
                Measured s = runner.run(BenchCommand.command(List.of("-Xmx" + heap, GcLog.option(sgc)), "search",
                        "--json", "--limit", "20", "--data", data.toString(), q));
                if (s.exitCode() > ExitCode.NOT_FOUND) throw new IOException("exited " + s.exitCode() + ": "
                        + lastLine(s));
                sizing.processMillis.add(s.wallMillis());
                sizing.searchLive = Math.max(sizing.searchLive, GcLog.read(sgc).peakLiveBytes());
                sizing.searchRss = Math.max(sizing.searchRss, s.peakRssBytes());
            }
        } catch (IOException | RuntimeException e) {
            throw new Failed(step + ": " + (e.getMessage() != null ? e.getMessage() : e.toString()), sizing.size());
        }
        return sizing.size();
    }

    /** The last line a failed child wrote on standard error (its own failure message), else on standard output. */
    private static String lastLine(Measured m) {
        String text = (m.err().isBlank() ? m.out() : m.err()).strip();
        return text.isEmpty() ? "(nothing on standard error)" : text.substring(text.lastIndexOf('\n') + 1);
    }

    /** The generated archive of this size in the bench directory, written once and reused (1,000,000 is ~3 GB). */
    private Path archive(long messages) throws IOException {
        return generated(dir, messages, progress);
    }

    /** The generated archive of {@code messages} in {@code dir}, written once (through a .tmp) and reused. */
    static Path generated(Path dir, long messages, Consumer<String> progress) throws IOException {
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

    /** One ingest run: its rate, the index it left, and its heap (peak in use, peak live) and RSS. */
    record Ingest(long messages, double messagesPerSecond, double wallSeconds, double cpuSeconds, long indexBytes,
                  long peakHeapBytes, long peakLiveHeapBytes, long peakRssBytes) {
        double indexBytesPerMessage() {
            return (double) indexBytes / Math.max(1, messages);
        }
    }

    /**
     * One archive size's figures; the ingest is the median-rate run, null when no ingest run ended (a failed run
     * leaves the figures of the steps it did not reach NaN or 0).
     */
    record Size(long messages, Ingest ingest, List<Double> messagesPerSecond, double seriesPageServerP50Millis,
                double searchServerP50Millis, long serverPeakLiveHeapBytes, long serverPeakRssBytes,
                double searchProcessP50Millis, long searchProcessPeakLiveHeapBytes, long searchProcessPeakRssBytes) {
        double indexBytesPerMessage() {
            return ingest == null ? Double.NaN : ingest.indexBytesPerMessage();
        }
    }

    /**
     * {@code bench scale --json}: both sizes and the ratios the targets are stated in; {@code large} is null when the
     * run failed before it, and {@code failed} names the step that failed (null when every step ran).
     */
    record Report(String heap, Size base, Size large, double rateRatio, boolean rateMeetsTarget, double searchRatio,
                  double seriesPageRatio, boolean timesMeetTarget, double ingestLiveHeapRatio,
                  double serverLiveHeapRatio, String failed) {
        static Report of(String heap, Size base, Size large, String failed) {
            double rate = ratio(large, base, s -> ingest(s, Ingest::messagesPerSecond));
            double search = ratio(large, base, Size::searchServerP50Millis);
            double series = ratio(large, base, Size::seriesPageServerP50Millis);
            return new Report(heap, base, large, rate, rate >= RATE_TARGET, search, series,
                    search <= TIME_TARGET && series <= TIME_TARGET,
                    heapRatio(large, base, s -> ingest(s, Ingest::peakLiveHeapBytes)),
                    heapRatio(large, base, Size::serverPeakLiveHeapBytes), failed);
        }

        /** A figure of the size's ingest run, NaN when there is none. */
        private static double ingest(Size s, ToDoubleFunction<Ingest> figure) {
            return s == null || s.ingest() == null ? Double.NaN : figure.applyAsDouble(s.ingest());
        }

        private static double figure(Size s, ToDoubleFunction<Size> figure) {
            return s == null ? Double.NaN : figure.applyAsDouble(s);
        }

        private static double ratio(Size large, Size base, ToDoubleFunction<Size> figure) {
            return figure(large, figure) / figure(base, figure);
        }

        /** As {@link #ratio}, NaN when the base JVM never collected (its live heap 0). */
        private static double heapRatio(Size large, Size base, ToDoubleFunction<Size> figure) {
            double b = figure(base, figure);
            return b == 0 ? Double.NaN : figure(large, figure) / b;
        }

        String text() {
            StringBuilder s = new StringBuilder(String.format("scale: %s against %s, -Xmx%s%n",
                    large == null ? "(not reached)" : Plural.of(large.messages(), "message"),
                    Plural.of(base.messages(), "message"), heap));
            s.append(String.format("  %-28s %18s %18s %10s%n", "", count(base), count(large), "ratio"));
            row(s, "ingest msg/s", x -> ingest(x, Ingest::messagesPerSecond), "%,.0f", rateRatio,
                    String.format("target >= %.1f: %s", RATE_TARGET, verdict(rateRatio, rateMeetsTarget)));
            row(s, "ingest CPU s", x -> ingest(x, Ingest::cpuSeconds), "%,.1f", Double.NaN, "");
            row(s, "index bytes/message", x -> ingest(x, Ingest::indexBytesPerMessage), "%,.0f",
                    ratio(large, base, Size::indexBytesPerMessage), "");
            row(s, "ingest peak heap MiB", x -> mib(ingest(x, Ingest::peakHeapBytes)), "%,.0f", Double.NaN,
                    "in use, garbage included");
            row(s, "ingest live heap MiB", x -> mib(ingest(x, Ingest::peakLiveHeapBytes)), "%,.0f",
                    ingestLiveHeapRatio, "after a collection");
            row(s, "ingest peak RSS MiB", x -> mib(ingest(x, Ingest::peakRssBytes)), "%,.0f", Double.NaN, "");
            row(s, "series page server p50 ms", Size::seriesPageServerP50Millis, "%.1f", seriesPageRatio,
                    String.format("target <= %.0fx: %s", TIME_TARGET, verdict(seriesPageRatio, seriesPageRatio <= TIME_TARGET)));
            row(s, "search server p50 ms", Size::searchServerP50Millis, "%.1f", searchRatio,
                    String.format("target <= %.0fx: %s", TIME_TARGET, verdict(searchRatio, searchRatio <= TIME_TARGET)));
            row(s, "server live heap MiB", x -> mib(x.serverPeakLiveHeapBytes()), "%,.0f", serverLiveHeapRatio, "");
            row(s, "server peak RSS MiB", x -> mib(x.serverPeakRssBytes()), "%,.0f", Double.NaN, "");
            row(s, "search as a process p50 ms", Size::searchProcessP50Millis, "%,.0f",
                    ratio(large, base, Size::searchProcessP50Millis), "JVM start included");
            row(s, "search process live heap MiB", x -> mib(x.searchProcessPeakLiveHeapBytes()), "%,.0f", Double.NaN,
                    "");
            row(s, "search process RSS MiB", x -> mib(x.searchProcessPeakRssBytes()), "%,.0f", Double.NaN, "");
            if (failed != null) {
                s.append(String.format("  FAILED: %s; the figures above are those measured before it (- where not "
                        + "reached)%n", failed));
            }
            return s.toString().stripTrailing();
        }

        private static String verdict(double ratio, boolean met) {
            return Double.isNaN(ratio) ? "not measured" : met ? "met" : "missed";
        }

        private static String count(Size s) {
            return s == null ? "-" : String.format("%,d msgs", s.messages());
        }

        private static double mib(double bytes) {
            return bytes / (1 << 20);
        }

        private void row(StringBuilder s, String label, ToDoubleFunction<Size> figure, String format, double ratio,
                         String note) {
            s.append(String.format("  %-28s %18s %18s %10s  %s%n", label, value(format, figure(base, figure)),
                    value(format, figure(large, figure)), Double.isNaN(ratio) ? "" : String.format("%.2f", ratio), note));
        }

        /** A figure as the table shows it: "-" when it was not measured (NaN) or never reached. */
        private static String value(String format, double v) {
            return Double.isNaN(v) ? "-" : String.format(format, v);
        }
    }
}
