package org.patchlane.thread;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Incremental threading: from the posts just stored, follows {@link LinkKeys} through the store until nothing new
 * turns up, and splits what it found into independent groups. Each group is everything that can share a thread or a
 * series with its members, so recomputing the groups touched by new mail gives the same series as recomputing the
 * whole archive, without reading the whole archive.
 */
public final class Relatives {
    /** A group this large is a mailing-list pathology (a References header everyone copies); stop growing it. */
    public static final int MAX_GROUP = 20_000;
    /**
     * Seeds one search starts from. What a search gathers is bounded ({@code MAX_GROUP} times four) as a guard
     * against one pathological group; searched for together, the 10,000 seeds of a bulk load's threading run on a busy
     * list reached it (80,000 posts at 300,000 messages of the generated archive), and the groups not finished came
     * out partial: covers without their patches, about 0.3% of the series.
     */
    public static final int SEEDS_PER_SEARCH = 500;

    private Relatives() {
    }

    /**
     * The groups of related posts that contain the seeds, each a list of stored posts.
     *
     * @throws IllegalArgumentException for more than {@link #SEEDS_PER_SEARCH} seeds
     */
    public static List<List<Post>> groups(Collection<Post> seeds, PostLookup store) throws IOException {
        if (seeds.size() > SEEDS_PER_SEARCH) {
            throw new IllegalArgumentException(seeds.size() + " seeds; search at most " + SEEDS_PER_SEARCH
                    + " at a time");
        }
        // Seeds only say where to look: a seed the store no longer holds (a deleted message) is left out.
        Map<String, Post> found = new LinkedHashMap<>();
        Set<String> probed = new HashSet<>();
        List<Post> frontier = new ArrayList<>(seeds);
        while (!frontier.isEmpty() && found.size() < MAX_GROUP * 4) {
            Set<String> next = new HashSet<>();
            for (Post p : frontier) {
                for (String k : LinkKeys.probes(p)) if (probed.add(k)) next.add(k);
            }
            frontier = new ArrayList<>();
            if (next.isEmpty()) break;
            for (Post p : store.byKeys(next)) {
                if (found.putIfAbsent(identity(p), p) == null) frontier.add(p);
            }
        }
        return split(found.values());
    }

    /** Connected groups: posts are related when one probes a key the other is stored under. */
    static List<List<Post>> split(Collection<Post> posts) {
        Map<String, List<Post>> holders = new HashMap<>();
        List<Post> all = new ArrayList<>(posts);
        for (Post p : all) for (String k : LinkKeys.keys(p)) holders.computeIfAbsent(k, x -> new ArrayList<>()).add(p);
        SeriesFinder.UnionFind<Post> sets = new SeriesFinder.UnionFind<>(all);
        for (Post p : all) {
            for (String k : LinkKeys.probes(p)) {
                List<Post> hs = holders.get(k);
                if (hs != null) for (Post h : hs) sets.union(p, h);
            }
        }
        return sets.sets();
    }

    /** A post as stored: one Message-ID may be stored twice (cross-posted with other bytes). */
    private static String identity(Post p) {
        return p.messageId() + "\n" + String.join(",", p.lists()) + "\n" + p.subject().hashCode() + "\n" + p.date();
    }
}
