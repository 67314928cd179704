package org.patchlane.patch;

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
}
