package org.patchlane.thread;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jamie Zawinski's threading over References / In-Reply-To, with subject fallback only for a reply that carries
 * neither header. Works on a set: the result depends only on which posts are given, never on their order, so mail
 * that arrived out of order threads exactly as mail that arrived in order.
 */
public final class Threader {
    private Threader() {
    }

    /** Orders posts for every pass that must not depend on arrival order. */
    static final Comparator<Post> CANONICAL = Comparator.comparingLong(Post::date).thenComparing(Post::messageId);

    /** Threads a set of posts; duplicates of one Message-ID (cross-posts) become one post with every list. */
    public static ThreadTree thread(Collection<Post> posts) {
        Map<String, Post> byId = new LinkedHashMap<>();
        for (Post p : posts.stream().sorted(CANONICAL).toList()) {
            byId.merge(p.messageId(), p, (a, b) -> a.withLists(b.lists()));
        }
        Map<String, String> parent = new HashMap<>();
        for (Post p : byId.values()) {
            List<String> refs = p.parents();
            // Each reference is the child of the one before it, unless an earlier post already said otherwise.
            for (int i = 1; i < refs.size(); i++) {
                String child = refs.get(i);
                if (!parent.containsKey(child) && !byId.containsKey(child) && !loops(parent, child, refs.get(i - 1))) {
                    parent.put(child, refs.get(i - 1));
                }
            }
        }
        // A post's own headers name its parent, overriding what its children's References guessed.
        for (Post p : byId.values()) {
            List<String> refs = p.parents();
            if (refs.isEmpty()) continue;
            String last = refs.get(refs.size() - 1);
            if (!loops(parent, p.messageId(), last)) parent.put(p.messageId(), last);
            else parent.remove(p.messageId());
        }
        for (Post p : byId.values()) {
            if (!p.parents().isEmpty() || !p.reply()) continue;
            String root = subjectParent(p, byId.values());
            if (root != null && !loops(parent, p.messageId(), root)) parent.put(p.messageId(), root);
        }
        return new ThreadTree(byId, parent);
    }

    /**
     * The post a header-less reply answers: the latest post before it with the same title and no reply prefix, else
     * the earliest one after it.
     */
    private static String subjectParent(Post reply, Collection<Post> posts) {
        String title = Posts.normalTitle(reply.title());
        if (title.isEmpty()) return null;
        List<Post> same = new ArrayList<>();
        for (Post p : posts) {
            if (!p.reply() && Posts.normalTitle(p.title()).equals(title)) same.add(p);
        }
        Post best = null;
        for (Post p : same) {
            if (CANONICAL.compare(p, reply) < 0) best = p;
        }
        if (best == null && !same.isEmpty()) best = same.get(0);
        return best == null ? null : best.messageId();
    }

    /** True when making {@code newParent} the parent of {@code child} would close a loop. */
    private static boolean loops(Map<String, String> parent, String child, String newParent) {
        String at = newParent;
        for (int hops = 0; at != null && hops <= parent.size(); hops++) {
            if (at.equals(child)) return true;
            at = parent.get(at);
        }
        return false;
    }
}
