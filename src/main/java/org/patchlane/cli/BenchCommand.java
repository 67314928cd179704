package org.patchlane.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.patchlane.bench.ArchiveGenerator;
import org.patchlane.link.Checker;
import org.patchlane.link.Link;
import org.patchlane.link.LinkKind;
import org.patchlane.link.SeriesCheck;
import org.patchlane.link.Together;
import org.patchlane.report.Json;
import org.patchlane.report.Plural;
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
                        + "-Xmx HEAP; prints messages/s, index bytes per message and peak heap.",
                "search: run QUERIES searches, each as a new './patchlane search' process (JVM start included) "
                        + "over the archive of the last ingest run; prints p50 and p90 wall time.",
                "acks: answer 'acks' for QUERIES series spread over the archive of the last ingest run, by series id "
                        + "and by the Message-ID of a reply, in this JVM after one warm-up pass (the web API's case), "
                        + "and 5 times as a new './patchlane acks' process; prints p50, p90 and max.",
                "links: time 'check' for QUERIES series spread over an archive (--data; when it holds none, the "
                        + "generated --messages archive is ingested into it first) and 'together' over every series, "
                        + "in this JVM after one warm-up pass; prints p50, p90 and max of check, the median of RUNS "
                        + "together runs, and how many infrastructure series and links were found. The policy is "
                        + "--config, else DIR/patchlane.conf; when neither exists, the generated archive's "
                        + "MAINTAINERS and a patchlane.conf naming it are installed into DIR.",
                "merged: merged detection on a generated repository of --commits commits (release tags every 1,000) "
                        + "for --series open series of 3 patches, in this JVM: a first run that diffs every commit and "
                        + "a second that finds their patch-ids cached; the repository is generated under "
                        + "${java.io.tmpdir}/patchlane-bench/merged-bench.",
                "imap: ingest the IMAP folder --url RUNS times, then the same archive (--archive) as a local mbox "
                        + "RUNS times; prints both rates and their ratio. The folder must hold exactly that archive: "
                        + "the test-scope org.patchlane.bench.ImapBench loads one into a loopback GreenMail server "
                        + "and runs this (see the README)."},
        footer = {"%nExamples:", "  patchlane bench ingest --messages 100000 --runs 3",
                "  patchlane bench search --data /tmp/bench-data", "  patchlane bench acks --queries 500",
                "  patchlane bench links --queries 200", "  patchlane bench merged --commits 20000 --series 1000",
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

    @Parameters(paramLabel = "WHAT", description = "ingest, search, acks, links, merged or imap.")
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

    @Option(names = "--commits", defaultValue = "20000", description = "merged: generated commits (default: ${DEFAULT-VALUE}).")
    int commits;

    @Option(names = "--series", defaultValue = "1000", description = "merged: open series (default: ${DEFAULT-VALUE}).")
    int series;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Mixin
    ConfigOptions config;

    @Option(names = "--url", paramLabel = "URL", description = "imap: the folder to ingest (holding --archive).")
    String url;

    @Option(names = "--password-file", paramLabel = "FILE", description = "imap: the folder's password file.")
    Path passwordFile;

    @Option(names = "--no-starttls", description = "imap: a server without STARTTLS (a loopback test server).")
    boolean noStarttls;

    @Override
    public Integer call() throws Exception {
        return switch (what) {
            case "ingest" -> ingest();
            case "search" -> search();
            case "acks" -> acks();
            case "links" -> links();
            case "imap" -> imap();
            case "merged" -> merged();
            default -> throw new IllegalArgumentException("bench takes 'ingest', 'search', 'acks', 'links', 'merged' or 'imap', not '"
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
            deleteTree(data);
            JsonNode r = JSON.readTree(run(List.of("-Xmx" + heap), "ingest", "--json", "--data", data.toString(),
                    mbox.toString()));
            count = r.get("messages").asLong();
            rates.add(r.get("messagesPerSecond").asDouble());
            bytesPerMessage.add((double) size(data) / Math.max(1, count));
            peak = Math.max(peak, r.get("peakHeapBytes").asLong());
            if (!json) System.err.printf("run %d: %s, %,.0f msg/s%n", i, Plural.of(count, "message"), rates.get(i - 1));
        }
        IngestBench b = new IngestBench(count, runs, heap, median(rates), rates, median(bytesPerMessage), peak);
        System.out.println(json ? Json.write(b) : b.text());
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
        System.out.println(json ? Json.write(b) : b.text());
        return ExitCode.OK;
    }

    /** Messages per second of RUNS ingest runs of the same command, each into an emptied data directory. */
    private List<Double> rates(String label, List<String> args) throws IOException, InterruptedException {
        List<Double> rates = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            deleteTree(data);
            JsonNode r = JSON.readTree(run(List.of("-Xmx" + heap), args.toArray(String[]::new)));
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
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            String q = QUERIES.get(i % QUERIES.size());
            long start = System.nanoTime();
            run(List.of(), "search", "--json", "--limit", "20", "--data", data.toString(), q);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        double p90 = percentile(millis, 0.9);
        SearchBench b = new SearchBench(queries, median(millis), p90, millis);
        System.out.println(json ? Json.write(b) : b.text());
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
            long start = System.nanoTime();
            run(List.of(), "acks", "--json", "--data", data.toString(), keys.get(i % keys.size()));
            process.add((System.nanoTime() - start) / 1e6);
        }
        AcksBench b = new AcksBench(keys.size(), median(inProcess), percentile(inProcess, 0.9),
                inProcess.stream().mapToDouble(d -> d).max().orElse(0), median(process), process);
        System.out.println(json ? Json.write(b) : b.text());
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
        if (json) System.out.println(Json.write(f));
        else System.out.printf("merged detection, %,d commits, %,d open series: first run %,d ms (every commit "
                        + "diffed), second %,d ms (patch-ids cached); %d merged, %d partly merged, %d patches by author "
                        + "and subject (generating the repository took %,d ms)%n", f.commits(), f.series(), f.coldMillis(),
                f.warmMillis(), f.merged(), f.partlyMerged(), f.byAuthorSubject(), f.generateMillis());
        return ExitCode.OK;
    }

    private int links() throws IOException, InterruptedException, QuerySyntaxException {
        if (!Files.isDirectory(data)) {
            Path mbox = archive != null ? archive : generated();
            if (!json) System.err.println("bench links: ingesting " + mbox + " into " + data);
            run(List.of("-Xmx" + heap), "ingest", "--json", "--data", data.toString(), mbox.toString());
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
                    s -> policy.areas(filesOf(s)).infrastructure()).count(), open.size(),
                    open.stream().filter(c -> !c.exports().isEmpty()).count(),
                    open.stream().filter(SeriesCheck::failed).count(), kinds(checked), kinds(open),
                    median(checkMillis), percentile(checkMillis, 0.9),
                    checkMillis.stream().mapToDouble(d -> d).max().orElse(0), median(togetherMillis), togetherMillis);
            System.out.println(json ? Json.write(b) : b.text());
        }
        return ExitCode.OK;
    }

    private static List<String> filesOf(Series s) {
        return s.latest().patches().stream().flatMap(p -> p.files().stream()).distinct().toList();
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

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p) - 1));
    }

    private Path generated() throws IOException {
        Path mbox = data.resolveSibling("generated-" + messages + ".mbox");
        if (!Files.exists(mbox)) {
            Files.createDirectories(mbox.getParent());
            Path tmp = mbox.resolveSibling(mbox.getFileName() + ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                ArchiveGenerator.write(messages, 1, out);
            }
            Files.move(tmp, mbox);
        }
        return mbox;
    }

    /**
     * Runs patchlane in a new JVM: through the {@code ./patchlane} launcher when there is one (so the search figure
     * includes what a user's start-up includes), else this JVM's class path. Returns its standard output.
     */
    private static String run(List<String> jvm, String... args) throws IOException, InterruptedException {
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
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code > ExitCode.NOT_FOUND) throw new IOException("'" + String.join(" ", args) + "' exited " + code);
        return out;
    }

    private static double median(List<Double> values) {
        List<Double> s = values.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        }
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

    record SearchBench(int queries, double p50Millis, double p90Millis, List<Double> millis) {
        String text() {
            return String.format("search: %s, each a new process: p50 %,.0f ms, p90 %,.0f ms",
                    Plural.of(queries, "query", "queries"), p50Millis, p90Millis);
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
