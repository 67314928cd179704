package org.patchlane.thread;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.patchlane.thread.VersionGroups.Group;

/**
 * Turns a set of related posts into series: threads them, finds each posted version, chains versions into series
 * (b4 change-id; {@code Supersedes:}; a new version posted in reply to an older one; same sender and title with
 * overlapping files), merges resends into their version, completes partial rerolls from the previous version, and
 * attributes every follow-up trailer ({@link TrailerAttribution}). Pure and order-independent.
 */
public final class SeriesFinder {
    /** Two postings of one version label without RESEND further apart than this are different series. */
    static final long SAME_VERSION_WINDOW_MS = 14 * 86_400_000L;

    private SeriesFinder() {
    }

    /** The series among these posts (any order), each with its versions oldest first; sorted by series id. */
    public static List<Series> find(Collection<Post> posts) {
        ThreadTree tree = Threader.thread(posts);
        List<Group> groups = VersionGroups.of(tree);
        Map<String, Group> groupOf = new HashMap<>();
        for (Group g : groups) g.posts.forEach(p -> groupOf.put(p.messageId(), g));
        UnionFind<Group> chains = new UnionFind<>(groups);
        for (Group g : groups) if (g.rerollOf != null) chains.union(g, g.rerollOf);
        supersedes(tree, groupOf, chains);
        repliesToOlder(tree, groups, groupOf, chains);
        sameIdentity(groups, chains);
        List<Series> out = new ArrayList<>();
        for (List<Group> members : chains.sets()) out.add(series(tree, members, groupOf));
        out.sort(Comparator.comparing(Series::id));
        return out;
    }

    /** {@code Supersedes: <id>} in a series post or a reply to one: the named message's series is the same series. */
    private static void supersedes(ThreadTree tree, Map<String, Group> groupOf, UnionFind<Group> chains) {
        for (Post p : tree.posts()) {
            if (p.supersedes().isEmpty()) continue;
            Group from = owner(tree, p, groupOf);
            if (from == null) continue;
            for (String named : p.supersedes()) {
                Group old = groupOf.get(named);
                if (old == null || old == from) continue;
                chains.union(from, old);
                Post replaced = tree.post(named);
                boolean onePatch = from.posts.size() == 1 && from.first().index() != 0;
                if (onePatch && old.total() > 1 && replaced.index() > 0 && from.rerollOf == null) {
                    from.rerollOf = old;
                    from.replacesIndex = replaced.index();
                }
            }
        }
    }

    /** A version whose cover or first patch replies into an older version of the same sender follows it. */
    private static void repliesToOlder(ThreadTree tree, List<Group> groups, Map<String, Group> groupOf,
                                       UnionFind<Group> chains) {
        for (Group g : groups) {
            for (String up : tree.ancestors(g.head().messageId())) {
                Group older = groupOf.get(up);
                if (older == null || older == g) continue;
                if (older.sender().equals(g.sender()) && Labels.compare(older.label(), g.label()) < 0) chains.union(g, older);
                break;
            }
        }
    }

    /** Same change-id; or same sender and title, with files in common (or no diff to compare). */
    private static void sameIdentity(List<Group> groups, UnionFind<Group> chains) {
        Map<String, List<Group>> byTitle = new LinkedHashMap<>();
        Map<String, Group> byChangeId = new HashMap<>();
        for (Group g : groups) {
            String cid = g.changeId();
            if (cid != null) {
                Group first = byChangeId.putIfAbsent(cid, g);
                if (first != null) chains.union(first, g);
            }
            byTitle.computeIfAbsent(g.sender() + "\n" + Posts.normalTitle(g.title()), k -> new ArrayList<>()).add(g);
        }
        for (List<Group> same : byTitle.values()) {
            for (int i = 0; i < same.size(); i++) {
                for (int j = i + 1; j < same.size(); j++) {
                    if (sameSeries(same.get(i), same.get(j))) chains.union(same.get(i), same.get(j));
                }
            }
        }
    }

    private static boolean sameSeries(Group a, Group b) {
        if (a.changeId() != null && b.changeId() != null && !a.changeId().equals(b.changeId())) return false;
        if (a.label().equals(b.label()) && !a.resend() && !b.resend()
                && Math.abs(a.date() - b.date()) > SAME_VERSION_WINDOW_MS) {
            return false;
        }
        TreeSet<String> fa = files(a);
        TreeSet<String> fb = files(b);
        if (fa.isEmpty() || fb.isEmpty()) return true;
        fa.retainAll(fb);
        return !fa.isEmpty();
    }

