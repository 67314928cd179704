package org.patchlane.git;

import java.util.List;

/**
 * A trial merge of two commits.
 *
 * @param clean     no conflict
 * @param conflicts the paths that conflict, in path order; empty when clean
 * @param commit    the merge commit made in memory when clean (a commit object, on no branch), else null
 */
public record MergeOutcome(boolean clean, List<String> conflicts, String commit) {
    public MergeOutcome {
        conflicts = List.copyOf(conflicts);
    }
}
