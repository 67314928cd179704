package org.patchlane.store;

import java.util.Objects;

import org.patchlane.mail.Address;
import org.patchlane.patch.MessageKind;

/**
 * What a search hit is built from, kept per message in doc values ({@link HitCodec}) so that a results page reads
 * neither the compressed stored fields (the raw mail) nor parses any mail.
 *
 * @param messageId without angle brackets
 * @param subject   decoded subject
 * @param from      the sender
 * @param kind      what the message is
 * @param list      the list it came from, "" when none
 * @param text      the mail's own text, cut to what snippets analyse ({@link #cut})
 */
record HitSource(String messageId, String subject, Address from, MessageKind kind, String list, String text) {
    HitSource {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(text, "text");
    }

    /**
     * The first {@code max} chars of a text, one more when the cut would split a surrogate pair (the highlighter
     * cuts at {@code max} itself, so it sees exactly what it saw in the whole text; a lone surrogate would not
     * survive the UTF-8 of doc values).
     */
    static String cut(String text, int max) {
        if (text.length() <= max) return text;
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max + 1 : max;
        return text.substring(0, end);
    }
}
