package org.patchlane.git;

/**
 * One file of a tree diff, as {@code git diff --stat} counts it.
 *
 * @param path    the path after (before, for a deletion)
 * @param oldPath the path before a rename or copy, else the same as {@code path}
 * @param kind    add, modify, delete, rename, copy
 * @param added   lines added (0 for a binary file)
 * @param removed lines removed
 */
public record FileChange(String path, String oldPath, Kind kind, int added, int removed) {
    public enum Kind { ADD, MODIFY, DELETE, RENAME, COPY }
}
