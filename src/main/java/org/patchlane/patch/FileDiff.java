package org.patchlane.patch;

import java.util.List;

/**
 * One file of a diff.
 *
 * @param oldPath    path before ({@code null} for a new file)
 * @param newPath    path after ({@code null} for a deleted file)
 * @param change     what happened to the file
 * @param added      added lines
 * @param removed    removed lines
 * @param binary     a binary patch or "Binary files differ"
 * @param addedRuns  how many added lines each run holds, in order: a run is added lines adjacent in the new file
 *                   (a context line or a new hunk ends it, a removed line does not); they sum to {@code added}.
 *                   A reader of the added code needs it to know where a comment or declaration may go on.
 */
public record FileDiff(String oldPath, String newPath, ChangeKind change, int added, int removed, boolean binary,
                       List<Integer> addedRuns) {
    public enum ChangeKind { ADD, MODIFY, DELETE, RENAME, COPY }

    public FileDiff {
        addedRuns = List.copyOf(addedRuns);
    }

    /** A file whose added lines, if any, form one run. */
    public FileDiff(String oldPath, String newPath, ChangeKind change, int added, int removed, boolean binary) {
        this(oldPath, newPath, change, added, removed, binary, added > 0 ? List.of(added) : List.of());
    }

    /** The path this file is known by: the new path, or the old one for a deletion. */
    public String path() {
        return newPath != null ? newPath : oldPath;
    }
}
