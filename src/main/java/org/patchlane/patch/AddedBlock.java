package org.patchlane.patch;

import java.util.List;

/**
 * Lines a diff adds that are adjacent in the new file: one run of {@code +} lines of one file, prefixes removed.
 *
 * @param path  the file's path ({@link FileDiff#path()})
 * @param lines the added lines, in order (never empty)
 */
public record AddedBlock(String path, List<String> lines) {
    public AddedBlock {
        lines = List.copyOf(lines);
    }
}
