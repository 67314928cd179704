package org.patchlane.cli.measure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Runs a command and measures it from outside: wall time, and by polling {@code /proc} every few milliseconds (every one at first) its
 * peak RSS and CPU time (its own and its descendants': notmuch and public-inbox start helpers). The peak is the
 * process's {@code VmHWM}, which the kernel keeps, so a short spike between two polls is not missed; only what the
 * last poll before the exit saw of the descendants and of CPU time is counted.
 */
public final class MeasuredProcess {
    private static final long POLL_MILLIS = 20;
    private static final int ERR_TAIL = 4_000;

    private MeasuredProcess() {
    }

    /** Runs {@code command} with {@code env} added to this process's environment, {@code stdin} (or nothing) as input. */
    public static Measured run(List<String> command, Map<String, String> env, Path stdin) throws IOException,
            InterruptedException {
        ProcessBuilder b = new ProcessBuilder(command);
        b.environment().putAll(env);
        b.redirectInput(stdin != null ? ProcessBuilder.Redirect.from(stdin.toFile()) : ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null")));
        long start = System.nanoTime();
        Process p = b.start();
        // A bench stopped (Ctrl-C, kill) stops what it measures rather than leaving it running.
        Thread stop = new Thread(p::destroy);
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return measure(p, start);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs
            }
        }
    }

    private static Measured measure(Process p, long start) throws InterruptedException {
        CompletableFuture<byte[]> out = drain(p.getInputStream());
        CompletableFuture<byte[]> err = drain(p.getErrorStream());
        Sample peak = new Sample();
        // Polled every millisecond at first, then less often: a tool that answers in 30 ms is seen too.
        long every = 1;
        while (!p.waitFor(every, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            peak.take(p.toHandle());
            every = Math.min(POLL_MILLIS, every * 2);
        }
        long wall = System.nanoTime() - start;
        String errText = new String(err.join(), StandardCharsets.UTF_8);
        if (errText.length() > ERR_TAIL) errText = errText.substring(errText.length() - ERR_TAIL);
        return new Measured(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8), errText, wall, peak.cpu,
                peak.rss);
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                in.transferTo(b);
                return b.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The highest figures seen over the polls of one process tree. */
    static final class Sample {
        long rss;
        long cpu;
        private final Map<Long, Long> cpuByPid = new HashMap<>();

        void take(ProcessHandle root) {
            long treeRss = 0;
            for (ProcessHandle h : Stream.concat(Stream.of(root), root.descendants()).toList()) {
                String status = read("/proc/" + h.pid() + "/status");
                if (status == null) continue;
                treeRss += ProcStatus.rssBytes(status).orElse(0);
                if (h.pid() == root.pid()) rss = Math.max(rss, ProcStatus.peakRssBytes(status).orElse(0));
                String stat = read("/proc/" + h.pid() + "/stat");
                OptionalLong used = stat == null ? OptionalLong.empty() : ProcStatus.cpuNanos(stat);
                if (used.isPresent()) cpuByPid.merge(h.pid(), used.getAsLong(), Math::max);
            }
            rss = Math.max(rss, treeRss);
            cpu = cpuByPid.values().stream().mapToLong(Long::longValue).sum();
        }

        private static String read(String file) {
            try {
                return Files.readString(Path.of(file), StandardCharsets.ISO_8859_1);
            } catch (IOException | UncheckedIOException e) {
                return null; // the process (or /proc) is gone: what was seen stands
            }
        }
    }

    /** This JVM's own peak RSS so far ({@code VmHWM}), or empty where {@code /proc} is absent. */
    public static OptionalLong ownPeakRss() {
        String status = Sample.read("/proc/self/status");
        return status == null ? OptionalLong.empty() : ProcStatus.peakRssBytes(status);
    }
}
