package org.patchlane.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.patchlane.thread.LinkKeys;
import org.patchlane.thread.Post;

/**
 * Posts added since threading's view of the index was last reopened, by link key. Threading must see the batch it
 * threads; reopening the near-real-time reader per batch would flush a small segment each time (and merge them all
 * again later: a third of ingest time). So the view is reopened at commits only, and lookups also ask this.
 */
final class RecentPosts {
    private final Map<String, List<Post>> byKey = new HashMap<>();
    private final Map<Post, Long> generation = new java.util.IdentityHashMap<>();
    private long current;

    synchronized void add(Post p) {
        generation.put(p, current);
        for (String k : LinkKeys.keys(p)) byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(p);
    }

    synchronized List<Post> byKeys(Collection<String> keys) {
        List<Post> out = new ArrayList<>();
        for (String k : keys) {
            List<Post> posts = byKey.get(k);
            if (posts != null) out.addAll(posts);
        }
        return out;
    }

    /** Forgets every post of a removed Message-ID. */
    synchronized void remove(String messageId) {
        byKey.values().forEach(list -> list.removeIf(p -> p.messageId().equals(messageId)));
        byKey.values().removeIf(List::isEmpty);
        generation.keySet().removeIf(p -> p.messageId().equals(messageId));
    }

    /** Starts a new generation; returns the first generation not yet known to be in the index. */
    synchronized long mark() {
        return ++current;
    }

    /** Forgets posts added before generation {@code g}: the reopened view holds them. */
    synchronized void dropBefore(long g) {
        byKey.values().forEach(list -> list.removeIf(p -> generation.get(p) < g));
        byKey.values().removeIf(List::isEmpty);
        generation.values().removeIf(gen -> gen < g);
    }
}
