package org.patchlane.patch;

import java.util.List;

/**
 * One hunk of a file's diff as posted.
 *
 * @param oldStart first line of the old file it covers (1-based; 0 for a new file)
 * @param oldCount how many old lines it covers
 * @param newStart first line of the new file it covers
 * @param newCount how many new lines it covers
 * @param context  the function context after the second {@code @@}, "" when none
 * @param lines    its lines with their {@code ' '}, {@code '-'}, {@code '+'} or {@code '\'} prefix
 */
public record Hunk(int oldStart, int oldCount, int newStart, int newCount, String context, List<String> lines) {
    public Hunk {
        lines = List.copyOf(lines);
    }

    /** The old file's lines it shows (context and removed), without prefixes. */
    public List<String> preImage() {
        return image('-');
    }

    /** The new file's lines it shows (context and added), without prefixes. */
    public List<String> postImage() {
        return image('+');
    }

    private List<String> image(char changed) {
        return lines.stream().filter(l -> !l.isEmpty() && (l.charAt(0) == ' ' || l.charAt(0) == changed)
                || l.isEmpty()).map(l -> l.isEmpty() ? "" : l.substring(1)).toList();
    }
}
