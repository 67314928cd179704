package org.patchlane.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.patchlane.store.StoredRecord;

/**
 * Stored messages as one mboxrd file: each gets a {@code From <sender> <asctime>} separator, every body line
 * matching {@code ^>*From } one more {@code >}, and a blank line after it, so an mbox reader (ours, git mailsplit,
 * mutt) gives back the stored bytes. Only a message without a final newline comes back with one: mbox cannot say
 * otherwise.
 * <p>
 * {@link #writePublicInbox} writes one message as public-inbox's web interface does in {@code t.mbox.gz} and search
 * results ({@code x=m}): the same quoting, but every separator is {@code From mboxrd@z Thu Jan  1 00:00:00 1970}, so the
 * output depends on the messages alone (b4 and lei split it with {@code git mailsplit --mboxrd}).
 */
public final class RawMbox {
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** What git format-patch writes when no date is known. */
    private static final Instant NO_DATE = Instant.parse("2001-09-17T00:00:00Z");
    private static final byte[] FROM = "From ".getBytes(StandardCharsets.US_ASCII);
    private static final String PUBLIC_INBOX_SEPARATOR_TEXT = "From mboxrd@z Thu Jan  1 00:00:00 1970";
    private static final byte[] PUBLIC_INBOX_SEPARATOR =
            (PUBLIC_INBOX_SEPARATOR_TEXT + "\n").getBytes(StandardCharsets.US_ASCII);

    private RawMbox() {
    }

    public static byte[] of(List<StoredRecord> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (StoredRecord m : messages) {
                out.writeBytes(separator(m).getBytes(StandardCharsets.UTF_8));
                escaped(m.raw(), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array cannot fail", e);
        }
        return out.toByteArray();
    }

    /** One message, public-inbox's way: its separator line, the stored bytes quoted, a blank line. */
    public static void writePublicInbox(StoredRecord m, OutputStream out) throws IOException {
        out.write(PUBLIC_INBOX_SEPARATOR);
        escaped(m.raw(), out);
    }

    static String separator(StoredRecord m) {
        String sender = m.from().email().isBlank() ? "MAILER-DAEMON" : m.from().email().replaceAll("\\s", "");
        Instant date = m.envelopeDate() != null ? m.envelopeDate() : m.date() != null ? m.date() : NO_DATE;
        return "From " + sender + " " + ASCTIME.format(date) + "\n";
    }

    /** The raw bytes with mboxrd's quoting, ending with a newline, then the blank line that ends the message. */
    private static void escaped(byte[] raw, OutputStream out) throws IOException {
        int start = 0;
        while (start < raw.length) {
            int end = start;
            while (end < raw.length && raw[end] != '\n') end++;
            if (quotedFrom(raw, start, end)) out.write('>');
            out.write(raw, start, Math.min(end + 1, raw.length) - start);
            start = end + 1;
        }
        if (raw.length == 0 || raw[raw.length - 1] != '\n') out.write('\n');
        out.write('\n');
    }

    /** {@code ^>*From }. */
    private static boolean quotedFrom(byte[] raw, int start, int end) {
        int i = start;
        while (i < end && raw[i] == '>') i++;
        if (end - i < FROM.length) return false;
        for (int k = 0; k < FROM.length; k++) if (raw[i + k] != FROM[k]) return false;
        return true;
    }
}
