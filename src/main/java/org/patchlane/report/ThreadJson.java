package org.patchlane.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.patchlane.thread.Conversation;
import org.patchlane.thread.Post;

/**
 * {@code /api/threads/{msgid}}: the whole thread of a message, nested by reply.
 *
 * @param messageId the message asked for
 * @param root      the thread's root (a message the archive may lack: then its node is {@code missing})
 * @param messages  messages of the thread the archive holds
 * @param truncated the lookup stopped at {@link Conversation#MAX_MESSAGES} messages: the thread may have more
 * @param thread    the root node; each node's {@code replies} are in date order
 */
public record ThreadJson(String messageId, String root, int messages, boolean truncated, Node thread) {

    /**
     * One message of the thread. For a {@code missing} one (replies name it, the archive lacks it) only
     * {@code messageId}, {@code missing} and {@code replies} are set, the rest null / empty.
     *
     * @param depth 0 for the root
     */
    public record Node(String messageId, boolean missing, int depth, String subject, PersonJson from, String date,
                       String kind, List<String> lists, List<Node> replies) {
    }

    public static ThreadJson of(Conversation c) {
        Map<String, List<Node>> replies = new HashMap<>();
        // Children come after their parent in reading order: build bottom-up so each node gets its finished replies.
        List<Conversation.Entry> entries = c.entries();
        Node root = null;
        for (int i = entries.size() - 1; i >= 0; i--) {
            Conversation.Entry e = entries.get(i);
            List<Node> mine = replies.getOrDefault(e.messageId(), new ArrayList<>());
            java.util.Collections.reverse(mine);
            Node n = node(e, List.copyOf(mine));
            if (e.parent() == null) root = n;
            else replies.computeIfAbsent(e.parent(), k -> new ArrayList<>()).add(n);
        }
        return new ThreadJson(c.messageId(), entries.get(0).messageId(), c.stored(), c.truncated(), root);
    }

    private static Node node(Conversation.Entry e, List<Node> replies) {
        Post p = e.post();
        if (p == null) return new Node(e.messageId(), true, e.depth(), null, null, null, null, List.of(), replies);
        return new Node(e.messageId(), false, e.depth(), p.subject(), PersonJson.of(p.from()), SeriesJson.date(p.date()),
                p.kind().jsonName(), p.lists(), replies);
    }
}
