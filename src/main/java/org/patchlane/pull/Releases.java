package org.patchlane.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.patchlane.git.Tag;

/**
 * A repository's release tags, {@code vX.Y} and {@code vX.Y-rcN}, oldest first by date: which release a commit
 * first shipped in, and which release comes after it (seeds 002/004's "release +1").
 */
public final class Releases {
    private static final Pattern RELEASE = Pattern.compile("v(\\d+)\\.(\\d+)(?:-rc(\\d+))?");
    private final List<Tag> tags;

    public Releases(List<Tag> all) {
        List<Tag> r = new ArrayList<>();
        for (Tag t : all) if (RELEASE.matcher(t.name()).matches()) r.add(t);
        r.sort(java.util.Comparator.comparing(Tag::date).thenComparing(Tag::name));
        this.tags = List.copyOf(r);
    }

    /** The release tags, oldest first. */
    public List<Tag> tags() {
        return tags;
    }

    /** The position of a tag name in release order, -1 when it is none. */
    public int order(String name) {
        for (int i = 0; i < tags.size(); i++) if (tags.get(i).name().equals(name)) return i;
        return -1;
    }

    /** The version line of a tag: {@code v6.19} for {@code v6.19-rc2} and for {@code v6.19}. */
    public static String line(String tag) {
        Matcher m = RELEASE.matcher(tag);
        if (!m.matches()) throw new IllegalArgumentException("not a release tag: " + tag);
        return "v" + m.group(1) + "." + m.group(2);
    }

    /**
     * The release after the one {@code tag} belongs to (after {@code v6.19} for {@code v6.19-rc2} or
     * {@code v6.19}): its final tag when it is tagged, else empty.
     */
    public Optional<Tag> next(String tag) {
        int[] v = numbers(line(tag));
        Tag best = null;
        for (Tag t : tags) {
            if (!t.name().equals(line(t.name()))) continue;
            int[] n = numbers(t.name());
            if (compare(n, v) > 0 && (best == null || compare(n, numbers(best.name())) < 0)) best = t;
        }
        return Optional.ofNullable(best);
    }

    /**
     * The name the next release will have: the version line of the first later tag (an rc of it may be out), else
     * the minor number plus one.
     */
    public String nextName(String tag) {
        int[] v = numbers(line(tag));
        int[] best = null;
        for (Tag t : tags) {
            int[] n = numbers(line(t.name()));
            if (compare(n, v) > 0 && (best == null || compare(n, best) < 0)) best = n;
        }
        return best == null ? "v" + v[0] + "." + (v[1] + 1) : "v" + best[0] + "." + best[1];
    }

    private static int[] numbers(String line) {
        Matcher m = RELEASE.matcher(line);
        if (!m.matches()) throw new IllegalArgumentException("not a release tag: " + line);
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    private static int compare(int[] a, int[] b) {
        return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
    }
}
