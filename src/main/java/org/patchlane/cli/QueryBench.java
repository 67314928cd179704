package org.patchlane.cli;

import static org.patchlane.cli.measure.Stats.percentile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.patchlane.cli.measure.Measured;
import org.patchlane.cli.measure.MeasuredProcess;
import org.patchlane.view.Plural;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

/**
 * {@code bench search}: {@code search}, {@code series} and {@code acks} as a user runs them, each a new
 * {@code ./patchlane} process (JVM start included, or the launcher's request to a running server), wall time per
 * query; p50 and p90 of each command against its target: 300 ms for a new JVM, 50 ms through a server.
 */
final class QueryBench {
    /** A new JVM's target (JVM start included). */
    static final double LOCAL_TARGET_MILLIS = 300;
    /** Through a running server (the launcher's curl and the server's answer). */
    static final double SERVER_TARGET_MILLIS = 50;
    /** Series queries shaped like a maintainer's: the newest page, a state, people, versions, a title, a file. */
    static final List<String> SERIES_QUERIES = List.of("", "state:under-review", "ack:leon", "v:3", "s:mlx5",
            "f:leon", "dfn:Makefile", "rb:jason", "s:fix AND v:2", "state:applied");
    /**
     * Set for the runs through a server: a JVM the launcher fell back to cannot start, so a query the server did not
     * answer shows as a failure instead of a slow figure.
     */
    private static final String NO_JVM = "-XX:+PatchlaneBenchServerAnswersOnly";

    private final Path data;
    private final int queries;
    private final List<String> searches;
    private final Consumer<Measured> started;
    private long serverPid = -1;

    /** @param started told each query process once it exited (for the bench's memory line: their peak RSS) */
    QueryBench(Path data, int queries, List<String> searches, Consumer<Measured> started) {
        this.data = data;
        this.queries = queries;
        this.searches = searches;
        this.started = started;
    }

    /**
     * One command's figures on one path. The CPU figures are what a busy machine's wall time hides: the query's
     * processes (launcher, JVM or curl) and, through a server, the server process during the query; -1 where
     * {@code /proc} does not tell.
     */
    record Figures(String command, String path, int queries, double p50Millis, double p90Millis,
                   double targetMillis, List<Double> millis, double cpuP50Millis, double serverCpuP50Millis) {
        String text() {
            return String.format("  %-6s %-11s %s: p50 %,.0f ms, p90 %,.0f ms (target %,.0f ms: %s); CPU p50 %,.0f ms"
                            + "%s", command, path, Plural.of(queries, "query", "queries"), p50Millis, p90Millis,
                    targetMillis, p50Millis <= targetMillis ? "met" : "missed", cpuP50Millis,
                    serverCpuP50Millis < 0 ? "" : String.format(" + server %,.0f ms", serverCpuP50Millis));
        }
    }

    /** Every figure, with the load average before and after (the machine is shared). */
    record Report(List<Figures> figures, String loadBefore, String loadAfter) {
        String text() {
            StringBuilder out = new StringBuilder("search, series, acks: each query a new ./patchlane process");
            out.append(String.format(" (load average %s before, %s after)%n", loadBefore, loadAfter));
            for (Figures f : figures) out.append(f.text()).append('\n');
            return out.toString().stripTrailing();
        }
    }

