package org.patchlane.web;

import java.util.List;

/**
 * The message page: every stored version of one Message-ID (more than one only for {@code duplicate_id}).
 *
 * @param messageId without angle brackets
 * @param versions  in arrival order, never empty
 */
public record MessagePage(String messageId, List<MessageView> versions) {
    public MessagePage {
        versions = List.copyOf(versions);
    }

    public String title() {
        String s = versions.get(0).subject();
        return s.isEmpty() ? messageId : s;
    }
}
