package org.patchlane.review;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What merged detection found in a repository's upstream for one version of a series: for each patch, the upstream
 * commits that carry it and the first release tag containing them. Derived from the repository, never from mail or
 * a person, so it is recomputed by each run and counts only while its version is the latest.
 *
 * @param seriesId   the series
 * @param version    the version label it was found for (the then latest)
 * @param state      {@link ReviewState#MERGED} (every patch found) or {@link ReviewState#PARTLY_MERGED} (some)
 * @param repository the {@code [repo]} it was found in
 * @param checked    when the run found it
 * @param patches    every patch of that version, by index, found or not
 */
public record Upstream(String seriesId, String version, ReviewState state, String repository, Instant checked,
                       List<Patch> patches) {
    public Upstream {
        if (state != ReviewState.MERGED && state != ReviewState.PARTLY_MERGED)
            throw new IllegalArgumentException("an upstream finding is merged or partly-merged, not " + state);
        patches = List.copyOf(patches);
    }

    /** How a patch was recognised in a commit. */
    public enum Match {
        /** The commit's diff has the posted patch's git patch-id. */
        PATCH_ID,
        /** Same author and subject: applied with changes (a maintainer fixed it up). */
        AUTHOR_SUBJECT,
        /** Not upstream (yet). */
        NONE;

        /** The name in JSON and in the results file: {@code author-subject}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Match> of(String jsonName) {
            for (Match m : values()) if (m.jsonName().equals(jsonName)) return Optional.of(m);
            return Optional.empty();
        }
    }

    /**
     * One patch.
     *
     * @param index   k of k/N
     * @param title   its title as posted
     * @param match   how it was found
     * @param commits the upstream commits carrying it, oldest first (empty when not found)
     * @param release the oldest {@code vX.Y} or {@code vX.Y-rcN} tag containing the first of them, or null when none
     *                does yet
     */
    public record Patch(int index, String title, Match match, List<String> commits, String release) {
        public Patch {
            commits = List.copyOf(commits);
        }

        public boolean found() {
            return match != Match.NONE;
        }
    }

    /**
     * The release the whole finding first shipped in: the latest of its patches' first release tags ({@code v6.20-rc1}
     * before {@code v6.20-rc3} before {@code v6.20}); null when a found patch is in no release yet.
     */
    public String release() {
        String latest = null;
        for (Patch p : patches) {
            if (!p.found()) continue;
            if (p.release() == null) return null;
            if (latest == null || rank(p.release()) > rank(latest)) latest = p.release();
        }
        return latest;
    }

    private static final java.util.regex.Pattern RELEASE = java.util.regex.Pattern.compile("v(\\d+)\\.(\\d+)(?:-rc(\\d+))?");

    /** A release tag's place: major, minor, then its rc (a final release after every rc of it). */
    private static long rank(String tag) {
        java.util.regex.Matcher m = RELEASE.matcher(tag);
        if (!m.matches()) return -1;
        long rc = m.group(3) == null ? 999 : Long.parseLong(m.group(3));
        return Long.parseLong(m.group(1)) * 1_000_000_000L + Long.parseLong(m.group(2)) * 1_000L + rc;
    }
}
