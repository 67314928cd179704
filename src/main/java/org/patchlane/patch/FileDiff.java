package org.patchlane.patch;

/**
 * One file of a diff.
 *
 * @param oldPath path before ({@code null} for a new file)
 * @param newPath path after ({@code null} for a deleted file)
 * @param change  what happened to the file
 * @param added   added lines
 * @param removed removed lines
 * @param binary  a binary patch or "Binary files differ"
 */
public record FileDiff(String oldPath, String newPath, ChangeKind change, int added, int removed, boolean binary) {
    public enum ChangeKind { ADD, MODIFY, DELETE, RENAME, COPY }

    /** The path this file is known by: the new path, or the old one for a deletion. */
    public String path() {
        return newPath != null ? newPath : oldPath;
    }
}
