package org.patchlane.ingest;

import java.time.Instant;
import java.util.Locale;

import org.patchlane.mail.Mail;
import org.patchlane.mail.MailParser;
import org.patchlane.patch.PatchAnalyzer;
import org.patchlane.store.StoredMessage;
import org.patchlane.store.StoredRecord;

/** The per-message pipeline, shared by ingest, reindex and every view that re-reads a stored message. */
public final class Analyzer {
    private Analyzer() {
    }

    /**
     * Parses and analyses one raw message. Never throws: bad mail comes back flagged.
     *
     * @param list the list to file it under, or null to take it from the List-Id header
     */
    public static StoredMessage analyze(byte[] raw, Instant envelopeDate, boolean truncated, String list) {
        Mail mail = MailParser.parse(raw, envelopeDate, truncated);
        String name = list != null && !list.isBlank() ? list : listName(mail.listId());
        return new StoredMessage(raw, mail, PatchAnalyzer.analyze(mail), name, envelopeDate, truncated);
    }

    /** Re-analyses a stored message, keeping the list it was filed under. */
    public static StoredMessage reanalyze(StoredRecord stored) {
        return analyze(stored.raw(), stored.envelopeDate(), stored.truncated(), stored.list());
    }

    /** A stored message's mail alone, for views that need no patch analysis ({@code acks --mbox}). */
    public static Mail mail(StoredRecord stored) {
        return MailParser.parse(stored.raw(), stored.envelopeDate(), stored.truncated());
    }

    /**
     * The text of a stored mail that holds its patch: its own (unquoted) lines and its text attachments, decoded,
     * as {@code git am} would read the diff.
     */
    public static String patchText(StoredRecord stored) {
        Mail mail = mail(stored);
        String own = mail.body().own();
        return mail.body().attachments().isEmpty() ? own : own + "\n" + String.join("\n", mail.body().attachments());
    }

    /** {@code linux-rdma.vger.kernel.org} → {@code linux-rdma}, as lore names its inboxes; "" when none. */
    static String listName(String listId) {
        if (listId == null || listId.isBlank()) return "";
        String id = listId.strip().toLowerCase(Locale.ROOT);
        int dot = id.indexOf('.');
        return dot > 0 ? id.substring(0, dot) : id;
    }
}
