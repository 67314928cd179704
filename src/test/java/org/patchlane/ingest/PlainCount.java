package org.patchlane.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Counts the messages under a folder by the plainest reading, independent of the project's sources, as a check on
 * them. A file is an mbox when its first non-blank line is an envelope line ({@code From }, a sender and an asctime
 * date, as mbox writers put them), or any {@code From } line in a file named {@code .mbox}/{@code .mboxrd}; it holds
 * one message per {@code From } line after a blank line, and per envelope line anywhere. A file that starts with a
 * header field ({@code Name: value}) is one message; anything else is not mail.
 */
final class PlainCount {
    private static final Pattern FIELD = Pattern.compile("^[!-9;-~]+:.*");
    private static final Pattern ENVELOPE = Pattern.compile(
            "^From \\S+ +(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) .*");

    private PlainCount() {
    }

    static long messages(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        long n = 0;
        for (Path f : files) n += messagesIn(f);
        return n;
    }

    private static long messagesIn(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            String first = r.readLine();
            while (first != null && first.isBlank()) first = r.readLine();
            if (first == null) return 0;
            boolean mbox = first.startsWith("From ")
                    && (ENVELOPE.matcher(first).matches() || file.getFileName().toString().matches(".*\\.mbox(rd)?"));
            if (!mbox) return FIELD.matcher(first).matches() ? 1 : 0;
            long n = 1;
            boolean blank = false;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("From ") && (blank || ENVELOPE.matcher(line).matches())) n++;
                blank = line.isEmpty();
            }
            return n;
        }
    }
}
