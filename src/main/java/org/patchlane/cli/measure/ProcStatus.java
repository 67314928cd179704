package org.patchlane.cli.measure;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields of Linux's {@code /proc/PID/status} and {@code /proc/PID/stat} the benchmarks read: resident set size,
 * its high-water mark, and the CPU time used so far.
 */
public final class ProcStatus {
    private static final Pattern KB = Pattern.compile("(?m)^(\\w+):\\s+(\\d+)\\s+kB\\s*$");
    /** {@code sysconf(_SC_CLK_TCK)}: 100 on every Linux architecture Java runs on. */
    static final long CLOCK_TICKS_PER_SECOND = 100;

    private ProcStatus() {
    }

    /** {@code VmHWM}, the peak resident set size, in bytes; empty when the text has none (a kernel thread, not Linux). */
    public static OptionalLong peakRssBytes(String status) {
        return kilobytes(status, "VmHWM");
    }

    /** {@code VmRSS}, the resident set size now, in bytes. */
    public static OptionalLong rssBytes(String status) {
        return kilobytes(status, "VmRSS");
    }

    private static OptionalLong kilobytes(String status, String field) {
        Matcher m = KB.matcher(status);
        while (m.find()) {
            if (m.group(1).equals(field)) return OptionalLong.of(Long.parseLong(m.group(2)) * 1024);
        }
        return OptionalLong.empty();
    }

    /**
     * User plus system CPU time in nanoseconds from a {@code /proc/PID/stat} line. The command name (field 2) is in
     * parentheses and may itself hold spaces and parentheses, so the fields are counted from the last {@code ')'}:
     * utime and stime are fields 14 and 15.
     */
    public static OptionalLong cpuNanos(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) return OptionalLong.empty();
        String[] f = stat.substring(close + 1).trim().split("\\s+");
        // f[0] is field 3 (state): utime is f[11], stime f[12].
        if (f.length < 13) return OptionalLong.empty();
        try {
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return OptionalLong.of(ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
