package org.patchlane.pull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.patchlane.git.Tag;

/**
 * Where a date falls in the kernel's release cycle, from a repository's tags ({@code v6.19}, {@code v6.20-rc1}
 * ... {@code v6.20-rc7}, {@code v6.20}): a pull request for the next merge window is due before the cycle's cut-off
 * rc (rc6 by default) is tagged. Between a release and its successor's rc1 is the merge window itself, too late for
 * anything but fixes.
 */
public final class ReleaseCycle {
    private static final Pattern RELEASE = Pattern.compile("v(\\d+)\\.(\\d+)(?:-rc(\\d+))?");

    /** A release or rc tag with its numbers. */
    record Release(Tag tag, int major, int minor, int rc) {
        boolean final_() {
            return rc == 0;
        }
    }

    /**
     * A verdict on a posting date.
     *
     * @param onTime   posted before the cut-off of its cycle
     * @param evidence one line: the cycle, the cut-off tag and its date
     */
    public record Timing(boolean onTime, String evidence) {
    }

    private final List<Release> releases;
    private final int cutoff;

    public ReleaseCycle(List<Tag> tags, int cutoff) {
        List<Release> r = new ArrayList<>();
        for (Tag t : tags) {
            Matcher m = RELEASE.matcher(t.name());
            if (m.matches()) r.add(new Release(t, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
        }
        r.sort(java.util.Comparator.comparing((Release x) -> x.tag().date()));
        this.releases = r;
        this.cutoff = cutoff;
    }

    /** Whether a request posted at {@code at} made its cycle's cut-off; empty when the tags say nothing (no release tag before it). */
    public Optional<Timing> timing(Instant at) {
        Release latest = null;
        for (Release r : releases) if (!r.tag().date().isAfter(at)) latest = r;
        if (latest == null) return Optional.empty();
        if (latest.final_())
            return Optional.of(new Timing(false, "posted " + day(at) + " in the merge window after " + latest.tag().name()
                    + " (" + day(latest.tag().date()) + "): too late for it"));
        String cut = "v" + latest.major() + "." + latest.minor() + "-rc" + cutoff;
        if (latest.rc() >= cutoff) {
            Release c = find(latest.major(), latest.minor(), cutoff).orElse(latest);
            return Optional.of(new Timing(false, "posted " + day(at) + ", after " + c.tag().name() + " ("
                    + day(c.tag().date()) + "), the cut-off for the next merge window"));
        }
        return Optional.of(new Timing(true, "posted " + day(at) + " during " + latest.tag().name() + ", before " + cut));
    }

    private Optional<Release> find(int major, int minor, int rc) {
        return releases.stream().filter(r -> r.major() == major && r.minor() == minor && r.rc() == rc).findFirst();
    }

    private static String day(Instant at) {
        return at.toString().substring(0, 10);
    }
}
