package org.patchlane.source;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reader of one IMAP folder, in UID order, from the UID after the committed one. Lists the pending UIDs and sizes
 * in one command, then fetches raw messages in UID batches of up to {@link #BATCH_MESSAGES} messages or
 * {@link #BATCH_BYTES} bytes, one command each. A dropped connection or a timeout mid-batch reconnects with
 * exponential backoff and fetches the batch again; a login or folder refusal is final.
 *
 * <p>Cursor: source key = the folder's canonical URL ({@link ImapUrl#toString()}), position =
 * {@code "UIDVALIDITY:LASTUID"}. When the folder's UIDVALIDITY differs from the cursor's (the folder was recreated or
 * renumbered), the whole folder is read again; the store's idempotence keeps that free of duplicates.
 */
public final class ImapSource implements MailSource {
    /** Messages per fetch: a few MB per command keeps the pipe full without holding much in memory. */
    static final int BATCH_MESSAGES = 500;
    /** Bytes per fetch, by the server's sizes: bounds memory when the folder holds big attachments. */
    static final long BATCH_BYTES = 8L << 20;

    private final ImapAccount account;
    private final String key;
    private final Deque<RawMessage> fetched = new ArrayDeque<>();
    private ImapConnection connection;
    private long validity;
    private List<ImapConnection.Listed> pending = List.of();
    private int nextIndex;
    private long totalBytes;
    private long bytesRead;
    private int reconnects;

    private ImapSource(ImapAccount account) {
        this.account = account;
        this.key = sourceKey(account.url());
    }

    /**
     * Connects and lists the messages after the committed position.
     *
     * @param position {@code "UIDVALIDITY:LASTUID"} from an earlier {@link RawMessage#after()}, or null
     * @throws ImapRefusedException when the server refuses the login or the folder
     */
    public static ImapSource open(ImapAccount account, String position) throws IOException {
        ImapSource source = new ImapSource(account);
        try {
            source.retrying(() -> source.start(position));
            return source;
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** The cursor key of a folder: its canonical URL. */
    public static String sourceKey(ImapUrl url) {
        return url.toString();
    }

    /** Connections lost and made again so far (tests check that a drop was ridden out). */
    public int reconnects() {
        return reconnects;
    }

    @Override
    public RawMessage next() throws IOException {
        if (fetched.isEmpty() && nextIndex < pending.size()) retrying(this::fetchBatch);
        return fetched.poll();
    }

    /** The sum of the pending messages' sizes as the server counts them (CRLF line ends). */
    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() {
        if (connection != null) connection.close();
        connection = null;
    }

    private void start(String position) throws IOException {
        connect();
        long committedValidity = ResumePosition.offset(position);
        long lastUid = parseUid(position);
        long from = committedValidity == validity ? lastUid + 1 : 1;
        list(from);
    }

    private void list(long from) throws IOException {
        pending = connection.list(from);
        nextIndex = 0;
        totalBytes = pending.stream().mapToLong(ImapConnection.Listed::size).sum();
        bytesRead = 0;
    }

    private void fetchBatch() throws IOException {
        if (connection == null) {
            long before = validity;
            connect();
            if (validity != before) {
                list(1);
                if (pending.isEmpty()) return;
            }
        }
        int end = nextIndex;
        long bytes = 0;
        while (end < pending.size() && end - nextIndex < BATCH_MESSAGES && (bytes < BATCH_BYTES || end == nextIndex)) {
            bytes += pending.get(end++).size();
        }
        List<ImapConnection.Fetched> got = connection.fetch(pending.get(nextIndex).uid(), pending.get(end - 1).uid());
        for (ImapConnection.Fetched f : got) {
            fetched.add(new RawMessage(f.bytes(), key + "#" + f.uid(), new Cursor(key, validity + ":" + f.uid()),
                    null, false));
        }
        nextIndex = end;
        bytesRead += bytes;
    }

    private void connect() throws IOException {
        connection = ImapConnection.open(account);
        validity = connection.uidValidity();
    }

    /** An IMAP step that may fail on a lost connection. */
    private interface Step {
        void run() throws IOException;
    }

    /**
     * Runs a step, reconnecting with exponential backoff while the connection fails, up to the account's retries in
     * a row. Refusals are thrown at once.
     */
    private void retrying(Step step) throws IOException {
        for (int failures = 0; ; failures++) {
            try {
                step.run();
                return;
            } catch (ImapRefusedException e) {
                throw e;
            } catch (IOException e) {
                close();
                if (failures >= account.retries()) {
                    throw new IOException(key + ": gave up after " + (failures + 1) + " tries: " + e.getMessage(), e);
                }
                sleep(account.backoff().toMillis() << Math.min(failures, 16));
                reconnects++;
            }
        }
    }

    private static void sleep(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to reconnect");
        }
    }

    /** The UID after the colon of a position, or 0. */
    private static long parseUid(String position) {
        try {
            return Math.max(0, Long.parseLong(ResumePosition.fingerprint(position)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
