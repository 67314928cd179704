package org.patchlane.cli.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** /proc/PID/status and /proc/PID/stat as Linux writes them, and this JVM's own read from the real /proc. */
class ProcStatusTest {
    private static final String STATUS = "Name:\tjava\nUmask:\t0022\nState:\tS (sleeping)\nVmPeak:\t 4077160 kB\n"
            + "VmSize:\t 4077160 kB\nVmLck:\t       0 kB\nVmHWM:\t  139052 kB\nVmRSS:\t  120000 kB\nRssAnon:\t   98000 kB\n"
            + "Threads:\t27\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a JVM's status                | VmHWM:\\t  139052 kB\\nVmRSS:\\t  120000 kB\\n | 142389248 | 122880000",
            "a small tool                  | Name:\\tmairix\\nVmHWM:\\t    3320 kB\\nVmRSS:\\t    3320 kB\\n | 3399680 | 3399680",
            "spaces, no tab                | VmHWM:  1 kB\\nVmRSS:  0 kB\\n | 1024 | 0",
            "a kernel thread (no Vm lines) | Name:\\tkworker/0:1\\nState:\\tI (idle)\\n | -1 | -1",
            "VmHWMx is not VmHWM           | VmHWMx:\\t5 kB\\n | -1 | -1",
    })
    void readsPeakAndCurrentRss(String what, String status, long peak, long rss) {
        String text = status.replace("\\n", "\n").replace("\\t", "\t");
        assertEquals(peak < 0 ? OptionalLong.empty() : OptionalLong.of(peak), ProcStatus.peakRssBytes(text), what);
        assertEquals(rss < 0 ? OptionalLong.empty() : OptionalLong.of(rss), ProcStatus.rssBytes(text), what);
    }

    @Test
    void theWholeStatusFile() {
        assertEquals(OptionalLong.of(139052L * 1024), ProcStatus.peakRssBytes(STATUS));
        assertEquals(OptionalLong.of(120000L * 1024), ProcStatus.rssBytes(STATUS));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // utime 250 + stime 50 ticks = 3 s
            "plain name     | 1234 (java) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 27 0 100 4077160 | 3000000000",
            "name w/ spaces | 99 (Web Content) R 1 99 99 0 -1 0 0 0 0 0 7 3 0 0 20 0 1 0 5 100 | 100000000",
            "name w/ parens | 7 (a) b) (c) S 1 7 7 0 -1 0 0 0 0 0 1 0 0 0 20 0 1 0 5 100 | 10000000",
            "cut short      | 7 (x) S 1 7 | -1",
            "no name        | garbage | -1",
    })
    void readsCpuTimeAfterTheCommandName(String what, String stat, long nanos) {
        assertEquals(nanos < 0 ? OptionalLong.empty() : OptionalLong.of(nanos), ProcStatus.cpuNanos(stat), what);
    }

    @Test
    void thisJvmsOwnFiguresFromTheRealProc() throws Exception {
        Path status = Path.of("/proc/self/status");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(status), "no /proc: not Linux");
        String text = Files.readString(status);
        long peak = ProcStatus.peakRssBytes(text).orElseThrow();
        long now = ProcStatus.rssBytes(text).orElseThrow();
        assertTrue(peak >= now && now > 1 << 20, peak + " " + now);
        assertTrue(ProcStatus.cpuNanos(Files.readString(Path.of("/proc/self/stat"))).orElseThrow() > 0);
    }

    @Test
    void aChildsPeakRssIsMeasuredFromOutside() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/proc/self/status")), "no /proc");
        // A child that holds ~64 MiB for a moment: its RSS must show it, its CPU time be counted.
        String javaCmd = ProcessHandle.current().info().command().orElse("java");
        Path src = Files.createTempFile("Hold", ".java");
        Files.writeString(src, "class Hold { public static void main(String[] a) throws Exception { byte[] b = new "
                + "byte[64 << 20]; java.util.Arrays.fill(b, (byte) 1); Thread.sleep(300); System.out.print(b[7]); } }");
        try {
            Measured m = MeasuredProcess.run(java.util.List.of(javaCmd, "-Xmx256m", src.toString()), java.util.Map.of(),
                    null);
            assertEquals(0, m.exitCode(), m.err());
            assertEquals("1", m.out());
            assertTrue(m.peakRssBytes() > 64L << 20, "peak RSS " + m.peakRssBytes());
            assertTrue(m.cpuNanos() > 0 && m.wallNanos() > 300_000_000L, m.toString());
        } finally {
            Files.deleteIfExists(src);
        }
    }
}
