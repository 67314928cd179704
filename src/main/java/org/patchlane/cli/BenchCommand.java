package org.patchlane.cli;

import static org.patchlane.cli.measure.Stats.median;
import static org.patchlane.cli.measure.Stats.percentile;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.patchlane.bench.ArchiveGenerator;
import org.patchlane.cli.measure.Trees;
import org.patchlane.digest.Digest;
import org.patchlane.digest.DigestBuilder;
import org.patchlane.digest.DigestSettings;
import org.patchlane.digest.Period;
import org.patchlane.link.Checker;
import org.patchlane.link.Link;
import org.patchlane.link.LinkKind;
import org.patchlane.link.SeriesCheck;
import org.patchlane.link.Together;
import org.patchlane.report.DigestJson;
import org.patchlane.report.Json;
import org.patchlane.view.Plural;
import org.patchlane.report.SeriesJson;
import org.patchlane.review.Policy;
import org.patchlane.store.QuerySyntaxException;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code patchlane bench}: end-to-end figures measured as a user meets them, each run in a fresh JVM, reported as
 * medians (the machines are shared and noisy).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks, each run in a new JVM as a user would run it; figures are medians.",
                "ingest: generate (or take) an archive, ingest it into a fresh data directory RUNS times with "
                        + "-Xmx HEAP; prints messages/s, index bytes per message and peak heap; then the installed peers "
                        + "(--peers: mairix, notmuch, mu, public-inbox) index the same archive, each figure beside "
                        + "Patchlane's.",
                "search: run QUERIES searches, QUERIES series queries and QUERIES acks lookups, each as a new "
                        + "'./patchlane' process (JVM start included, --no-server) over --data (default: the archive "
                        + "of the last ingest run), after one untimed run of each; prints p50 and p90 wall time of "
                        + "each command against the 300 ms target. With --server, then the same through a server "
                        + "on that directory (the launcher asks it over loopback), after 5 warm-up queries of each, "
                        + "against the 50 ms target. Then the peers' queries (s:mlx5, f:leon, b:lifetime) asked of "
                        + "Patchlane and of each peer's index left by 'bench ingest'.",
                "scale: ingest, serve and search an archive of --messages (default 100,000; --small 20,000) and one "
                        + "--factor times larger (default 10), each step a new JVM with -Xmx HEAP; prints messages/s, "
                        + "index bytes per message, series page and search server times, heap and RSS at both sizes "
                        + "and their ratios against the targets (rate >= 0.8, times <= 2x). The archives are generated "
                        + "once beside --data and reused.",
                "Every subcommand ends with the peak heap and RSS of this JVM and of the processes it started.",
                "acks: answer 'acks' for QUERIES series spread over the archive of the last ingest run, by series id "
                        + "and by the Message-ID of a reply, in this JVM after one warm-up pass (the web API's case), "
                        + "and 5 times as a new './patchlane acks' process; prints p50, p90 and max.",
                "links: time 'check' for QUERIES series spread over an archive (--data; when it holds none, the "
                        + "generated --messages archive is ingested into it first) and 'together' over every series, "
                        + "in this JVM after one warm-up pass; prints p50, p90 and max of check, the median of RUNS "
                        + "together runs, and how many infrastructure series and links were found. The policy is "
                        + "--config, else DIR/patchlane.conf; when neither exists, the generated archive's "
                        + "MAINTAINERS and a patchlane.conf naming it are installed into DIR.",
                "web: time the web pages over an archive (--data, default the last 'bench ingest' archive) on a server "
                        + "this command starts on loopback (or the running one at --url): QUERIES series pages and "
                        + "QUERIES thread pages spread over the archive, 5 series lists (first, later and filtered "
                        + "pages) and 10 lore searches; REQUESTS of each kind one at a time after a warm-up; prints "
                        + "the server's time (its Server-Timing header) and the client's, p50, p90, p99 and max, and "
                        + "whether each median meets the 20 ms target. With --load DURATION, CONCURRENCY clients then "
                        + "request a mix of those pages for DURATION while an ingest of a newly generated archive "
                        + "runs into the same --data in another process (so --load writes: give it a copy); prints "
                        + "requests/s, errors (non-200 answers and failed requests, exit 1 when any), p50/p99 and "
                        + "the ingest's messages/s.",
                "digest: build the digest of one week (--week, default the week in the middle of the archive's "
                        + "mail) of an archive (--data, prepared as for links) RUNS times in this JVM after one warm-up "
                        + "run, with the JSON written each time; prints the median and each run's time and what the "
                        + "digest holds.",
                "pulls: write a repository of FILES files and COMMITS upstream commits (once, beside --data) with "
                        + "PULLS pending pull requests of 5 commits, every fifth conflicting with the one before; time "
                        + "every request's checks plus the volatile for-next RUNS times after a warm-up; prints the "
                        + "median against the 10 s target.",
                "merged: merged detection on a generated repository of --commits commits (release tags every 1,000) "
                        + "for --series open series of 3 patches, in this JVM: a first run that diffs every commit and "
                        + "a second that finds their patch-ids cached; the repository is generated under "
                        + "${java.io.tmpdir}/patchlane-bench/merged-bench.",
                "imap: ingest the IMAP folder --url RUNS times, then the same archive (--archive) as a local mbox "
                        + "RUNS times; prints both rates and their ratio. The folder must hold exactly that archive: "
                        + "the test-scope org.patchlane.bench.ImapBench loads one into a loopback GreenMail server "
                        + "and runs this (see the README)."},
        footer = {"%nExamples:", "  patchlane bench ingest --messages 100000 --runs 3",
                "  patchlane bench ingest --messages 20000 --runs 1 --peers mairix,notmuch",
                "  patchlane bench search --data /tmp/bench-data",
                "  patchlane bench search --data /tmp/bench-data --server", "  patchlane bench scale --small",
                "  patchlane bench scale --messages 100000 --factor 10 --runs 3", "  patchlane bench acks --queries 500",
                "  patchlane bench links --queries 200",
                "  patchlane bench web --data /tmp/bench-data",
                "  patchlane bench web --data /tmp/bench-data-copy --load 30s --concurrency 4 --json",
                "  patchlane bench web --url http://127.0.0.1:7070",
                "  patchlane bench digest --data /tmp/bench-data --runs 5 --week 2026-W27",
                "  patchlane bench pulls --runs 5",
                "  patchlane bench merged --commits 20000 --series 1000",
                "  patchlane bench imap --url imap://me@127.0.0.1:3143/INBOX --no-starttls --password-file pw "
                        + "--archive archive.mbox"})
