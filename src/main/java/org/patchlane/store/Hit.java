package org.patchlane.store;

import java.time.Instant;
import java.util.List;

import org.patchlane.mail.Address;
import org.patchlane.patch.MessageKind;

/**
 * One search result.
 *
 * @param messageId  without angle brackets
 * @param subject    decoded subject
 * @param from       the sender
 * @param date       the message date, or null when unknown
 * @param kind       what the message is
 * @param list       the list it came from, "" when none
 * @param snippet    plain text around the matches ("" when no text function was given)
 * @param highlights the matched spans of {@code snippet}, in order, not overlapping
 */
public record Hit(String messageId, String subject, Address from, Instant date, MessageKind kind, String list,
                  String snippet, List<Highlight> highlights) {
    public Hit {
        highlights = List.copyOf(highlights);
    }

    /** A matched span of a snippet: {@code snippet.substring(start, end)}. */
    public record Highlight(int start, int end) {
        public Highlight {
            if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
