package org.patchlane.link;

/**
 * How a link between two series is known, strongest evidence first. The confidence is what a maintainer may read
 * into it: an explicit marker is certain; a symbol in common is likely, more so with more symbols.
 */
public enum LinkKind {
    /** b4's {@code prerequisite-patch-id:} names a patch of the other series by its git patch-id. */
    PREREQUISITE_PATCH_ID("prerequisite-patch-id", 1.0),
    /** b4's {@code prerequisite-change-id:} (or a change-id in prose) names the other series. */
    CHANGE_ID("change-id", 1.0),
    /** b4's {@code prerequisite-message-id:} names a message of the other series. */
    MESSAGE_ID("message-id", 1.0),
    /** patchwork's {@code Depends-on:}. */
    DEPENDS_ON("depends-on", 1.0),
    /** Patchew's {@code Based-on:}. */
    BASED_ON("based-on", 1.0),
    /** A {@code Link:} line or a message URL carrying a Message-ID of the other series. */
    LINK("link", 0.8),
    /** "depends on", "based on", "on top of", "requires", "applies on" naming the other series. */
    PROSE("prose", 0.9),
    /** Posted in reply into the other series' thread. */
    SAME_THREAD("same-thread", 0.9),
    /** The added code uses symbols the other series adds (see {@link Linker}). */
    SYMBOL("symbol", 0.5),
    /**
     * A maintainer said so ({@code link add}, the series page's form): certain, but listed after the mail's own
     * certain evidence, which names the version built on.
     */
    MANUAL("manual", 1.0);

    private final String jsonName;
    private final double confidence;

    LinkKind(String jsonName, double confidence) {
        this.jsonName = jsonName;
        this.confidence = confidence;
    }

    /** The name in JSON and text output. */
    public String jsonName() {
        return jsonName;
    }

    /** The confidence of one piece of this evidence, 0..1. */
    public double confidence() {
        return confidence;
    }
}
