package org.patchlane.source;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Byte-level line reader with stream offsets, for mbox splitting. Lines keep their terminator ({@code \n} or
 * {@code \r\n}) so message bytes are reproduced exactly. A line longer than {@link #MAX_CHUNK} comes in several
 * chunks; only the first has {@link #startsLine()}, so a huge base64 line never needs more than one chunk of
 * memory. The first {@link Fingerprint#PREFIX_BYTES} bytes of the stream are kept for cursor fingerprints.
 * A stream that ends with {@link EOFException} (a cut gzip file) is treated as ended, and remembered.
 */
final class LineScanner implements Closeable {
    static final int MAX_CHUNK = 1 << 20;

    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int lim;
    /** Stream offset of {@code buf[lim]}: everything before it has been taken from {@link #in}. */
    private long filled;
    private boolean eof;
    private boolean cutShort;

    private final byte[] prefix = new byte[Fingerprint.PREFIX_BYTES];
    private int prefixLen;

    private byte[] line = new byte[256];
    private int lineLen;
    private long lineStart;
    private boolean startsLine;
    private boolean previousComplete = true;

    LineScanner(InputStream in) {
        this.in = in;
    }

    /** Stream offset of the next unread byte. */
    long offset() {
        return filled - (lim - pos);
    }

    /** True when the stream ended with an {@link EOFException}: the data was cut short. */
    boolean cutShort() {
        return cutShort;
    }

    /**
     * Loads the next line chunk.
     *
     * @return false at end of stream (no chunk loaded)
     */
    boolean next() throws IOException {
        lineStart = offset();
        startsLine = previousComplete;
        lineLen = 0;
        while (true) {
            if (pos == lim && !fill()) {
                previousComplete = true;
                return lineLen > 0;
            }
            int room = MAX_CHUNK - lineLen;
            int end = Math.min(lim, pos + room);
            int nl = indexOfNewline(pos, end);
            int take = (nl >= 0 ? nl + 1 : end) - pos;
            append(take);
            if (nl >= 0 || lineLen == MAX_CHUNK) {
                previousComplete = nl >= 0;
                return true;
            }
        }
    }

    byte[] line() {
        return line;
    }

    int length() {
        return lineLen;
    }

    long lineStart() {
        return lineStart;
    }

    /** True when this chunk begins a line (false for the continuation chunks of an overlong line). */
    boolean startsLine() {
        return startsLine;
    }

    /** True when this chunk begins a line and is empty apart from its terminator. */
    boolean isBlank() {
        return startsLine && (lineLen == 1 && line[0] == '\n' || lineLen == 2 && line[0] == '\r' && line[1] == '\n');
    }

    /** True when this chunk begins a line made only of spaces, tabs and the terminator. */
    boolean isWhitespace() {
        if (!startsLine) {
            return false;
        }
        for (int i = 0; i < lineLen; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /**
     * Skips to stream offset {@code target}, reading the fingerprint prefix on the way.
     *
     * @return false when the stream ends before {@code target}
     */
    boolean skipTo(long target) throws IOException {
        while (offset() < target) {
            if (pos < lim) {
                pos += (int) Math.min(lim - pos, target - offset());
            } else if (filled < Fingerprint.PREFIX_BYTES) {
                if (!fill()) {
                    return false;
                }
            } else {
                long skipped = in.skip(target - filled);
                if (skipped > 0) {
                    filled += skipped;
                } else if (!fill()) {
                    return false;
                }
            }
        }
        previousComplete = true;
        return true;
    }

    /** Fingerprint of the stream's first {@code min(upTo, 4 KiB)} bytes; they must have been read already. */
    String fingerprint(long upTo) {
        int n = (int) Math.min(upTo, Fingerprint.PREFIX_BYTES);
        if (n > prefixLen) {
            throw new IllegalStateException("fingerprint of unread bytes: " + n + " > " + prefixLen);
        }
        return Fingerprint.of(prefix, n);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n;
        try {
            n = in.read(buf, 0, buf.length);
        } catch (EOFException e) {
            cutShort = true;
            n = -1;
        }
        if (n <= 0) {
            eof = n < 0;
            pos = 0;
            lim = 0;
            return !eof && fill();
        }
        if (filled < Fingerprint.PREFIX_BYTES) {
            int copy = (int) Math.min(n, Fingerprint.PREFIX_BYTES - filled);
            System.arraycopy(buf, 0, prefix, prefixLen, copy);
            prefixLen += copy;
        }
        pos = 0;
        lim = n;
        filled += n;
        return true;
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int take) {
        if (lineLen + take > line.length) {
            line = Arrays.copyOf(line, Math.max(lineLen + take, Math.min(MAX_CHUNK, line.length * 2)));
        }
        System.arraycopy(buf, pos, line, lineLen, take);
        lineLen += take;
        pos += take;
    }
}
