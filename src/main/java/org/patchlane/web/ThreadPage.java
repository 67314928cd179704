package org.patchlane.web;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.patchlane.ingest.Analyzer;
import org.patchlane.mail.Mail;
import org.patchlane.store.StoredRecord;
import org.patchlane.thread.Conversation;

/**
 * The thread page {@code /{list}/{msgid}/T/}: every message of a thread, nested by reply, each with its body
 * (quotes folded, trailers marked, diffs coloured) and an anchor.
 *
 * @param list      the list of the URL ({@code all} for any)
 * @param messageId the message the URL names, which the page scrolls to
 * @param subject   the root's subject (or the asked message's, when the root is missing)
 * @param messages  reading order: depth first, replies by date
 * @param truncated the thread is larger than a page reads; these are the first messages found
 */
public record ThreadPage(String list, String messageId, String subject, List<ThreadMessage> messages,
                         boolean truncated) {
    /** Deepest indentation drawn: a phone has no room for more, and depth is still shown as a number. */
    static final int MAX_INDENT = 6;
    private static final Pattern REPLY_PREFIX = Pattern.compile("^(?i)((re|fwd?|aw|sv)\\s*(\\[\\d+])?:\\s*)+");

    public ThreadPage {
        messages = List.copyOf(messages);
    }

    /** What the thread page needs from the store: the stored copies of one Message-ID. */
    @FunctionalInterface
    public interface Copies {
        List<StoredRecord> of(String messageId) throws IOException;
    }

    /**
     * One place in the thread.
     *
     * @param anchor   the element id, {@link Links#anchor}
     * @param depth    the reply depth, 0 for the root
     * @param indent   the indentation class number, depth capped at {@link #MAX_INDENT}
     * @param missing  a message replies name but the archive lacks (then only the id is set)
     * @param focus    the message the URL names
     * @param subject  the subject, or null when it is the parent's (reply prefixes aside)
     * @param rawHref  the link to its stored bytes, or null when missing
     * @param blocks   its body cut into own text and folded quotes
     */
    public record ThreadMessage(String messageId, String anchor, int depth, int indent, boolean missing, boolean focus,
                                String href, String from, String date, String subject, String rawHref,
                                List<BodyBlock> blocks) {
    }

    /**
     * The page of a thread; each stored message is read and its mail parsed once (the copy of {@code list} if any).
     * The page shows no patch analysis (trailers are marked from the body's lines), so none is made: on a long
     * thread it was most of the page's time.
     */
    public static ThreadPage of(Conversation c, String list, Copies copies) throws IOException {
        Map<String, String> subjects = new HashMap<>();
        List<ThreadMessage> out = new java.util.ArrayList<>();
        String first = null;
        for (Conversation.Entry e : c.entries()) {
            int indent = Math.min(e.depth(), MAX_INDENT);
            boolean focus = e.messageId().equals(c.messageId());
            StoredRecord r = e.missing() ? null : pick(copies.of(e.messageId()), list);
            if (r == null) {
                out.add(new ThreadMessage(e.messageId(), Links.anchor(e.messageId()), e.depth(), indent, true, focus,
                        null, "", "", null, null, List.of()));
                continue;
            }
            Mail mail = Analyzer.mail(r);
            String own = mail.subject();
            subjects.put(e.messageId(), own);
            if (first == null) first = own;
            String parentSubject = e.parent() == null ? null : subjects.get(e.parent());
            String subject = parentSubject != null && sameTopic(parentSubject, own) ? null
                    : own.isEmpty() ? "(no subject)" : own;
            out.add(new ThreadMessage(e.messageId(), Links.anchor(e.messageId()), e.depth(), indent, false, focus,
                    Links.message(r.list(), e.messageId()), from(r), date(r.date()), subject,
                    Links.raw(r.list(), r.messageId()), BodyBlock.of(MessageView.body(mail))));
        }
        String subject = first == null ? "" : first;
        return new ThreadPage(list, c.messageId(), subject.isEmpty() ? "(no subject)" : subject, out, c.truncated());
    }

    /** Messages stored, phantoms left out. */
    public long stored() {
        return messages.stream().filter(m -> !m.missing()).count();
    }

    /** True when two subjects differ only by reply prefixes and case. */
    static boolean sameTopic(String parent, String child) {
        return strip(parent).equals(strip(child));
    }

    private static String strip(String subject) {
        return REPLY_PREFIX.matcher(subject.strip()).replaceFirst("").strip().toLowerCase(Locale.ROOT);
    }

    /** The copy the URL's list received, else the first. */
    private static StoredRecord pick(List<StoredRecord> copies, String list) {
        if (copies.isEmpty()) return null;
        return copies.stream().filter(r -> r.list().equalsIgnoreCase(list)).findFirst().orElse(copies.get(0));
    }

    private static String from(StoredRecord r) {
        return r.from().name().isEmpty() ? r.from().email() : r.from().name();
    }

    private static String date(Instant d) {
        return HitView.date(d);
    }
}
