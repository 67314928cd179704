package org.patchlane.thread;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the version groups of a thread set: the cover and patches one sender posted as one version. A patch belongs
 * with the series post it replies to when that has the same sender, version and count (cover → patches, or patches
 * chained under patch 1); with its siblings when it replies to a missing or foreign message; with other unthreaded
 * patches of that sender, version and count posted close together; and a patch re-posted in reply to another
 * version's patch ({@code [PATCH v2 3/7]} under v1's 3/7) forms a reroll of that version.
 */
final class VersionGroups {
    /** Unthreaded patches of one series are sent within minutes; a gap this long starts another series. */
    static final long UNTHREADED_GAP_MS = 2 * 3600_000L;

    private final ThreadTree tree;
    private final Map<String, String> anchors = new HashMap<>();
    /** Reroll group key → the Message-ID of the patch it re-posts. */
    private final Map<String, String> rerolls = new HashMap<>();

    private VersionGroups(ThreadTree tree) {
        this.tree = tree;
    }

    /** The groups, each with its posts in canonical order; groups ordered by their first post. */
    static List<Group> of(ThreadTree tree) {
        return new VersionGroups(tree).build();
    }

    /** One version as posted: cover and patches (before resends and rerolls are merged). */
    static final class Group {
        final String key;
        final List<Post> posts = new ArrayList<>();
        /** The group this one re-posts some patches of, or null. */
        Group rerollOf;
        /** For a single patch replacing one patch of a larger series (Supersedes): that patch's index. */
        int replacesIndex = -1;

        Group(String key) {
            this.key = key;
        }

        Post first() {
            return posts.get(0);
        }

        /** The cover, else the lowest-numbered patch: where the version starts. */
        Post head() {
            return posts.stream().min(Comparator.comparingInt(Post::index).thenComparing(Threader.CANONICAL)).orElseThrow();
        }

        String sender() {
            return LinkKeys.sender(first().from());
        }

        String label() {
            return first().versionLabel();
        }

        int total() {
            return Math.max(1, first().total());
        }

        boolean resend() {
            return posts.stream().anyMatch(Post::resend);
        }

        String title() {
            return head().title();
        }

        String changeId() {
            return posts.stream().map(Post::changeId).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }

        long date() {
            return first().date();
        }
    }

    private List<Group> build() {
        Map<String, Group> byKey = new LinkedHashMap<>();
        for (Post p : tree.posts()) {
            if (!p.seriesPart()) continue;
            String key = anchor(p);
            byKey.computeIfAbsent(key, Group::new).posts.add(p);
        }
        List<Group> out = new ArrayList<>();
        for (Group g : byKey.values()) {
            if (g.key.startsWith("u:")) out.addAll(splitUnthreaded(g));
            else out.add(g);
        }
        Map<String, Group> byPost = new HashMap<>();
        for (Group g : out) g.posts.forEach(p -> byPost.put(p.messageId(), g));
        for (Group g : out) {
            String rerolled = rerolls.get(g.key);
            if (rerolled != null) g.rerollOf = byPost.get(rerolled);
        }
        return out;
    }

    /** The key of the group a series post belongs to. */
    private String anchor(Post p) {
        String known = anchors.get(p.messageId());
        if (known != null) return known;
        String key = computeAnchor(p);
        anchors.put(p.messageId(), key);
        return key;
    }

    private String computeAnchor(Post p) {
        if (p.kind() == org.patchlane.patch.MessageKind.COVER || p.pullCover()) return "a:" + p.messageId();
        String parentId = tree.parent(p.messageId());
        String own = LinkKeys.sender(p.from()) + ":" + p.versionLabel() + ":" + p.total();
        if (parentId == null) return p.total() > 1 ? "u:" + own : "a:" + p.messageId();
        Post parent = tree.post(parentId);
        if (parent != null && parent.seriesPart() && LinkKeys.sender(parent.from()).equals(LinkKeys.sender(p.from()))) {
            if (parent.versionLabel().equals(p.versionLabel()) && parent.total() == p.total()) return anchor(parent);
            if (parent.kind() == org.patchlane.patch.MessageKind.PATCH && !parent.versionLabel().equals(p.versionLabel())) {
                String key = "r:" + anchor(parent) + ":" + p.versionLabel();
                rerolls.putIfAbsent(key, parent.messageId());
                return key;
            }
        }
        Post above = parent != null && !parent.seriesPart() ? nearestSeriesPost(parentId) : null;
        if (above != null && above.kind() == org.patchlane.patch.MessageKind.PATCH && above.index() == p.index()
                && above.total() == p.total() && !above.versionLabel().equals(p.versionLabel())
                && LinkKeys.sender(above.from()).equals(LinkKeys.sender(p.from()))) {
            // A new version of one patch posted in reply to the review of that patch (b4's partial reroll).
            String key = "r:" + anchor(above) + ":" + p.versionLabel();
            rerolls.putIfAbsent(key, above.messageId());
            return key;
        }
        if (p.total() <= 1) return "a:" + p.messageId();
        return "sib:" + parentId + ":" + own;
    }

    /** The nearest cover or patch above a message, or null. */
    private Post nearestSeriesPost(String id) {
        for (String up : tree.ancestors(id)) {
            Post above = tree.post(up);
            if (above != null && above.seriesPart()) return above;
        }
        return null;
    }

    /** Unthreaded patches of one sender, version and count: one group per burst, a repeated number starts anew. */
    private static List<Group> splitUnthreaded(Group all) {
        List<Group> out = new ArrayList<>();
        Group current = null;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        long last = Long.MIN_VALUE;
        for (Post p : all.posts) {
            if (current == null || p.date() - last > UNTHREADED_GAP_MS || !seen.add(p.index())) {
                current = new Group(all.key + ":" + p.messageId());
                out.add(current);
                seen.clear();
                seen.add(p.index());
            }
            current.posts.add(p);
            last = p.date();
        }
        return out;
    }
}
