package org.patchlane.git;

import java.util.List;

/**
 * The files a commit changes against its first parent, from the trees alone (no content is read): what a tree diff
 * without rename detection lists. A renamed file shows as its new path in {@code changed} and its old one in
 * {@code deleted}, which is how merged detection can tell, before diffing, that a commit cannot have a posted
 * patch's patch-id: a patch's files (each by its new path, or its old one when deleted) then lie between
 * {@code changed} and {@code changed ∪ deleted}.
 *
 * @param changed paths that exist after the commit and were added or modified, in tree order
 * @param deleted paths the commit removed, in tree order
 */
public record ChangedPaths(List<String> changed, List<String> deleted) {
    public ChangedPaths {
        changed = List.copyOf(changed);
        deleted = List.copyOf(deleted);
    }

    /** True when the commit changes no file (an empty commit): it has no diff and no patch-id. */
    public boolean isEmpty() {
        return changed.isEmpty() && deleted.isEmpty();
    }
}
