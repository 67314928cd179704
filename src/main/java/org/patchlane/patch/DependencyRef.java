package org.patchlane.patch;

/**
 * One series a mail says it needs or points to, as written: the link stage resolves the target and decides
 * whether it is another series.
 *
 * @param kind     how the mail says it
 * @param form     what the target is
 * @param target   a Message-ID without angle brackets, a URL, a b4 change-id or a title, as {@code form} says
 * @param evidence the line or sentence that says it, whitespace collapsed
 */
public record DependencyRef(Kind kind, Form form, String target, String evidence) {
    /** How the dependency is stated, strongest first. */
    public enum Kind {
        /** A patchwork {@code Depends-on:} line. */
        DEPENDS_ON,
        /** A Patchew {@code Based-on:} line. */
        BASED_ON,
        /** A sentence: "depends on", "based on", "on top of", "requires", "applies on" followed by a target. */
        PROSE,
        /** A {@code Link:} line to a message. */
        LINK,
        /** A message URL anywhere else in the author's text (often a previous version, or a discussion). */
        MENTION
    }

    /** What the target names. */
    public enum Form {
        /** A Message-ID, from {@code <...@...>} or a message archive URL. */
        MESSAGE_ID,
        /** A patchwork patch, cover or series page that names no Message-ID. */
        URL,
        /** A b4 change-id, {@code yyyymmdd-topic-<12 hex>}. */
        CHANGE_ID,
        /** A quoted patch or series title ({@code "mm: add foo"}), tags in brackets removed. */
        TITLE
    }

    /**
     * A title as series are found by it: case, runs of white space and a final period do not count, so that
     * "RDMA/core: Add the helpers." in prose finds the series titled "RDMA/core: add the helpers".
     */
    public static String titleKey(String title) {
        if (title == null) return "";
        String t = title.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        return t.endsWith(".") ? t.substring(0, t.length() - 1).stripTrailing() : t;
    }
}
