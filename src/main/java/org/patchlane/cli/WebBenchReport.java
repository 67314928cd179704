package org.patchlane.cli;

import java.util.ArrayList;
import java.util.List;

import org.patchlane.cli.measure.Stats;
import org.patchlane.view.Plural;

/**
 * {@code bench web}'s figures: per page kind the server's and the client's times of requests made one at a time,
 * the verdict against the target median, and the load run's throughput, errors and the concurrent ingest.
 *
 * @param server             the server timed
 * @param inProcess          whether {@code bench web} started it (else {@code --url})
 * @param series             series the archive held when sampled
 * @param messages           messages the archive held when sampled
 * @param warmupRequests     untimed requests of each kind made first
 * @param targetMedianMillis the target each kind's server median must meet
 * @param pages              one entry per page kind
 * @param meetsTarget        every kind's server median (client's when the server sends no timing) meets the target
 * @param load               the load run, or null without {@code --load}
 */
record WebBenchReport(String server, boolean inProcess, long series, long messages, int warmupRequests,
                      double targetMedianMillis, List<PageFigures> pages, boolean meetsTarget, LoadFigures load) {
    /** The target: a median of at most 20 ms of server time for each page kind. */
    static final double TARGET_MILLIS = 20;

    /**
     * Percentiles (nearest rank) and the maximum of some request times, in milliseconds.
     */
    record Spread(double p50, double p90, double p99, double max) {
        /** Null when there is no figure (a server that sends no Server-Timing header). */
        static Spread of(List<Double> millis) {
            List<Double> known = millis.stream().filter(d -> !d.isNaN()).sorted().toList();
            if (known.isEmpty()) return null;
            return new Spread(Stats.percentile(known, 0.5), Stats.percentile(known, 0.9),
                    Stats.percentile(known, 0.99), known.get(known.size() - 1));
        }

        String text() {
            return String.format("p50 %.1f, p90 %.1f, p99 %.1f, max %.1f ms", p50, p90, p99, max);
        }
    }

    /**
     * @param kind        the page kind ({@link PageKind#jsonName})
     * @param paths       distinct pages of that kind requested in turn
     * @param requests    timed requests
     * @param server      the server's own (wall) times, null when it sends none
     * @param serverCpu   the CPU time of the server's request thread, null when it sends none: the work itself,
     *                    without the waits for a core that a busy machine adds to the wall time
     * @param client      the times this client saw, request to last byte
     * @param meetsTarget the server median (else the client's) is at most the target
     */
    record PageFigures(String kind, int paths, int requests, Spread server, Spread serverCpu, Spread client,
                       boolean meetsTarget) {
        static PageFigures of(PageKind kind, int paths, List<WebBench.Timing> timings) {
            List<WebBench.Timing> mine = timings.stream().filter(t -> t.kind() == kind).toList();
            Spread server = Spread.of(mine.stream().map(WebBench.Timing::serverMillis).toList());
            Spread cpu = Spread.of(mine.stream().map(WebBench.Timing::cpuMillis).toList());
            Spread client = Spread.of(mine.stream().map(WebBench.Timing::clientMillis).toList());
            double median = server != null ? server.p50() : client.p50();
            return new PageFigures(kind.jsonName(), paths, mine.size(), server, cpu, client, median <= TARGET_MILLIS);
        }
    }

    /**
     * @param seconds           how long the clients ran
     * @param concurrency       clients requesting at once
     * @param requests          requests answered (any status)
     * @param requestsPerSecond requests answered per second
     * @param errors            non-200 answers plus exceptions: 0 expected
     * @param non200            answers other than 200
     * @param exceptions        requests that failed without an answer (refused, reset, timed out)
     * @param server            the server's times of the answered requests
     * @param client            the clients' times of the answered requests
     * @param ingest            the ingest that ran at the same time
     */
    record LoadFigures(double seconds, int concurrency, long requests, double requestsPerSecond, long errors,
                       long non200, long exceptions, Spread server, Spread client, IngestFigures ingest) {
        static LoadFigures of(WebBench.Load load, int concurrency, IngestFigures ingest) {
            List<WebBench.Timing> t = load.timings();
            long non200 = t.stream().filter(x -> !x.ok()).count();
            return new LoadFigures(load.seconds(), concurrency, t.size(), t.size() / load.seconds(),
                    non200 + load.exceptions(), non200, load.exceptions(),
                    Spread.of(t.stream().map(WebBench.Timing::serverMillis).toList()),
                    Spread.of(t.stream().map(WebBench.Timing::clientMillis).toList()), ingest);
        }
    }

    /**
     * @param mbox              the generated archive ingested
     * @param messages          messages it ingested
     * @param added             of them, new to the archive
     * @param seconds           the ingest's own duration (JVM start-up excluded)
     * @param messagesPerSecond its rate
     * @param overlapSeconds    how much of the load run it ran beside
     */
    record IngestFigures(String mbox, long messages, long added, double seconds, double messagesPerSecond,
                         double overlapSeconds) {
    }

    static WebBenchReport of(String server, boolean inProcess, WebBench.Sample sample, int warmup,
                             List<WebBench.Timing> timings, LoadFigures load) {
        List<PageFigures> pages = new ArrayList<>();
        for (var e : sample.paths().entrySet()) pages.add(PageFigures.of(e.getKey(), e.getValue().size(), timings));
        return new WebBenchReport(server, inProcess, sample.series(), sample.messages(), warmup, TARGET_MILLIS,
                List.copyOf(pages), pages.stream().allMatch(PageFigures::meetsTarget), load);
    }

    String text() {
        StringBuilder out = new StringBuilder(String.format("web: %s (%s), %s, %s; target: server median <= %.0f ms%n",
                server, inProcess ? "started by bench web" : "running", Plural.of(series, "series", "series"),
                Plural.of(messages, "message"), targetMedianMillis));
        for (PageFigures p : pages) {
            out.append(String.format("  %-12s %s over %s: %s%n    server %s%n    server CPU %s%n    client %s%n",
                    p.kind(), Plural.of(p.requests(), "request"), Plural.of(p.paths(), "page"),
                    p.meetsTarget() ? "median within target" : "MEDIAN OVER TARGET",
                    p.server() == null ? "(no Server-Timing header)" : p.server().text(),
                    p.serverCpu() == null ? "(not sent)" : p.serverCpu().text(), p.client().text()));
        }
        out.append(meetsTarget ? "  every page kind meets the target" : "  some page kind misses the target");
        if (load != null) {
            out.append(String.format("%nload: %.1f s, %d clients: %s, %,.0f requests/s, %s (%d non-200, %d exceptions)"
                            + "%n  server %s; client %s", load.seconds(), load.concurrency(),
                    Plural.of(load.requests(), "request"), load.requestsPerSecond(), Plural.of(load.errors(), "error"),
                    load.non200(), load.exceptions(), load.server() == null ? "(no Server-Timing header)"
                            : load.server().text(), load.client() == null ? "-" : load.client().text()));
            IngestFigures i = load.ingest();
            out.append(String.format("%n  ingest beside it: %s (%,d new) in %.1f s, %,.0f msg/s, %.1f s of the load run",
                    Plural.of(i.messages(), "message"), i.added(), i.seconds(), i.messagesPerSecond(),
                    i.overlapSeconds()));
        }
        return out.toString();
    }
}
