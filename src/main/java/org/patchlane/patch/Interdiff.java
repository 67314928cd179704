package org.patchlane.patch;

import java.util.List;

/**
 * What changed between two versions of one patch, computed from the two posted diffs alone (no git tree): its
 * commit message and, file by file, its code. Built by {@link Interdiffs#between}.
 *
 * @param message the commit message's changes (follow-up trailers such as {@code Reviewed-by} left out: they are
 *                collected, not written); empty when the message is the same
 * @param files   each file either version touches: the newer version's order, then the files it dropped
 */
public record Interdiff(List<Region> message, List<FileChange> files) {
    public Interdiff {
        message = List.copyOf(message);
        files = List.copyOf(files);
    }

    /** Where the two versions differ: nowhere, the commit message only, the code only, or both. */
    public enum Scope { NONE, MESSAGE, CODE, BOTH }

    /** What happened to one file between the versions. */
    public enum Change { UNCHANGED, CHANGED, ADDED, DROPPED }

    /**
     * How a file's changes were found.
     * <ul>
     * <li>{@code POST_IMAGE}: the new-side text each diff shows (its context and added lines, at their line
     * numbers, filled in with the old text the other diff shows) of one version against the other's: what a
     * reviewer would see diffing the two results.
     * <li>{@code DIFF_TEXT}: the two diffs' own lines against each other (as {@code git range-diff} shows them),
     * when the diffs cover different regions or disagree on the old text (a rebase), or a file is in one version
     * only. Hunk headers are compared without their line numbers.
     * <li>{@code BINARY}: a binary diff; only whether it changed is known.
     * </ul>
     */
    public enum Method { POST_IMAGE, DIFF_TEXT, BINARY }

    /** One line of an interdiff hunk: in both versions, only in the newer ({@code ADDED}) or only in the older. */
    public enum LineKind { CONTEXT, ADDED, REMOVED }

    public record Line(LineKind kind, String text) {
    }

    /**
     * A region of the interdiff (a hunk): lines {@code fromLine..} of the older version's text against {@code toLine..} of the
     * newer one's (1-based; for {@code POST_IMAGE} the new files' line numbers, for {@code DIFF_TEXT} and the
     * message lines of the diff or message text).
     */
    public record Region(int fromLine, int fromCount, int toLine, int toCount, List<Line> lines) {
        public Region {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One file.
     *
     * @param path   the newer version's path (the older one's for a dropped file)
     * @param change unchanged, changed, added in the newer version, or dropped from it
     * @param method how the hunks were found
     * @param note   a difference the hunks cannot show (a rename or mode change in one version only, a binary
     *               that changed), or null
     * @param hunks  the changes; empty when unchanged or binary
     */
    public record FileChange(String path, Change change, Method method, String note, List<Region> hunks) {
        public FileChange {
            hunks = List.copyOf(hunks);
        }
    }

    public Scope scope() {
        boolean code = files.stream().anyMatch(f -> f.change() != Change.UNCHANGED);
        boolean text = !message.isEmpty();
        return code ? (text ? Scope.BOTH : Scope.CODE) : (text ? Scope.MESSAGE : Scope.NONE);
    }
}
