package org.patchlane.cli.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** -Xlog:gc lines of each collector, and a real child JVM's log. */
class GcLogTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "G1 young     | [0.412s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 100M->20M(512M) 5.123ms | 1 | 100 | 20",
            "G1 mixed     | [9.1s][info][gc] GC(40) Pause Young (Mixed) (G1 Evacuation Pause) 300M->120M(512M) 9.0ms | 1 | 300 | 120",
            "G1 remark    | [2.0s][info][gc] GC(7) Pause Remark 210M->180M(512M) 1.2ms | 1 | 210 | 180",
            "G1 full      | [3.0s][info][gc] GC(9) Pause Full (System.gc()) 50M->8M(64M) 30.1ms | 1 | 50 | 8",
            "Serial young | [0.2s][info][gc] GC(0) Pause Young (Allocation Failure) 34M->5M(123M) 7.7ms | 1 | 34 | 5",
            "kilobytes    | [0.1s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 23552K->2048K(262144K) 3.0ms | 1 | 23 | 2",
            "gigabytes    | [5s][info][gc] GC(1) Pause Full (Allocation Failure) 2G->1G(4G) 900ms | 1 | 2048 | 1024",
            "concurrent   | [1.0s][info][gc] GC(5) Concurrent Mark Cycle 12.3ms | 0 | 0 | 0",
            "start line   | [0.005s][info][gc] Using G1 | 0 | 0 | 0",
    })
    void readsEachPause(String what, String line, long pauses, long usedMib, long liveMib) {
        GcLog g = GcLog.parse(line + "\n");
        assertEquals(pauses, g.collections(), what);
        assertEquals(usedMib, g.peakUsedBytes() >> 20, what);
        assertEquals(liveMib, g.peakLiveBytes() >> 20, what);
    }

    @Test
    void thePeaksOfSeveralPausesAreTheirMaxima() {
        GcLog g = GcLog.parse(String.join("\n",
                "[0.1s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->4M(256M) 2ms",
                "[0.5s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 180M->60M(256M) 8ms",
                "[0.9s][info][gc] GC(2) Pause Young (Normal) (G1 Evacuation Pause) 150M->90M(256M) 8ms"));
        assertEquals(new GcLog(3, 180L << 20, 90L << 20), g);
    }

    @Test
    void aRealChildJvmsLog() throws Exception {
        Path log = tmp.resolve("gc.log");
        Path src = tmp.resolve("Churn.java");
        Files.writeString(src, "class Churn { public static void main(String[] a) { long s = 0; for (int i = 0; i < 400; "
                + "i++) { byte[] b = new byte[1 << 20]; s += b.length; } System.gc(); System.out.print(s > 0); } }");
        String javaCmd = ProcessHandle.current().info().command().orElse("java");
        Measured m = MeasuredProcess.run(List.of(javaCmd, "-Xmx64m", GcLog.option(log), src.toString()), java.util.Map.of(),
                null);
        assertEquals(0, m.exitCode(), m.err());
        GcLog g = GcLog.read(log);
        // 400 MiB allocated in a 64 MiB heap: it collected, and ended with System.gc()'s full pause.
        org.junit.jupiter.api.Assertions.assertTrue(g.collections() >= 2 && g.peakUsedBytes() > g.peakLiveBytes()
                && g.peakUsedBytes() <= 64L << 20, g.toString());
        assertEquals(new GcLog(0, 0, 0), GcLog.read(tmp.resolve("absent.log")));
    }
}
