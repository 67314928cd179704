package org.patchlane.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.util.PriorityQueue;

/**
 * Writes rendered messages as mboxrd in date order through a bounded reorder window: a message waits only until
 * the generator's clock passes its date (replies trail their thread by days, not months), so memory stays
 * a few days of traffic however long the archive.
 */
final class MboxWriter {
    private record Pending(long time, long seq, String envelope, Bytes bytes) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final OutputStream out;
    private final PriorityQueue<Pending> window = new PriorityQueue<>();
    private final StringBuilder line = new StringBuilder(80);
    private long seq;
    private long bytes;
    private long written;

    MboxWriter(OutputStream out) {
        this.out = out;
    }

    /** Queues a message; it is written once {@link #flushUntil} passes its date. */
    void add(long time, String envelopeSender, Bytes message) {
        window.add(new Pending(time, seq++, envelopeSender, message));
    }

    /** Writes every queued message dated at or before {@code time}. */
    void flushUntil(long time) throws IOException {
        while (!window.isEmpty() && window.peek().time() <= time) {
            write(window.poll());
        }
    }

    /** Writes everything still queued. */
    void finish() throws IOException {
        while (!window.isEmpty()) {
            write(window.poll());
        }
        out.flush();
    }

    long bytes() {
        return bytes;
    }

    long written() {
        return written;
    }

    private void write(Pending p) throws IOException {
        line.setLength(0);
        line.append("From ").append(p.envelope()).append(' ');
        MailDate.asctime(line, p.time());
        line.append('\n');
        byte[] sep = line.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(sep);
        bytes += sep.length + escape(p.bytes().array(), p.bytes().size(), out) + 1;
        out.write('\n');
        written++;
    }

    /**
     * Writes the first {@code length} bytes of {@code msg} with mboxrd escaping: every line matching {@code ^>*From } gains one more {@code >}, so
     * a reader removing one {@code >} from such lines gets the message back exactly.
     *
     * @return bytes written
     */
    static long escape(byte[] msg, int length, OutputStream out) throws IOException {
        int start = 0;
        int written = 0;
        long extra = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || msg[i] == '\n') {
                if (needsEscape(msg, start, i)) {
                    // escapes are rare: write up to the line start, the extra '>', and go on
                    out.write(msg, written, start - written);
                    out.write('>');
                    written = start;
                    extra++;
                }
                start = i + 1;
            }
        }
        out.write(msg, written, length - written);
        return length + extra;
    }

    static boolean needsEscape(byte[] msg, int start, int end) {
        int i = start;
        while (i < end && msg[i] == '>') {
            i++;
        }
        return end - i >= 5 && msg[i] == 'F' && msg[i + 1] == 'r' && msg[i + 2] == 'o' && msg[i + 3] == 'm'
                && msg[i + 4] == ' ';
    }
}
