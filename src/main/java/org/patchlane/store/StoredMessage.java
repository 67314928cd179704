package org.patchlane.store;

import java.time.Instant;
import java.util.Objects;

import org.patchlane.mail.Mail;
import org.patchlane.patch.Analysis;
import org.patchlane.thread.Post;
import org.patchlane.thread.Posts;

/**
 * One message on its way into the archive: the bytes as the source held them and what the earlier stages made of
 * them.
 *
 * @param raw          the message bytes exactly as received (stored compressed; {@code reindex} re-parses them)
 * @param mail         the parsed mail, never null (a mail that failed to parse still has headers and flags)
 * @param analysis     the patch stage's view, never null
 * @param post         the thread stage's facts, never null
 * @param list         the list name it was received for ({@code linux-rdma}), "" when none
 * @param envelopeDate the mbox {@code From } line date, or null
 * @param truncated    the source ended inside this message
 */
public record StoredMessage(byte[] raw, Mail mail, Analysis analysis, Post post, String list, Instant envelopeDate,
                            boolean truncated) {
    public StoredMessage {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(post, "post");
        list = list == null ? "" : list.strip();
    }

    /** A message whose thread facts are derived from its mail and analysis. */
    public StoredMessage(byte[] raw, Mail mail, Analysis analysis, String list, Instant envelopeDate, boolean truncated) {
        this(raw, mail, analysis, Posts.of(mail, analysis, list == null ? "" : list.strip()), list, envelopeDate, truncated);
    }
}
