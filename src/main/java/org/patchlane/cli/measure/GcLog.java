package org.patchlane.cli.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child JVM's heap read from its {@code -Xlog:gc} file: the heap in use just before each collection (its peak,
 * garbage included: what the JVM needed room for) and just after (the live data, which is what must not grow with
 * the archive). Every collector's pause lines end {@code BEFORE->AFTER(CAPACITY) TIME}.
 */
public record GcLog(long collections, long peakUsedBytes, long peakLiveBytes) {
    private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) Pause .*?(\\d+)([KMG])->(\\d+)([KMG])\\(\\d+[KMG]\\)");

    /** The JVM option that writes the log {@link #read} parses. */
    public static String option(Path file) {
        return "-Xlog:gc:file=" + file;
    }

    public static GcLog parse(String log) {
        long n = 0, used = 0, live = 0;
        Matcher m = PAUSE.matcher(log);
        while (m.find()) {
            n++;
            used = Math.max(used, bytes(m.group(1), m.group(2)));
            live = Math.max(live, bytes(m.group(3), m.group(4)));
        }
        return new GcLog(n, used, live);
    }

    /** The log at {@code file}, or no collections when the JVM wrote none. */
    public static GcLog read(Path file) throws IOException {
        return Files.exists(file) ? parse(Files.readString(file, StandardCharsets.ISO_8859_1)) : new GcLog(0, 0, 0);
    }

    private static long bytes(String n, String unit) {
        long v = Long.parseLong(n);
        return switch (unit) {
            case "K" -> v << 10;
            case "M" -> v << 20;
            default -> v << 30;
        };
    }
}
