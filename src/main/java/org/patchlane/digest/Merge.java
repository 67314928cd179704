package org.patchlane.digest;

import java.time.Instant;

/**
 * A series or pull request merged or applied in the period, as mail or the repositories say.
 *
 * @param series  what was merged
 * @param kind    applied to a maintainer's tree, or merged upstream
 * @param at      when the notice (or the commit) says
 * @param tree    the tree or branch named, "" when unknown
 * @param commits commit ids named, first first
 * @param release the first release tag containing it, "" when unknown
 * @param messageId the notice mail ("Applied, thanks!", pr-tracker-bot), "" when the repository told
 */
public record Merge(SeriesRef series, Kind kind, Instant at, String tree, java.util.List<String> commits,
                    String release, String messageId) {
    public Merge {
        commits = java.util.List.copyOf(commits);
    }

    public enum Kind { APPLIED, MERGED }
}
