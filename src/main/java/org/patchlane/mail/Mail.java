package org.patchlane.mail;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One parsed message. Never null fields except {@code date} (unknown) and {@code listId} (none).
 *
 * @param messageId  without angle brackets; derived from the content hash when the mail has none
 * @param inReplyTo  Message-IDs from In-Reply-To, without brackets
 * @param references Message-IDs from References, oldest first, without brackets
 * @param from       the sender
 * @param to         To: recipients
 * @param cc         Cc: recipients
 * @param listId     the List-Id's id part ({@code linux-rdma.vger.kernel.org}), or null
 * @param date       the Date header, else the mbox envelope date, else null
 * @param subject    decoded subject, "" when absent
 * @param body       decoded text
 * @param flags      what went wrong or is unusual
 * @param problems   human-readable details for the flags
 */
public record Mail(String messageId, List<String> inReplyTo, List<String> references, Address from,
                   List<Address> to, List<Address> cc, String listId, Instant date, String subject,
                   BodyText body, Set<MailFlag> flags, List<String> problems) {
    public Mail {
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        flags = flags.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(flags));
        problems = List.copyOf(problems);
    }

    public boolean has(MailFlag flag) {
        return flags.contains(flag);
    }
}
