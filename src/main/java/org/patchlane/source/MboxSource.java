package org.patchlane.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reader of one mbox file, plain or gzip-compressed (detected by the magic bytes {@code 1f 8b}, not by name;
 * multi-member gzip works), streaming one message at a time.
 *
 * <p><b>Separators.</b> A line starting with {@code "From "} separates messages when it is the first line of
 * the file, follows a blank line, or — without a blank line before it — has the full envelope shape
 * {@code From <sender> <asctime date>}. The last case accepts mboxo archives written without blank lines
 * between messages (git's {@code sample.mbox} has such messages, and {@code git mailsplit} splits there too).
 * Leading whitespace-only lines before the first separator are skipped. A file not starting with
 * {@code "From "} yields its leading part as one message (no envelope) and then splits normally.
 *
 * <p><b>Unescaping.</b> Every line matching {@code ^>+From } loses one {@code >}, mboxrd style, for every file.
 * We cannot tell mboxrd from mboxo by looking, and the rule is right for both in all but one case: mboxo
 * writers turn a body {@code From } into {@code >From } (undone correctly), and only a body line that already
 * read {@code >From } in an mboxo file loses a quote character it really had. Not unescaping would leave
 * {@code >} on every escaped line of every mboxrd archive (lore, public-inbox, b4, git format-patch
 * --pretty=mboxrd) and corrupt commit messages.
 *
 * <p><b>Message bytes</b> exclude the separator line and the one blank line mbox writers put after each message;
 * everything else is kept byte for byte (CRLF stays CRLF; no final newline stays so).
 *
 * <p><b>Truncation.</b> {@link RawMessage#truncated()} is set when the file ends inside a message's headers (no
 * blank line ever seen), when a gzip stream ends prematurely (what was read is kept), and when a message exceeds
 * {@link #MAX_MESSAGE_BYTES} (the first bytes are kept, the rest skipped up to the next separator).
 *
 * <p><b>Cursor.</b> Source key {@code "mbox:" + real path}; position {@code "<offset>:<fingerprint>"} where offset
 * is the offset, in the uncompressed stream, of the next message's {@code From } line (or of the end), and the
 * fingerprint hashes the stream's first {@code min(offset, 4 KiB)} bytes. Resuming with a position whose
 * fingerprint does not match, that points past the end, or whose offset is not at a {@code From } line restarts
 * from 0: the store is idempotent, so a rewritten file costs time, never correctness. Resuming a gzip file
 * decompresses and discards the bytes before the offset.
 *
 * <p>Memory: one message (at most {@link #MAX_MESSAGE_BYTES}) plus one line chunk. Not thread-safe.
 */
public final class MboxSource implements MailSource {
    /**
     * Per-message size cap: six times postfix's default {@code message_size_limit} (10,240,000 bytes), so no mail
     * a list server would relay is ever cut, while a broken archive cannot make one "message" eat the heap.
     */
    public static final int MAX_MESSAGE_BYTES = 64 << 20;
    private static final String KEY_PREFIX = "mbox:";
    private static final int KEEP_BUFFER_BYTES = 4 << 20;

    private final Path file;
    private final String key;
    private final boolean gzip;
    private final long totalBytes;
    private final String startPosition;

    private LineScanner scanner;
    private CountingInputStream counter;
    private boolean started;
    private boolean haveLine;

    private byte[] message = new byte[64 * 1024];
    private int messageLen;

    private MboxSource(Path file, boolean gzip, String startPosition) throws IOException {
        this.file = file;
        this.key = KEY_PREFIX + file;
        this.gzip = gzip;
        this.totalBytes = Files.size(file);
        this.startPosition = startPosition;
    }

    /**
     * Opens an mbox file (gzip detected by content) and positions it lazily at {@code position}.
     *
     * @param file     the mbox; resolved to its real path for the source key
     * @param position a position from an earlier {@link RawMessage#after()} of this source, or null to start at 0
     */
    public static MboxSource open(Path file, String position) throws IOException {
        Path real = file.toRealPath();
        return new MboxSource(real, Sources.isGzip(real), position);
    }

    /** The source key of the mbox at {@code file}: {@code "mbox:" + real path}. */
    public static String sourceKey(Path file) throws IOException {
        return KEY_PREFIX + file.toRealPath();
    }

    @Override
    public RawMessage next() throws IOException {
        if (!started) {
            start();
            started = true;
        }
        if (!haveLine) {
            return null;
        }
        long start = scanner.lineStart();
        Instant date = null;
        if (EnvelopeLine.startsWithFrom(scanner.line(), scanner.length())) {
            date = EnvelopeLine.parse(scanner.line(), scanner.length()).date();
            haveLine = scanner.next();
        }
        return readBody(start, date);
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public long bytesRead() {
        if (scanner == null) {
            return 0;
        }
        if (!haveLine && started) {
            return totalBytes;
        }
        return gzip ? counter.count() : Math.min(scanner.offset(), totalBytes);
    }

    @Override
    public void close() throws IOException {
        if (scanner != null) {
            scanner.close();
        }
    }

    private RawMessage readBody(long start, Instant date) throws IOException {
        messageLen = 0;
        int lastLineStart = -1;
        boolean previousBlank = false;
        boolean sawBlank = false;
        boolean capped = false;
        while (haveLine) {
            byte[] line = scanner.line();
            int len = scanner.length();
            boolean lineStart = scanner.startsLine();
            if (lineStart && EnvelopeLine.startsWithFrom(line, len)
                    && (previousBlank || EnvelopeLine.parse(line, len).isEnvelope())) {
                break;
            }
            int skip = lineStart && isEscapedFrom(line, len) ? 1 : 0;
            if (lineStart) {
                lastLineStart = messageLen;
            }
            capped |= !append(line, skip, len - skip);
            previousBlank = scanner.isBlank();
            sawBlank |= previousBlank;
            haveLine = scanner.next();
        }
        long end = haveLine ? scanner.lineStart() : scanner.offset();
        if (previousBlank && lastLineStart >= 0 && !capped) {
            messageLen = lastLineStart;
        }
        boolean atEnd = !haveLine;
        boolean truncated = capped || atEnd && (!sawBlank || scanner.cutShort());
        byte[] bytes = Arrays.copyOf(message, messageLen);
        if (message.length > KEEP_BUFFER_BYTES) {
            message = new byte[64 * 1024];
        }
        Cursor after = new Cursor(key, ResumePosition.of(end, scanner.fingerprint(end)));
        return new RawMessage(bytes, file + "@" + start, after, date, truncated);
    }

    /** Appends up to the cap; false when bytes had to be dropped. */
    private boolean append(byte[] src, int from, int len) {
        int room = MAX_MESSAGE_BYTES - messageLen;
        int take = Math.min(room, len);
        if (messageLen + take > message.length) {
            long grown = Math.max((long) messageLen + take, (long) message.length * 2);
            message = Arrays.copyOf(message, (int) Math.min(grown, MAX_MESSAGE_BYTES));
        }
        System.arraycopy(src, from, message, messageLen, take);
        messageLen += take;
        return take == len;
    }

    /** {@code ^>+From }: an mboxrd/mboxo-escaped line. */
    private static boolean isEscapedFrom(byte[] line, int len) {
        int i = 0;
        while (i < len && line[i] == '>') {
            i++;
        }
        return i > 0 && len - i >= 5 && line[i] == 'F' && line[i + 1] == 'r' && line[i + 2] == 'o'
                && line[i + 3] == 'm' && line[i + 4] == ' ';
    }

    private void start() throws IOException {
        long offset = ResumePosition.offset(startPosition);
        if (offset > 0 && !resumeAt(offset, ResumePosition.fingerprint(startPosition))) {
            scanner.close();
            offset = 0;
        }
        if (offset == 0) {
            openStream();
            haveLine = scanner.next();
            while (haveLine && scanner.isWhitespace()) {
                haveLine = scanner.next();
            }
        }
    }

    /** Positions at {@code offset}; false when the position does not fit this file any more. */
    private boolean resumeAt(long offset, String fingerprint) throws IOException {
        openStream();
        if (!gzip && offset > totalBytes || !scanner.skipTo(offset)) {
            return false;
        }
        if (!scanner.fingerprint(offset).equals(fingerprint)) {
            return false;
        }
        haveLine = scanner.next();
        return !haveLine && !scanner.cutShort()
                || haveLine && EnvelopeLine.startsWithFrom(scanner.line(), scanner.length());
    }

    private void openStream() throws IOException {
        InputStream raw = Files.newInputStream(file);
        counter = new CountingInputStream(raw);
        InputStream in = counter;
        if (gzip) {
            try {
                in = new GZIPInputStream(counter, 64 * 1024);
            } catch (EOFException e) {
                // Cut inside the gzip header: not one byte of mail to keep.
                in = InputStream.nullInputStream();
            } catch (IOException e) {
                raw.close();
                throw e;
            }
        }
        scanner = new LineScanner(in);
    }
}
