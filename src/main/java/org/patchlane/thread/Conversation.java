package org.patchlane.thread;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole thread one message belongs to, nested by reply: what the thread page and {@code /api/threads/{msgid}}
 * show. Found through the store's {@code id:} link keys only (a message is stored under its own Message-ID and its
 * parents'), so the lookup follows References / In-Reply-To both ways until nothing new turns up, then threads what
 * it found with {@link Threader} and keeps the tree holding the message.
 *
 * @param messageId the message asked for
 * @param entries   the thread in reading order (depth first, replies by date), the root first
 * @param truncated the lookup stopped at {@link #MAX_MESSAGES} messages with replies still to follow: the thread may
 *                  have more than these
 */
public record Conversation(String messageId, List<Entry> entries, boolean truncated) {
    /** Most messages a thread page reads: a larger "thread" is a References header everyone copies. */
    public static final int MAX_MESSAGES = 2_000;

    public Conversation {
        entries = List.copyOf(entries);
    }

    /**
     * One place in the thread.
     *
     * @param messageId without brackets
     * @param post      the stored message, or null for a phantom (a message some reply names but the archive lacks)
     * @param parent    the parent's Message-ID, null for the root
     * @param depth     0 for the root
     */
    public record Entry(String messageId, Post post, String parent, int depth) {
        public boolean missing() {
            return post == null;
        }
    }

    /**
     * What a walk from one message along References / In-Reply-To found: every stored post threaded to it (each
     * copy of a cross-post), their Message-IDs, and whether it stopped at its limit with more to follow. The one
     * walk of a thread: the thread page nests what it finds, {@code t.mbox.gz} and {@code t.atom} read its
     * messages.
     *
     * @param posts     the posts found, each stored copy once, in the order found
     * @param ids       their Message-IDs
     * @param truncated the walk stopped at its limit with IDs still to look up
     */
    public record Walk(List<Post> posts, Set<String> ids, boolean truncated) {
        public Walk {
            posts = List.copyOf(posts);
            ids = Set.copyOf(ids);
        }

        /** True when the message the walk started from is stored. */
        public boolean found(String messageId) {
            return ids.contains(messageId);
        }
    }

    /**
     * Walks the thread of {@code messageId} through the store's {@code id:} keys (a post is stored under its own
     * Message-ID and its parents'): each round looks up the IDs found so far and keeps the posts really threaded to
     * them (the post itself, or a reply to it), not those that only name one in {@code Supersedes:}. A parent the
     * archive never received (a phantom) still links its other children. Stops after {@code limit} messages.
     */
    public static Walk walk(String messageId, PostLookup store, int limit) throws IOException {
        List<Post> found = new ArrayList<>();
        Set<Post> seen = new HashSet<>();
        Set<String> ids = new HashSet<>();
        Set<String> probed = new HashSet<>();
        Set<String> frontier = new HashSet<>(Set.of(messageId));
        while (!frontier.isEmpty() && ids.size() < limit) {
            List<String> keys = new ArrayList<>();
            for (String id : frontier) if (probed.add(id)) keys.add("id:" + id);
            Set<String> next = new HashSet<>();
            for (Post p : store.byKeys(keys)) {
                boolean threaded = frontier.contains(p.messageId()) || p.parents().stream().anyMatch(frontier::contains);
                if (!threaded || !seen.add(p)) continue;
                found.add(p);
                if (ids.add(p.messageId()) && !probed.contains(p.messageId())) next.add(p.messageId());
                for (String parent : p.parents()) if (!probed.contains(parent)) next.add(parent);
            }
            frontier = next;
        }
        return new Walk(found, ids, !frontier.isEmpty());
    }

    /** The thread of {@code messageId}, or null when the store holds no such message. */
    public static Conversation of(String messageId, PostLookup store) throws IOException {
        // Every stored copy is kept (a cross-post is one copy per list): Threader merges them into one post.
        Walk walk = walk(messageId, store, MAX_MESSAGES);
        if (!walk.found(messageId)) return null;
        List<Post> found = walk.posts();
        boolean truncated = walk.truncated();
        ThreadTree tree = Threader.thread(found);
        String root = top(tree, messageId);
        Map<String, List<String>> children = new HashMap<>();
        for (Post p : tree.posts()) {
            if (!top(tree, p.messageId()).equals(root)) continue;
            // Phantoms between a post and the root are places in the thread too.
            String child = p.messageId();
            for (String up = tree.parent(child); up != null; child = up, up = tree.parent(up)) {
                List<String> siblings = children.computeIfAbsent(up, k -> new ArrayList<>());
                if (siblings.contains(child)) break;
                siblings.add(child);
            }
        }
        Map<String, Long> dates = new HashMap<>();
        Comparator<String> byDate = Comparator.comparingLong((String id) -> dateOf(tree, id, children, dates))
                .thenComparing(id -> id);
        List<Entry> out = new ArrayList<>();
        walk(tree, root, null, 0, children, byDate, out);
        return new Conversation(messageId, out, truncated);
    }

    /** The messages stored (phantoms left out). */
    public int stored() {
        return (int) entries.stream().filter(e -> !e.missing()).count();
    }

    private static void walk(ThreadTree tree, String id, String parent, int depth, Map<String, List<String>> children,
                             Comparator<String> order, List<Entry> out) {
        out.add(new Entry(id, tree.post(id), parent, depth));
        List<String> kids = new ArrayList<>(children.getOrDefault(id, List.of()));
        kids.sort(order);
        for (String k : kids) walk(tree, k, id, depth + 1, children, order, out);
    }

    /** The root above a message (itself when it has no parent). */
    private static String top(ThreadTree tree, String id) {
        List<String> up = tree.ancestors(id);
        return up.isEmpty() ? id : up.get(up.size() - 1);
    }

    /** A phantom has no date of its own: it sorts by its earliest reply's (memoised; the tree has no loops). */
    private static long dateOf(ThreadTree tree, String id, Map<String, List<String>> children, Map<String, Long> dates) {
        Post p = tree.post(id);
        if (p != null) return p.date();
        Long known = dates.get(id);
        if (known != null) return known;
        long min = Long.MAX_VALUE;
        for (String c : children.getOrDefault(id, List.of())) min = Math.min(min, dateOf(tree, c, children, dates));
        dates.put(id, min);
        return min;
    }
}