    private static TreeSet<String> files(Group g) {
        TreeSet<String> out = new TreeSet<>();
        g.posts.forEach(p -> out.addAll(p.files()));
        return out;
    }

    /** The group a post belongs to, or for a reply the group of the nearest series post above it. */
    static Group owner(ThreadTree tree, Post p, Map<String, Group> groupOf) {
        Group own = groupOf.get(p.messageId());
        if (own != null) return own;
        for (String up : tree.ancestors(p.messageId())) {
            Group g = groupOf.get(up);
            if (g != null) return g;
        }
        return null;
    }

    private static Series series(ThreadTree tree, List<Group> groups, Map<String, Group> groupOf) {
        groups.sort(Comparator.<Group, String>comparing(Group::label, Labels::compare).thenComparingLong(Group::date)
                .thenComparing(g -> g.first().messageId()));
        List<List<Group>> byLabel = new ArrayList<>();
        for (Group g : groups) {
            List<Group> last = byLabel.isEmpty() ? null : byLabel.get(byLabel.size() - 1);
            if (last != null && last.get(0).label().equals(g.label())) last.add(g);
            else byLabel.add(new ArrayList<>(List.of(g)));
        }
        List<VersionBuilder> versions = new ArrayList<>();
        for (List<Group> same : byLabel) {
            VersionBuilder previous = versions.isEmpty() ? null : versions.get(versions.size() - 1);
            versions.add(new VersionBuilder(same, previous));
        }
        TrailerAttribution attribution = new TrailerAttribution(tree, versions);
        List<SeriesVersion> built = attribution.versions();
        TreeSet<String> lists = new TreeSet<>();
        built.forEach(v -> lists.addAll(v.lists()));
        SeriesVersion latest = built.get(built.size() - 1);
        String changeId = groups.stream().map(Group::changeId).filter(Objects::nonNull).findFirst().orElse(null);
        List<String> members = new ArrayList<>(attribution.members());
        long last = 0;
        for (String id : members) last = Math.max(last, tree.post(id).date());
        return new Series(idOf(versions.get(0).firstPosting()), latest.title(), latest.sender(), changeId, last,
                new ArrayList<>(lists), members, built);
    }

    /** A short stable id: the start of the SHA-1 of the first version's first Message-ID. */
    static String idOf(String messageId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-1").digest(messageId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }

    /** Version labels in numeric order: "2" &lt; "5" &lt; "5.1" &lt; "10". */
    static final class Labels {
        private Labels() {
        }

        static int compare(String a, String b) {
            int[] x = parse(a);
            int[] y = parse(b);
            return x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]);
        }

        private static int[] parse(String label) {
            int dot = label.indexOf('.');
            try {
                if (dot < 0) return new int[] {Integer.parseInt(label), 0};
                return new int[] {Integer.parseInt(label.substring(0, dot)), Integer.parseInt(label.substring(dot + 1))};
            } catch (NumberFormatException e) {
                return new int[] {Integer.MAX_VALUE, 0};
            }
        }
    }

    /**
     * Disjoint sets by identity (records hash deeply, and equal posts stored twice are still two), listed in
     * first-seen order.
     */
    static final class UnionFind<T> {
        private final Map<T, T> parent = new java.util.IdentityHashMap<>();
        private final List<T> order;

        UnionFind(Collection<T> items) {
            order = List.copyOf(items);
            items.forEach(i -> parent.put(i, i));
        }

        T find(T x) {
            T p = parent.get(x);
            if (p == x) return x;
            T root = find(p);
            parent.put(x, root);
            return root;
        }

        void union(T a, T b) {
            T ra = find(a);
            T rb = find(b);
            if (ra != rb) parent.put(rb, ra);
        }

        List<List<T>> sets() {
            Map<T, List<T>> out = new java.util.IdentityHashMap<>();
            List<List<T>> sets = new ArrayList<>();
            for (T x : order) {
                out.computeIfAbsent(find(x), k -> {
                    List<T> set = new ArrayList<>();
                    sets.add(set);
                    return set;
                }).add(x);
            }
            return sets;
        }
    }
}
