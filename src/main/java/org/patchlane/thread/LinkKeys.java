package org.patchlane.thread;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Set;

import org.patchlane.mail.Address;

/**
 * The keys that tie a message to the others it may share a series with: its Message-ID and its parents' (threads),
 * the Message-IDs it supersedes, its b4 change-id, its sender + title when it starts a series (versions), and for
 * mail without threading headers, its subject or its sender + version + day. A message is stored under its
 * {@link #keys}; to find its relatives, look up its {@link #probes}. The relation is symmetric — if A probes a key of
 * B, B probes a key of A — so a recomputation reached from either side finds the same group, whatever the order the
 * mail arrived in.
 */
public final class LinkKeys {
    private LinkKeys() {
    }

    /** The terms a post is stored under. */
    public static Set<String> keys(Post p) {
        Set<String> out = common(p);
        String subject = Posts.normalTitle(p.title());
        if (p.parents().isEmpty() && !subject.isEmpty()) out.add((p.reply() ? "re:" : "s:") + subject);
        if (unthreadedNumbered(p)) out.add(unthreaded(p, day(p)));
        return out;
    }

    /** The terms to look up to find a post's relatives. */
    public static Set<String> probes(Post p) {
        Set<String> out = common(p);
        String subject = Posts.normalTitle(p.title());
        if (p.parents().isEmpty() && !subject.isEmpty()) out.add((p.reply() ? "s:" : "re:") + subject);
        if (unthreadedNumbered(p)) {
            long day = day(p);
            for (long d = day - 1; d <= day + 1; d++) out.add(unthreaded(p, d));
        }
        return out;
    }

    /** Who sent it, as versions of one series compare senders: the address, or the name when masked or absent. */
    public static String sender(Address a) {
        return !a.email().isEmpty() && !a.masked() ? a.email() : "n:" + a.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Set<String> common(Post p) {
        Set<String> out = new LinkedHashSet<>();
        out.add("id:" + p.messageId());
        for (String parent : p.parents()) out.add("id:" + parent);
        for (String old : p.supersedes()) out.add("id:" + old);
        if (p.changeId() != null) out.add("c:" + p.changeId());
        if (startsSeries(p)) out.add("t:" + sender(p.from()) + ":" + Posts.normalTitle(p.title()));
        return out;
    }

    /** A cover, a first patch, or a single patch: the posts whose title is the series' title. */
    static boolean startsSeries(Post p) {
        return p.seriesPart() && p.index() <= 1;
    }

    private static boolean unthreadedNumbered(Post p) {
        return p.parents().isEmpty() && p.seriesPart() && p.total() > 1;
    }

    private static String unthreaded(Post p, long day) {
        return "u:" + sender(p.from()) + ":" + p.versionLabel() + ":" + p.total() + ":" + day;
    }

    private static long day(Post p) {
        return Instant.ofEpochMilli(p.date()).atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toEpochSecond() / 86_400;
    }
}