final class BenchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Queries shaped like what maintainers and b4 send; each must match something in a generated archive. */
    private static final List<String> QUERIES = List.of("kind:pull", "s:mlx5", "s:fix AND kind:patch",
            "f:leon", "dfn:Makefile", "nq:\"change-id\"", "b:lifetime", "ack:leon", "kind:cover AND v:2",
            "s:\"use after free\"", "d:2026-01-01..2026-02-01 AND kind:patch", "q:Reviewed-by", "rb:jason",
            "flag:charset", "dfb:EXPORT_SYMBOL_GPL", "bs:regression", "NOT kind:reply AND s:net",
            "(s:driver AND kind:patch) AND d:20260301..", "m:nosuch@example.org", "sob:gunthorpe");

    /** The generated archive's MAINTAINERS (its areas' files and people), installed by {@code bench links}. */
    static final String MAINTAINERS = "/bench/MAINTAINERS";
    /** The configuration {@code bench links} installs beside it. */
    static final String CONFIG = "; Installed by 'patchlane bench links': the generated archive's review policy.\n"
            + "[maintainers]\n\tfile = MAINTAINERS\n[together]\n\twindow = 7d\n";

    @Parameters(paramLabel = "WHAT", description = "ingest, search, scale, acks, links, web, digest, pulls, merged or imap.")
    String what;

    @Option(names = "--messages", defaultValue = "100000", description = "Generated archive size (default: ${DEFAULT-VALUE}).")
    long messages;

    @Option(names = "--runs", defaultValue = "3", description = "Ingest runs; links: together runs (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--heap", defaultValue = "512m", description = "Ingest JVM -Xmx (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--archive", paramLabel = "MBOX", description = "Ingest this archive instead of generating one.")
    Path archive;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${java.io.tmpdir}/patchlane-bench/data",
            description = "search: the archive to query; ingest: where the last run's archive is left "
                    + "(default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--queries", defaultValue = "20", description = "search: how many queries (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--commits", defaultValue = "20000", description = "merged, pulls: generated upstream commits "
            + "(default: ${DEFAULT-VALUE}).")
    int commits;

    @Option(names = "--series", defaultValue = "1000", description = "merged: open series (default: ${DEFAULT-VALUE}).")
    int series;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Option(names = "--server", description = "search: also time the queries through a 'patchlane serve' on --data "
            + "(the running one, else one started for the run).")
    boolean server;

    @Mixin
    ConfigOptions config;

    @Option(names = "--files", defaultValue = "50000", description = "pulls: files in the generated repository "
            + "(default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--pulls", defaultValue = "20", description = "pulls: pending pull requests (default: ${DEFAULT-VALUE}).")
    int pullRequests;

    @Option(names = "--week", paramLabel = "YYYY-Www", description = "digest: the ISO week (default: the middle one).")
    String week;

    @Option(names = "--url", paramLabel = "URL", description = "imap: the folder to ingest (holding --archive); "
            + "web: a running server to time instead of starting one.")
    String url;

    @Option(names = "--requests", paramLabel = "REQUESTS", defaultValue = "200",
            description = "web: timed requests of each page kind (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--load", paramLabel = "DURATION",
            description = "web: then a load run this long (30s, 2m), an ingest into --data running beside it.")
    String load;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "web: clients of the load run (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--ingest-messages", paramLabel = "N", defaultValue = "0",
            description = "web: messages of the archive ingested during the load run (default: 500 per second of "
                    + "load, so that it lasts about as long on a laptop).")
    long ingestMessages;

    @Option(names = "--password-file", paramLabel = "FILE", description = "imap: the folder's password file.")
    Path passwordFile;

    @Option(names = "--no-starttls", description = "imap: a server without STARTTLS (a loopback test server).")
    boolean noStarttls;

    @Option(names = "--factor", defaultValue = "10", description = "scale: the large archive is FACTOR times "
            + "--messages (default: ${DEFAULT-VALUE}).")
    int factor;

    @Option(names = "--small", description = "scale: a quick check, 20,000 against 200,000 messages.")
    boolean small;

    @Option(names = "--peers", paramLabel = "LIST", defaultValue = "all", description = "ingest, search: the peer "
            + "tools measured in the same run, each when installed: all (default), none, or some of mairix, notmuch, "
            + "mu, public-inbox separated by commas.")
    String peers;

    @Option(names = "--peer-runs", paramLabel = "N", defaultValue = "1", description = "ingest: index runs of each "
            + "peer (default: ${DEFAULT-VALUE}; public-inbox takes minutes per 100,000 messages).")
    int peerRuns;

    /** How often {@code bench search} asks each shared query of Patchlane and of each peer. */
    static final int PEER_QUERY_REPS = 3;

    /** This JVM's heap, and the children's peaks, for the memory line every subcommand prints. */
    /** Started when the bench runs, not when the command is built (help and the documentation tests build it). */
    private org.patchlane.cli.measure.HeapWatch heapWatch;
    private long childPeakRss;
    private long childPeakHeap;
    private double childCpuSeconds;
    private int children;
    /** Fields a subcommand adds to its JSON report beside its own record's. */
    private final Map<String, Object> extra = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        heapWatch = org.patchlane.cli.measure.HeapWatch.start();
        return switch (what) {
            case "ingest" -> ingest();
            case "search" -> search();
            case "acks" -> acks();
            case "links" -> links();
            case "digest" -> digest();
            case "imap" -> imap();
            case "web" -> web();
            case "pulls" -> pulls();
            case "merged" -> merged();
            case "scale" -> scale();
            default -> throw new IllegalArgumentException("bench takes 'ingest', 'search', 'acks', 'links', 'web', 'digest', 'pulls', 'merged', "
                    + "'scale' or 'imap', not '"
                    + what + "'");
        };
    }

    private int ingest() throws IOException, InterruptedException {
        Path mbox = archive != null ? archive : generated();
        List<Double> rates = new ArrayList<>();
        List<Double> bytesPerMessage = new ArrayList<>();
        long peak = 0;
        long count = 0;
        for (int i = 1; i <= runs; i++) {
            Trees.delete(data);
            JsonNode r = JSON.readTree(measured(List.of("-Xmx" + heap), "ingest", "--json", "--data",
                    data.toString(), mbox.toString()).out());
            count = r.get("messages").asLong();
            rates.add(r.get("messagesPerSecond").asDouble());
            bytesPerMessage.add((double) Trees.size(data) / Math.max(1, count));
            peak = Math.max(peak, r.get("peakHeapBytes").asLong());
            if (!json) System.err.printf("run %d: %s, %,.0f msg/s%n", i, Plural.of(count, "message"), rates.get(i - 1));
        }
        IngestBench b = new IngestBench(count, runs, heap, median(rates), rates, median(bytesPerMessage), peak);
        childPeakHeap = Math.max(childPeakHeap, peak);
        List<org.patchlane.cli.measure.PeerIndex> peerFigures = new PeerBench(data, progress()).index(
                org.patchlane.cli.measure.Peers.select(peers), mbox, peerRuns);
        extra.put("peers", peerFigures);
        print(b, b.text() + (peerFigures.isEmpty() ? "" : PeerBench.ingestTable(b.medianMessagesPerSecond(),
                b.indexBytesPerMessage(), childPeakRss, childCpuSeconds / Math.max(1, runs), peerFigures)));
        return ExitCode.OK;
    }

    /** IMAP ingest beside local mbox ingest of the same archive, each run in a new JVM into a fresh directory. */
    private int imap() throws IOException, InterruptedException {
        if (url == null || archive == null) {
            throw new IllegalArgumentException("bench imap needs --url (a folder holding the archive) and --archive");
        }
        List<String> imapArgs = new ArrayList<>(List.of("ingest", "--json", "--data", data.toString()));
        if (passwordFile != null) imapArgs.addAll(List.of("--password-file", passwordFile.toString()));
        if (noStarttls) imapArgs.add("--no-starttls");
        imapArgs.add(url);
        List<Double> imapRates = rates("imap", imapArgs);
        List<Double> mboxRates = rates("mbox", List.of("ingest", "--json", "--data", data.toString(), archive.toString()));
        ImapBench b = new ImapBench(runs, heap, median(imapRates), imapRates, median(mboxRates), mboxRates,
                median(imapRates) / median(mboxRates));
        print(b, b.text());
        return ExitCode.OK;
    }

    /** Messages per second of RUNS ingest runs of the same command, each into an emptied data directory. */
    private List<Double> rates(String label, List<String> args) throws IOException, InterruptedException {
        List<Double> rates = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            Trees.delete(data);
            JsonNode r = JSON.readTree(measured(List.of("-Xmx" + heap), args.toArray(String[]::new)).out());
            rates.add(r.get("messagesPerSecond").asDouble());
            if (!json) {
                System.err.printf("%s run %d: %s, %,.0f msg/s%n", label, i,
                        Plural.of(r.get("messages").asLong(), "message"), rates.get(i - 1));
            }
        }
        return rates;
    }

    private int search() throws IOException, InterruptedException {
        if (!Files.isDirectory(data)) throw new IllegalArgumentException("no archive in " + data
                + ": run 'patchlane bench ingest' first, or give --data");
        QueryBench.Report r = new QueryBench(data, queries, QUERIES, this::counted).run(server);
        List<org.patchlane.cli.measure.Peer> chosen = org.patchlane.cli.measure.Peers.select(peers);
        if (chosen.isEmpty()) {
            print(r, r.text());
            return ExitCode.OK;
        }
        // The peers' queries, asked of Patchlane too, as often as of each peer.
        List<Double> shared = new ArrayList<>();
        for (int i = 0; i < PEER_QUERY_REPS; i++) {
            for (org.patchlane.cli.measure.SharedQuery q : org.patchlane.cli.measure.SharedQuery.ALL) {
                shared.add(measured(List.of(), "search", "--no-server", "--json", "--limit", "20", "--data",
                        data.toString(), q.lore()).wallMillis());
            }
        }
        List<PeerBench.PeerQueries> peerFigures = new PeerBench(data, progress()).query(chosen, PEER_QUERY_REPS);
        extra.put("sharedQueriesP50Millis", median(shared));
        extra.put("peers", peerFigures);
        print(r, r.text() + "\n" + PeerBench.searchTable(median(shared), peerFigures));
        return ExitCode.OK;
    }

    private int acks() throws IOException, InterruptedException, QuerySyntaxException {
        if (!Files.isDirectory(data)) throw new IllegalArgumentException("no archive in " + data
                + ": run 'patchlane bench ingest' first, or give --data");
        List<String> keys = new ArrayList<>();
        List<Double> inProcess = new ArrayList<>();
        try (Searcher searcher = Searcher.open(data)) {
            long total = searcher.series("", 0, 1).total();
            if (total == 0) throw new IllegalArgumentException("no series in " + data);
            long step = Math.max(1, total / Math.max(1, queries));
            for (long at = 0; at < total && keys.size() < queries * 2; at += step) {
                if (at > Searcher.MAX_OFFSET) break;
                Series s = searcher.series("", (int) at, 1).series().get(0);
                keys.add(s.id());
                keys.add(s.members().get(s.members().size() - 1));
            }
            for (int pass = 0; pass < 2; pass++) {
                for (String key : keys) {
                    long start = System.nanoTime();
                    Json.write(SeriesJson.of(searcher.seriesOf(key).orElseThrow()));
                    if (pass == 1) inProcess.add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        List<Double> process = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            process.add(measured(List.of(), "acks", "--no-server", "--json", "--data", data.toString(),
                    keys.get(i % keys.size())).wallMillis());
        }
        AcksBench b = new AcksBench(keys.size(), median(inProcess), percentile(inProcess, 0.9),
                inProcess.stream().mapToDouble(d -> d).max().orElse(0), median(process), process);
        print(b, b.text());
        return ExitCode.OK;
    }

    /**
     * {@code check} for QUERIES series spread over the archive and {@code together} over all of it, in this JVM
     * after a warm-up pass, as the web API would answer them.
     */
    /** {@code bench merged}: see {@link MergedBench}. */
    private int merged() throws IOException {
        MergedBench.Figures f = MergedBench.run(Path.of(System.getProperty("java.io.tmpdir"), "patchlane-bench"),
                commits, series);
        print(f, String.format("merged detection, %,d commits, %,d open series: first run %,d ms (%,d ms CPU; %,d "
                        + "commits' files read, %,d diffed), second %,d ms (%,d ms CPU; cached); %d merged, %d partly "
                        + "merged, %d patches by author and subject (generating the repository took %,d ms)",
                f.commits(), f.series(), f.coldMillis(), f.coldCpuMillis(), f.coldPaths(), f.coldDiffed(),
                f.warmMillis(), f.warmCpuMillis(), f.merged(), f.partlyMerged(), f.byAuthorSubject(),
                f.generateMillis()));
        return ExitCode.OK;
    }

    private int links() throws IOException, InterruptedException, QuerySyntaxException {
        if (!Files.isDirectory(data)) {
            Path mbox = archive != null ? archive : generated();
            if (!json) System.err.println("bench links: ingesting " + mbox + " into " + data);
            measured(List.of("-Xmx" + heap), "ingest", "--json", "--data", data.toString(), mbox.toString());
        }
        if (config.config == null && !Files.exists(data.resolve(ConfigOptions.NAME))) installPolicy(data);
        Policy policy = config.policy(data);
        List<Double> checkMillis = new ArrayList<>();
        List<Double> togetherMillis = new ArrayList<>();
        try (Searcher searcher = Searcher.open(data)) {
            long total = searcher.series("", 0, 1).total();
            if (total == 0) throw new IllegalArgumentException("no series in " + data);
            List<Series> sample = new ArrayList<>();
            long step = Math.max(1, total / Math.max(1, queries));
            for (long at = 0; at < total && sample.size() < queries; at += step) {
                if (at > Searcher.MAX_OFFSET) break;
                sample.add(searcher.series("", (int) at, 1).series().get(0));
            }
            Checker checker = new Checker(searcher.links(), policy);
            List<SeriesCheck> checked = new ArrayList<>();
            for (int pass = 0; pass < 2; pass++) {
                for (Series s : sample) {
                    long start = System.nanoTime();
                    SeriesCheck c = checker.check(s);
                    if (pass == 1) {
                        checkMillis.add((System.nanoTime() - start) / 1e6);
                        checked.add(c);
                    }
                }
            }
            List<SeriesCheck> open = Together.open(searcher, policy, "");
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                open = Together.open(searcher, policy, "");
                togetherMillis.add((System.nanoTime() - start) / 1e6);
            }
            LinksBench b = new LinksBench(total, sample.size(), sample.stream().filter(
                    s -> policy.areas(s.latest().files()).infrastructure()).count(), open.size(),
                    open.stream().filter(c -> !c.exports().isEmpty()).count(),
                    open.stream().filter(SeriesCheck::failed).count(), kinds(checked), kinds(open),
                    median(checkMillis), percentile(checkMillis, 0.9),
                    checkMillis.stream().mapToDouble(d -> d).max().orElse(0), median(togetherMillis), togetherMillis);
            print(b, b.text());
        }
        return ExitCode.OK;
    }

    /**
     * The web pages timed one request at a time, then (with {@code --load}) under concurrent clients while an ingest
     * runs into the same data directory in another process.
     */
    private int web() throws Exception {
        java.time.Duration loadFor = load == null ? null : duration(load);
        if (requests < 1 || queries < 1 || concurrency < 1) {
            throw new IllegalArgumentException("--requests, --queries and --concurrency must be at least 1");
        }
        if ((url == null || loadFor != null) && !Files.isDirectory(org.patchlane.store.Schema.indexDir(data))) {
            throw new IllegalArgumentException("no archive in " + data + ": run 'patchlane bench ingest' first, or give "
                    + "--data" + (url != null ? " (the directory the server at --url serves: --load ingests into it)"
                    : " or --url"));
        }
        java.util.function.Consumer<String> progress = json ? line -> { } : System.err::println;
        Searcher searcher = null;
        org.patchlane.web.App app = null;
        try {
            String base = url;
            if (base == null) {
                Searcher s = searcher = Searcher.open(data);
                app = new org.patchlane.web.App(s, () -> org.patchlane.report.SourcesJson.of(List.of(),
                        org.patchlane.ingest.SourceRuns.read(data), s.cursors()), config.policy(data));
                base = "http://127.0.0.1:" + app.start("127.0.0.1", 0).port();
                progress.accept("bench web: serving " + data + " on " + base);
            }
            WebBench bench = new WebBench(base, progress);
            WebBench.Sample sample = bench.sample(queries);
            int warmup = Math.max(1, requests / 2);
            List<WebBench.Timing> timed = bench.measure(sample, warmup, requests);
            WebBenchReport.LoadFigures loadFigures = null;
            if (loadFor != null) {
                long size = ingestMessages > 0 ? ingestMessages : Math.max(1_000, loadFor.toSeconds() * 500);
                Path mbox = loadArchive(size);
                progress.accept(String.format("bench web: load run of %d s with %d clients, ingesting %s beside it",
                        loadFor.toSeconds(), concurrency, Plural.of(size, "message")));
                ConcurrentIngest ingest = ConcurrentIngest.start(command(List.of("-Xmx" + heap), "ingest", "--json",
                        "--data", data.toString(), mbox.toString()), mbox);
                WebBench.Load result;
                try {
                    // The load starts once the ingest has committed mail the server sees: its JVM start-up and
                    // the archive's opening are not counted as running beside it.
                    if (!bench.awaitMoreMessages(sample.messages(), ingest::alive, java.time.Duration.ofMinutes(2))) {
                        progress.accept("bench web: the ingest has committed nothing yet; the load starts anyway");
                    }
                    result = bench.load(sample, loadFor, concurrency);
                } finally {
                    // The ingest is let finish: killed, it would leave a half-read source behind in the user's copy.
                    ingest.await();
                }
                loadFigures = WebBenchReport.LoadFigures.of(result, concurrency, ingest.figures(result));
                Files.deleteIfExists(mbox);
            }
            WebBenchReport report = WebBenchReport.of(base, url == null, sample, warmup, timed, loadFigures);
            print(report, report.text());
            return loadFigures != null && loadFigures.errors() > 0 ? ExitCode.NOT_FOUND : ExitCode.OK;
        } finally {
            if (app != null) app.stop();
            if (searcher != null) searcher.close();
        }
    }

    /** {@code 30s}, {@code 2m}, {@code 90} (seconds). */
    static java.time.Duration duration(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})([sm]?)").matcher(text.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("--load takes a duration such as 30s or 2m, not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return m.group(2).equals("m") ? java.time.Duration.ofMinutes(n) : java.time.Duration.ofSeconds(n);
    }

    /**
     * A generated archive for the load run's ingest, beside the data directory, from a seed no earlier load run
     * into this directory used (its Message-IDs are all new, so the ingest really stores them).
     */
    private Path loadArchive(long size) throws IOException {
        long used;
        try (Searcher s = Searcher.open(data)) {
            used = s.cursors().keySet().stream().filter(k -> k.contains(LOAD_ARCHIVE)).count();
        }
        long seed = 2 + used;
        Path mbox = data.toAbsolutePath().resolveSibling(LOAD_ARCHIVE + seed + "-" + size + ".mbox");
        Files.createDirectories(mbox.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(mbox), 1 << 16)) {
            ArchiveGenerator.write(size, seed, out);
        }
        return mbox;
    }

    /** The name the load run's archives start with (and their sources' cursors contain). */
    static final String LOAD_ARCHIVE = "bench-web-ingest-seed-";

    /** An ingest in its own JVM, its start and end on this JVM's clock, its {@code --json} report read at the end. */
    static final class ConcurrentIngest {
        private final Process process;
        private final Path mbox;
        private final java.util.concurrent.CompletableFuture<String> out;
        private long endNanos;

        private ConcurrentIngest(Process process, Path mbox) {
            this.process = process;
            this.mbox = mbox;
            this.out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }

        static ConcurrentIngest start(List<String> command, Path mbox) throws IOException {
            return new ConcurrentIngest(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start(), mbox);
        }

        boolean alive() {
            return process.isAlive();
        }

        void await() throws InterruptedException, IOException {
            int code = process.waitFor();
            endNanos = System.nanoTime();
            if (code != ExitCode.OK) throw new IOException("the ingest beside the load run exited " + code);
        }

        /** Its figures; its own duration places its start (after its JVM started) before its end. */
        WebBenchReport.IngestFigures figures(WebBench.Load load) throws IOException {
            JsonNode r = JSON.readTree(out.join());
            double seconds = r.get("seconds").asDouble();
            long startNanos = endNanos - (long) (seconds * 1e9);
            double overlap = Math.max(0, (Math.min(endNanos, load.endNanos()) - Math.max(startNanos, load.startNanos())) / 1e9);
            return new WebBenchReport.IngestFigures(mbox.toString(), r.get("messages").asLong(),
                    r.get("added").asLong(), seconds, r.get("messagesPerSecond").asDouble(), overlap);
        }
    }

    /** {@code bench scale}: see {@link ScaleBench}. */
    private int scale() throws IOException, InterruptedException {
        long base = small ? 20_000 : messages;
        if (base < 1 || factor < 2) throw new IllegalArgumentException("--messages must be at least 1 and --factor 2");
        Path dir = data.toAbsolutePath().getParent();
        ScaleBench.Report r = new ScaleBench(dir, heap, requests, queries, json ? line -> { } : System.err::println)
                .run(base, factor, runs);
        print(r, r.text());
        if (r.failed() == null) return ExitCode.OK;
        System.err.println("bench scale: " + r.failed());
        return ExitCode.IO;
    }

    /** Pull request checks and the volatile for-next on a generated repository ({@link PullsBench}). */
    private int pulls() throws IOException {
        Path dir = data.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        PullsBench.Figures f = PullsBench.run(dir, files, commits, pullRequests, runs, json ? line -> { }
                : System.err::println);
        print(f, f.text());
        return ExitCode.OK;
    }

    /** The digest of one week, built and written as JSON RUNS times in this JVM after a warm-up run. */
    private int digest() throws IOException, InterruptedException, QuerySyntaxException {
        if (!Files.isDirectory(data)) {
            Path mbox = archive != null ? archive : generated();
            if (!json) System.err.println("bench digest: ingesting " + mbox + " into " + data);
            measured(List.of("-Xmx" + heap), "ingest", "--json", "--data", data.toString(), mbox.toString());
        }
        if (config.config == null && !Files.exists(data.resolve(ConfigOptions.NAME))) installPolicy(data);
        Policy policy = config.policy(data);
        java.time.Duration quiet = DigestSettings.quiet(config.load(data));
        List<Double> millis = new ArrayList<>();
        try (Searcher searcher = Searcher.open(data)) {
            Period period = week != null ? Period.isoWeek(week) : middleWeek(searcher);
            Digest d = null;
            // The digest runs on this one thread: its CPU time is what it costs on a machine with nothing else to do.
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            List<Double> cpu = new ArrayList<>();
            for (int i = 0; i <= runs; i++) {
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                d = new DigestBuilder(searcher, policy, quiet, java.time.Clock.systemUTC()).digest(period, null);
                int bytes = Json.write(DigestJson.of(d)).length();
                double wall = (System.nanoTime() - start) / 1e6, used = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
                if (i > 0) {
                    millis.add(wall);
                    cpu.add(used);
                }
                if (!json) System.err.printf("%s %d: %,.0f ms (CPU %,.0f ms), %,d bytes of JSON%n",
                        i == 0 ? "warm-up" : "run", i, wall, used, bytes);
            }
            long lines = d.groups().stream().mapToLong(g -> g.postings().size() + g.reviews().stream()
                    .mapToLong(r -> r.given().size()).sum() + g.nacks().size() + g.pulls().size() + g.merges().size()
                    + g.findings().size() + g.waiting().size() + g.stateChanges().size()).sum();
            DigestBench b = new DigestBench(period.label(), searcher.series("", 0, 1).total(), d.groups().size(), lines,
                    d.figures().series() + d.figures().versions(), runs, median(millis), millis, median(cpu), cpu);
            print(b, b.text());
        }
        return ExitCode.OK;
    }

    /** The ISO week holding the middle day of the archive's dated mail. */
    private static Period middleWeek(Searcher searcher) throws IOException {
        var days = searcher.messagesPerDay(3660);
        if (days.first() == null) throw new IllegalArgumentException("no dated mail in the archive");
        return Period.weekOf(days.first().plusDays(days.counts().size() / 2)
                .atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    /** Links by kind over these checks, prerequisites and users apart; each link is counted from both ends. */
    private static Map<String, Map<String, Integer>> kinds(List<SeriesCheck> checks) {
        Map<LinkKind, Integer> prerequisites = new EnumMap<>(LinkKind.class);
        Map<LinkKind, Integer> users = new EnumMap<>(LinkKind.class);
        for (SeriesCheck c : checks) {
            for (Link l : c.links().prerequisites()) prerequisites.merge(l.kind(), 1, Integer::sum);
            for (Link l : c.links().users()) users.merge(l.kind(), 1, Integer::sum);
        }
        return Map.of("prerequisites", named(prerequisites), "users", named(users));
    }

    private static Map<String, Integer> named(Map<LinkKind, Integer> counts) {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        counts.forEach((k, n) -> out.put(k.jsonName(), n));
        return out;
    }

    /** Writes the generated archive's MAINTAINERS and a {@code patchlane.conf} naming it, each only when absent. */
    static void installPolicy(Path data) throws IOException {
        Path maintainers = data.resolve("MAINTAINERS");
        if (!Files.exists(maintainers)) {
            try (InputStream in = BenchCommand.class.getResourceAsStream(MAINTAINERS)) {
                if (in == null) throw new IllegalStateException("bench file missing from the jar: " + MAINTAINERS);
                Files.copy(in, maintainers);
            }
        }
        Path conf = data.resolve(ConfigOptions.NAME);
        if (!Files.exists(conf)) Files.writeString(conf, CONFIG, StandardCharsets.UTF_8);
    }

    /** The generated --messages archive beside --data, written once and reused (as {@code bench scale}'s). */
    private Path generated() throws IOException {
        return ScaleBench.generated(data.toAbsolutePath().getParent(), messages, progress());
    }

    /**
     * Runs patchlane in a new JVM: through the {@code ./patchlane} launcher when there is one (so the search figure
     * includes what a user's start-up includes), else this JVM's class path. Its peak RSS and CPU time are counted
     * for the memory line; its standard error is passed on.
     */
    private org.patchlane.cli.measure.Measured measured(List<String> jvm, String... args)
            throws IOException, InterruptedException {
        org.patchlane.cli.measure.Measured m = org.patchlane.cli.measure.MeasuredProcess.run(command(jvm, args),
                Map.of(), null);
        System.err.print(m.err());
        counted(m);
        if (m.exitCode() > ExitCode.NOT_FOUND) throw new IOException("'" + String.join(" ", args) + "' exited "
                + m.exitCode());
        return m;
    }

    /** A process this bench started, counted in the memory line. */
    private void counted(org.patchlane.cli.measure.Measured m) {
        childPeakRss = Math.max(childPeakRss, m.peakRssBytes());
        childCpuSeconds += m.cpuSeconds();
        children++;
    }

    /**
     * Prints a subcommand's report with the memory of what it measured: this JVM's heap and RSS, and the peak RSS
     * (and heap, where the child reports it) of the processes it started.
     */
    private void print(Object report, String text) throws IOException {
        Map<String, Object> memory = new java.util.LinkedHashMap<>();
        memory.put("benchPeakHeapBytes", heapWatch.peakUsedBytes());
        memory.put("benchPeakLiveHeapBytes", heapWatch.peakLiveBytes());
        memory.put("benchPeakRssBytes", org.patchlane.cli.measure.MeasuredProcess.ownPeakRss().orElse(0));
        memory.put("childProcesses", children);
        memory.put("childPeakRssBytes", childPeakRss);
        memory.put("childPeakHeapBytes", childPeakHeap);
        if (!json) {
            System.out.println(text);
            System.out.println(memoryLine(memory));
            return;
        }
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                JSON.readTree(Json.write(report));
        for (Map.Entry<String, Object> e : extra.entrySet()) tree.set(e.getKey(), JSON.readTree(Json.write(e.getValue())));
        tree.set("memory", JSON.valueToTree(memory));
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
    }

    static String memoryLine(Map<String, Object> m) {
        long children = ((Number) m.get("childProcesses")).longValue();
        long childHeap = ((Number) m.get("childPeakHeapBytes")).longValue();
        return String.format("memory: this JVM peak heap %,d MiB (live after a collection %,d MiB), peak RSS %,d MiB",
                mib(m.get("benchPeakHeapBytes")), mib(m.get("benchPeakLiveHeapBytes")), mib(m.get("benchPeakRssBytes")))
                + (children == 0 ? "" : String.format("; %s started: peak RSS %,d MiB%s",
                Plural.of(children, "process", "processes"), mib(m.get("childPeakRssBytes")),
                childHeap > 0 ? String.format(", peak heap %,d MiB", childHeap >> 20) : ""));
    }

    private static long mib(Object bytes) {
        return ((Number) bytes).longValue() >> 20;
    }

    private java.util.function.Consumer<String> progress() {
        return json ? line -> { } : System.err::println;
    }

    /** The command line {@link #run} starts. */
    static List<String> command(List<String> jvm, String... args) {
        List<String> cmd = new ArrayList<>();
        Path launcher = Path.of("patchlane");
        if (jvm.isEmpty() && Files.isExecutable(launcher)) {
            cmd.add(launcher.toAbsolutePath().toString());
        } else {
            cmd.add(ProcessHandle.current().info().command().orElse("java"));
            cmd.addAll(jvm);
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        }
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** Each figure of a run list as the text line shows it: whole numbers, thousands separated, "(a, b, c)". */
    static String figures(List<Double> values) {
        return values.stream().map(v -> String.format("%,.0f", v))
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    record IngestBench(long messages, int runs, String heap, double medianMessagesPerSecond,
                       List<Double> messagesPerSecond, double indexBytesPerMessage, long peakHeapBytes) {
        String text() {
            return String.format("ingest: %s, median %,.0f msg/s over %s %s, %,.0f index bytes/message, "
                            + "peak heap %,d MiB (-Xmx%s)", Plural.of(messages, "message"), medianMessagesPerSecond,
                    Plural.of(runs, "run"), figures(messagesPerSecond), indexBytesPerMessage, peakHeapBytes >> 20,
                    heap);
        }
    }

    record AcksBench(int lookups, double p50Millis, double p90Millis, double maxMillis, double processP50Millis,
                     List<Double> processMillis) {
        String text() {
            return String.format("acks: %s in one JVM: p50 %.2f ms, p90 %.2f ms, max %.2f ms; as a new process: "
                            + "p50 %,.0f ms %s", Plural.of(lookups, "lookup"), p50Millis, p90Millis, maxMillis,
                    processP50Millis, figures(processMillis));
        }
    }

    record LinksBench(long series, int checked, long checkedInfrastructure, long infrastructureSeries,
                      long infrastructureWithExports, long infrastructureFailing,
                      Map<String, Map<String, Integer>> checkedLinks, Map<String, Map<String, Integer>> togetherLinks,
                      double checkP50Millis, double checkP90Millis, double checkMaxMillis, double togetherMedianMillis,
                      List<Double> togetherMillis) {
        String text() {
            return String.format("links: %s; %s checked (%d infrastructure), links %s%n"
                            + "  check in one JVM: p50 %.2f ms, p90 %.2f ms, max %.2f ms%n"
                            + "  together: %s (%d exporting, %d with a failed check), links %s; median %,.0f ms %s",
                    Plural.of(series, "series", "series"), Plural.of(checked, "series", "series"),
                    checkedInfrastructure, checkedLinks, checkP50Millis, checkP90Millis, checkMaxMillis,
                    Plural.of(infrastructureSeries, "infrastructure series", "infrastructure series"),
                    infrastructureWithExports, infrastructureFailing, togetherLinks, togetherMedianMillis,
                    figures(togetherMillis));
        }
    }

    record DigestBench(String week, long series, int groups, long lines, int postings, int runs, double medianMillis,
                       List<Double> millis, double cpuMedianMillis, List<Double> cpuMillis) {
        String text() {
            return String.format("digest: %s of an archive of %s: %s, %s, %s posted; median %,.0f ms %s, "
                            + "CPU median %,.0f ms %s", week, Plural.of(series, "series", "series"),
                    Plural.of(groups, "group"), Plural.of(lines, "line"), Plural.of(postings, "version"), medianMillis,
                    figures(millis), cpuMedianMillis, figures(cpuMillis));
        }
    }

    record ImapBench(int runs, String heap, double imapMedian, List<Double> imapMessagesPerSecond, double mboxMedian,
                     List<Double> mboxMessagesPerSecond, double ratio) {
        String text() {
            return String.format("imap: median %,.0f msg/s %s; local mbox: median %,.0f msg/s %s over %s; "
                            + "IMAP/mbox %.2f", imapMedian, figures(imapMessagesPerSecond), mboxMedian,
                    figures(mboxMessagesPerSecond), Plural.of(runs, "run"), ratio);
        }
    }
}
