package org.patchlane.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * What a file holds, decided cheaply from its first 4 KiB (after gunzip when it starts with the gzip magic).
 * Leading whitespace-only lines are ignored. The test is deliberately simple: mail starts with a header
 * ({@code Name: value}) or an mbox envelope; README files, patches and logs do not.
 */
public enum MailFormat {
    /** First line starts with {@code "From "} and is an envelope or is followed by a header line. */
    MBOX,
    /** First line is a header field: one message. */
    MESSAGE,
    /** Nothing but whitespace (or zero bytes). */
    EMPTY,
    /** Anything else. */
    NOT_MAIL;

    private static final int SNIFF_BYTES = 4096;

    /** Sniffs {@code file}; reads at most 4 KiB of (decompressed) content. */
    public static MailFormat of(Path file) throws IOException {
        byte[] head;
        try (InputStream raw = Files.newInputStream(file)) {
            head = raw.readNBytes(SNIFF_BYTES);
        }
        if (Sources.isGzip(head)) {
            head = gunzipHead(file);
        }
        return classify(head, head.length);
    }

    /** Classifies the first bytes of a file's (decompressed) content. */
    static MailFormat classify(byte[] head, int len) {
        int start = 0;
        while (start < len) {
            int end = lineEnd(head, start, len);
            if (!isWhitespace(head, start, end)) {
                return classifyFirstLine(head, start, end, len);
            }
            start = end;
        }
        return EMPTY;
    }

    private static MailFormat classifyFirstLine(byte[] head, int start, int end, int len) {
        byte[] first = Arrays.copyOfRange(head, start, end);
        if (EnvelopeLine.startsWithFrom(first, first.length)) {
            boolean headerNext = end < len && isHeader(head, end, lineEnd(head, end, len));
            return EnvelopeLine.parse(first, first.length).isEnvelope() || headerNext ? MBOX : NOT_MAIL;
        }
        return isHeader(head, start, end) ? MESSAGE : NOT_MAIL;
    }

    /** RFC 5322 field name (printable ASCII but colon), then a colon. */
    private static boolean isHeader(byte[] b, int start, int end) {
        int i = start;
        while (i < end && b[i] > ' ' && b[i] < 127 && b[i] != ':') {
            i++;
        }
        return i > start && i < end && b[i] == ':';
    }

    private static int lineEnd(byte[] b, int start, int len) {
        for (int i = start; i < len; i++) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return len;
    }

    private static boolean isWhitespace(byte[] b, int start, int end) {
        for (int i = start; i < end; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '\n') {
                return false;
            }
        }
        return true;
    }

    private static byte[] gunzipHead(Path file) throws IOException {
        byte[] out = new byte[SNIFF_BYTES];
        int n = 0;
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = new GZIPInputStream(raw);
            while (n < out.length) {
                int r = in.read(out, n, out.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (EOFException e) {
            // A cut gzip file: judge by what could be read.
        }
        return Arrays.copyOf(out, n);
    }
}
