package org.patchlane.thread;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Threaded posts: each Message-ID's parent, which may be a message the archive never received (a phantom, as in
 * JWZ's algorithm).
 */
public final class ThreadTree {
    private final Map<String, Post> posts;
    private final Map<String, String> parent;
    private final List<Post> order;

    ThreadTree(Map<String, Post> posts, Map<String, String> parent) {
        this.posts = Map.copyOf(posts);
        this.parent = Map.copyOf(parent);
        this.order = List.copyOf(posts.values());
    }

    /** Every post, in canonical order (date, then Message-ID). */
    public Collection<Post> posts() {
        return order;
    }

    /** The post with this Message-ID, or null when absent (or a phantom). */
    public Post post(String messageId) {
        return posts.get(messageId);
    }

    /** The parent's Message-ID (maybe a phantom), or null for a root. */
    public String parent(String messageId) {
        return parent.get(messageId);
    }

    /**
     * The nearest Message-ID above this one (phantoms included) that {@code stop} accepts, or null: a walk that ends
     * there, where {@link #ancestors} lists every one up to the root.
     */
    public String nearestAncestor(String messageId, Predicate<String> stop) {
        int steps = 0;
        for (String at = parent.get(messageId); at != null && steps++ <= parent.size(); at = parent.get(at)) {
            if (stop.test(at)) return at;
        }
        return null;
    }

    /** The Message-IDs above this one, nearest first, phantoms included. */
    public List<String> ancestors(String messageId) {
        List<String> out = new ArrayList<>();
        for (String at = parent.get(messageId); at != null && out.size() <= parent.size(); at = parent.get(at)) out.add(at);
        return out;
    }
}
