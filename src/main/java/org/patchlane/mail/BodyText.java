package org.patchlane.mail;

import java.util.List;

/**
 * The decoded text of a message.
 *
 * @param text        all text parts decoded, in order, as the author sent them (quotes included)
 * @param own         the author's own lines: {@code text} without lines starting with {@code >}
 * @param quoted      the quoted lines ({@code >} prefix kept), joined by newlines
 * @param attachments text attachments that hold diffs (text/x-patch, text/x-diff, *.patch, *.diff), decoded
 */
public record BodyText(String text, String own, String quoted, List<String> attachments) {
    public BodyText {
        attachments = List.copyOf(attachments);
    }

    public static final BodyText EMPTY = new BodyText("", "", "", List.of());

    /** The body of {@code text}: own and quoted lines split by {@link Quotes}. */
    public static BodyText of(String text, List<String> attachments) {
        return Quotes.split(text, attachments);
    }
}