    /** Runs the queries in a new JVM each ({@code --no-server}), and with {@code server} also through a server. */
    Report run(boolean server) throws IOException, InterruptedException {
        Path launcher = Path.of("patchlane");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalArgumentException("bench search runs ./patchlane: run it from the directory of the launcher");
        }
        List<String> keys = acksKeys();
        String before = load();
        List<Figures> figures = new ArrayList<>(times(launcher, keys, "new JVM", Map.of(), LOCAL_TARGET_MILLIS));
        if (server) {
            try (Server s = Server.on(launcher, data)) {
                serverPid = s.pid();
                figures.addAll(times(launcher, keys, "via server", Map.of("PATCHLANE_JAVA_OPTS", NO_JVM),
                        SERVER_TARGET_MILLIS));
            }
        }
        return new Report(figures, before, load());
    }

    private List<Figures> times(Path launcher, List<String> keys, String path, Map<String, String> env, double target)
            throws IOException, InterruptedException {
        List<String> local = path.equals("new JVM") ? List.of("--no-server") : List.of();
        List<List<String>> search = new ArrayList<>();
        List<List<String>> series = new ArrayList<>();
        List<List<String>> acks = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            search.add(line(local, "search", "--json", "--limit", "20", searches.get(i % searches.size())));
            series.add(line(local, "series", "--json", "--limit", "20", SERIES_QUERIES.get(i % SERIES_QUERIES.size())));
            acks.add(line(local, "acks", "--json", keys.get(i % keys.size())));
        }
        // One untimed run of each first: a new JVM records its class-data archive, a server compiles its code paths.
        for (List<List<String>> lines : List.of(search, series, acks)) {
            for (int i = 0; i < (env.isEmpty() ? 1 : 5); i++) run(launcher, lines.get(i % lines.size()), env);
        }
        List<Figures> out = new ArrayList<>();
        long server = env.isEmpty() ? -1 : serverPid;
        for (List<List<String>> lines : List.of(search, series, acks)) {
            List<Double> millis = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            List<Double> serverCpu = new ArrayList<>();
            for (List<String> l : lines) {
                long children = Cpu.children();
                long served = Cpu.of(server);
                long start = System.nanoTime();
                run(launcher, l, env);
                millis.add((System.nanoTime() - start) / 1e6);
                cpu.add(Cpu.millis(children, Cpu.children()));
                serverCpu.add(Cpu.millis(served, Cpu.of(server)));
            }
            out.add(new Figures(lines.get(0).get(0), path, lines.size(), percentile(millis, 0.5),
                    percentile(millis, 0.9), target, millis, percentile(cpu, 0.5),
                    server < 0 ? -1 : percentile(serverCpu, 0.5)));
        }
        return out;
    }

    private List<String> line(List<String> local, String command, String... args) {
        List<String> l = new ArrayList<>(List.of(command));
        l.addAll(local);
        l.addAll(List.of("--data", data.toString()));
        l.addAll(List.of(args));
        return l;
    }

    /** Series ids and reply Message-IDs spread over the archive, as {@code bench acks} picks them. */
    private List<String> acksKeys() throws IOException {
        List<String> keys = new ArrayList<>();
        try (Searcher searcher = Searcher.open(data)) {
            long total = searcher.series("", 0, 1).total();
            if (total == 0) throw new IllegalArgumentException("no series in " + data);
            long step = Math.max(1, total / Math.max(1, queries));
            for (long at = 0; at < total && at <= Searcher.MAX_OFFSET && keys.size() < queries; at += step) {
                Series s = searcher.series("", (int) at, 1).series().get(0);
                keys.add(keys.size() % 2 == 0 ? s.id() : s.members().get(s.members().size() - 1));
            }
        } catch (org.patchlane.store.QuerySyntaxException e) {
            throw new IllegalStateException(e);
        }
        return keys;
    }

    /** Runs the launcher; its output must be JSON (a query that printed nothing was not answered). */
    private void run(Path launcher, List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(launcher.toAbsolutePath().toString()));
        cmd.addAll(args);
        Measured m = MeasuredProcess.run(cmd, env, null);
        started.accept(m);
        if (m.exitCode() > ExitCode.NOT_FOUND || m.out().isBlank()) {
            throw new IOException("'" + String.join(" ", args) + "' exited " + m.exitCode()
                    + (env.isEmpty() ? "" : " (not answered by the server)"));
        }
    }

    /**
     * CPU time from {@code /proc} in clock ticks (100 a second on Linux): this JVM's reaped children (a query's
     * launcher, its JVM or curl), or a process's own; -1 where it cannot be read.
     */
    private static final class Cpu {
        static long children() {
            return fields(Path.of("/proc/self/stat"), 13);
        }

        static long of(long pid) {
            return pid < 0 ? -1 : fields(Path.of("/proc/" + pid + "/stat"), 11);
        }

        /** The sum of two fields after the command name, from {@code first} (utime+stime: 11, cutime+cstime: 13). */
        private static long fields(Path stat, int first) {
            try {
                String s = Files.readString(stat);
                String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[first]) + Long.parseLong(f[first + 1]);
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        static double millis(long before, long after) {
            return before < 0 || after < 0 ? -1 : (after - before) * 10.0;
        }
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The server the queries go to: one already serving the data directory, else one started here and stopped after. */
    private record Server(Process started, long pid) implements AutoCloseable {
        static Server on(Path launcher, Path data) throws IOException, InterruptedException {
            Path endpoint = data.resolve(ServeEndpoint.NAME);
            if (alive(endpoint)) return new Server(null, pid(endpoint));
            Process p = new ProcessBuilder(launcher.toAbsolutePath().toString(), "serve", "--data", data.toString(),
                    "--port", "0").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!alive(endpoint)) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    p.destroy();
                    throw new IOException("'patchlane serve --data " + data + "' did not start");
                }
                Thread.sleep(100);
            }
            return new Server(p, pid(endpoint));
        }

        private static boolean alive(Path endpoint) throws IOException {
            long pid = pid(endpoint);
            return pid >= 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }

        /** The server's pid in its endpoint file, or -1. */
        private static long pid(Path endpoint) throws IOException {
            if (!Files.isRegularFile(endpoint)) return -1;
            for (String line : Files.readAllLines(endpoint)) {
                if (line.startsWith("pid=")) return Long.parseLong(line.substring(4).strip());
            }
            return -1;
        }

        @Override
        public void close() throws InterruptedException {
            if (started == null) return;
            started.destroy();
            started.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
