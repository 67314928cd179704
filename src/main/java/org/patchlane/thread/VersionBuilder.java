package org.patchlane.thread;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import org.patchlane.mail.Address;
import org.patchlane.thread.VersionGroups.Group;

/**
 * One version of a series while it is assembled: the groups posted under one label (the original and its RESENDs)
 * merged patch by patch, and for a partial reroll the previous version's patches that were not re-posted.
 */
final class VersionBuilder {
    final String label;
    final int version;
    /** Every cover posted under this label (a RESEND has its own): replies to any of them count. */
    final List<Post> covers = new ArrayList<>();
    final String title;
    final Address sender;
    final long date;
    final boolean rfc;
    final boolean partial;
    final VersionBuilder previous;
    final int total;
    final TreeSet<String> lists = new TreeSet<>();
    final List<String> problems = new ArrayList<>();
    final TreeMap<Integer, Slot> slots = new TreeMap<>();
    private final String firstPosting;

    /** One patch number of this version. */
    static final class Slot {
        final int index;
        final List<Post> postings = new ArrayList<>();
        /** Taken unchanged from the previous version (partial reroll): its trailers come by carrying. */
        final boolean inherited;
        final List<GivenTrailer> trailers = new ArrayList<>();
        String change;
        /** Where a maintainer's notice says it was applied, else null. */
        Applied applied;

        Slot(int index, boolean inherited) {
            this.index = index;
            this.inherited = inherited;
        }

        /** The posting that counts: the latest (a RESEND replaces the original). */
        Post main() {
            return postings.get(postings.size() - 1);
        }
    }

    VersionBuilder(List<Group> groups, VersionBuilder previous) {
        this.previous = previous;
        Group head = groups.get(0);
        this.label = head.label();
        this.version = head.first().version();
        this.firstPosting = head.head().messageId();
        int replaces = -1;
        boolean rerolled = false;
        int total = 1;
        for (Group g : groups) {
            total = Math.max(total, g.total());
            if (g.rerollOf != null) rerolled = true;
            if (g.replacesIndex > 0) replaces = g.replacesIndex;
            for (Post p : g.posts) {
                lists.addAll(p.lists());
                if (p.index() == 0) {
                    covers.add(p);
                    continue;
                }
                int index = g.replacesIndex > 0 ? g.replacesIndex : Math.max(1, p.index());
                slots.computeIfAbsent(index, i -> new Slot(i, false)).postings.add(p);
            }
        }
        boolean partial = previous != null && (rerolled || label.contains(".")) && slots.size() < Math.max(total, previous.total);
        if (partial) {
            total = Math.max(total, previous.total);
            for (Slot old : previous.slots.values()) {
                if (slots.containsKey(old.index) || old.index > total) continue;
                Slot kept = new Slot(old.index, true);
                kept.postings.addAll(old.postings);
                slots.put(old.index, kept);
            }
        }
        this.partial = partial;
        this.total = total;
        Post cover = cover();
        Post first = cover != null ? cover : slots.isEmpty() ? head.first() : slots.firstEntry().getValue().main();
        // A partial reroll re-posts patches only: the series keeps the title its previous version went by.
        this.title = cover == null && partial ? previous.title : first.title();
        this.sender = head.first().from();
        this.date = head.date();
        this.rfc = groups.stream().anyMatch(g -> g.posts.stream().anyMatch(Post::rfc));
        problems(groups, replaces);
    }

    private void problems(List<Group> groups, int replaces) {
        boolean resent = groups.size() > 1 || groups.stream().anyMatch(Group::resend);
        for (int i = 1; i <= total; i++) if (!slots.containsKey(i)) problems.add("missing " + i + "/" + total);
        for (Slot s : slots.values()) {
            if (s.index > total) problems.add("extra " + s.index + "/" + total);
            long ids = s.postings.stream().map(Post::patchId).filter(Objects::nonNull).distinct().count();
            if (!resent && replaces < 0 && ids > 1) problems.add("extra " + s.index + "/" + total + " (posted twice)");
        }
    }

    /** The cover that counts: the latest posted (a RESEND's), or null. */
    Post cover() {
        return covers.isEmpty() ? null : covers.get(covers.size() - 1);
    }

    /** The Message-ID the series id derives from when this is the first version. */
    String firstPosting() {
        return firstPosting;
    }

    /** Message-IDs first posted in this version → patch number (0 for the cover). */
    Map<String, Integer> ownPostings() {
        Map<String, Integer> out = new LinkedHashMap<>();
        covers.forEach(c -> out.put(c.messageId(), 0));
        for (Slot s : slots.values()) {
            if (!s.inherited) s.postings.forEach(p -> out.put(p.messageId(), s.index));
        }
        return out;
    }
}
