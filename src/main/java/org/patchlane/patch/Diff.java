package org.patchlane.patch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The unified diff(s) of one mail, from the body and diff attachments.
 *
 * @param files        each file touched, in order
 * @param added        total added lines
 * @param removed      total removed lines
 * @param patchId      the git patch-id (equal to {@code git patch-id --stable}), 40 hex, or null when no hunks
 * @param preImage     the removed ({@code -}) lines without their prefix, newline-joined (lore's {@code dfa:})
 * @param postImage    the added ({@code +}) lines without their prefix, newline-joined (lore's {@code dfb:})
 * @param hunkHeaders  the function context of each {@code @@ ... @@ context} line (lore's {@code dfhh:})
 */
public record Diff(List<FileDiff> files, int added, int removed, String patchId, String preImage, String postImage,
                   List<String> hunkHeaders) {
    public Diff {
        files = List.copyOf(files);
        hunkHeaders = List.copyOf(hunkHeaders);
    }

    /**
     * The added lines cut into {@link AddedBlock}s, file by file, by each file's {@link FileDiff#addedRuns()}
     * (the post-image holds every file's added lines in file order). Linear in the post-image. Empty when the
     * runs do not account for exactly the post-image's lines (a diff not built by {@link Diffs}).
     */
    public List<AddedBlock> addedBlocks() {
        if (added == 0) return List.of();
        String[] lines = postImage.split("\n", -1);
        List<AddedBlock> out = new ArrayList<>();
        int at = 0;
        for (FileDiff f : files) {
            for (int run : f.addedRuns()) {
                if (run <= 0 || at + run > lines.length) return List.of();
                out.add(new AddedBlock(f.path(), Arrays.asList(lines).subList(at, at + run)));
                at += run;
            }
        }
        return at == lines.length ? out : List.of();
    }
}
