package org.patchlane.store;

import java.time.Instant;
import java.util.Set;

import org.patchlane.mail.Address;
import org.patchlane.mail.MailFlag;
import org.patchlane.patch.MessageKind;

/**
 * One message as the archive gives it back: the stored fields only (the body is not stored; re-parse {@link #raw}).
 *
 * @param messageId    without angle brackets
 * @param raw          the original bytes
 * @param list         the list it was received for, "" when none
 * @param envelopeDate the mbox envelope date, or null
 * @param truncated    the source ended inside this message
 * @param flags        mail flags plus those the archive adds ({@code truncated}, {@code duplicate_id})
 * @param kind         what the message is
 * @param subject      decoded subject
 * @param from         the sender
 * @param date         the Date header, else the envelope date, else null
 */
public record StoredRecord(String messageId, byte[] raw, String list, Instant envelopeDate, boolean truncated,
                           Set<MailFlag> flags, MessageKind kind, String subject, Address from, Instant date) {
    public StoredRecord {
        flags = Set.copyOf(flags);
    }
}
