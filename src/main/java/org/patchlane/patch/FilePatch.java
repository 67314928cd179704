package org.patchlane.patch;

import java.util.List;

/**
 * One file's part of a posted diff, with its text and hunks: what comparing two versions of a patch needs beyond
 * the {@link FileDiff} summary.
 *
 * @param file  the summary (paths, kind, counts, binary)
 * @param text  every line of the part, from its {@code diff --git} (or {@code ---}) line to its last hunk line
 * @param hunks its hunks in order (none for a binary or a pure rename / mode change)
 */
public record FilePatch(FileDiff file, List<String> text, List<Hunk> hunks) {
    public FilePatch {
        text = List.copyOf(text);
        hunks = List.copyOf(hunks);
    }
}
