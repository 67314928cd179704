package org.patchlane.web;

import java.util.List;

import org.patchlane.report.MessageCopies;
import org.patchlane.store.StoredRecord;

/**
 * The message page of one list (or {@code all}): the stored copies of one Message-ID filed under it (several only
 * for a {@code duplicate_id}), and links to the copies other lists received.
 *
 * @param messageId without angle brackets
 * @param list      the list of the URL, {@code all} for every copy
 * @param versions  the copies shown, ordered by list name, never empty
 * @param elsewhere the other lists holding a copy, each with its page; empty on {@code all}
 */
public record MessagePage(String messageId, String list, List<MessageView> versions, List<OtherList> elsewhere) {
    public MessagePage {
        versions = List.copyOf(versions);
        elsewhere = List.copyOf(elsewhere);
    }

    /** A list that has a copy too, and the page of that copy. */
    public record OtherList(String list, String href) {
    }

    /** The page of {@code shown}, the copies of {@code list} (or every copy, for {@code all}). */
    public static MessagePage of(MessageCopies copies, List<StoredRecord> shown, String list) {
        List<OtherList> other = list.equals("all") ? List.of() : copies.lists().stream()
                .filter(l -> !l.equalsIgnoreCase(list))
                .map(l -> new OtherList(Links.listOrAll(l), Links.message(l, copies.messageId()))).toList();
        return new MessagePage(copies.messageId(), list, shown.stream().map(MessageView::of).toList(), other);
    }

    public String title() {
        String s = versions.get(0).subject();
        return s.isEmpty() ? messageId : s;
    }

    /** True when the copies shown were received on more than one list (possible on {@code all} only). */
    public boolean crossPosted() {
        return versions.stream().map(MessageView::list).distinct().count() > 1;
    }
}
