package org.patchlane.store;

/** What {@link Archive#add} did with a message. */
public enum AddOutcome {
    /** New Message-ID: stored. */
    ADDED,
    /** Same Message-ID and same bytes already stored (or added earlier in this session): nothing written. */
    UNCHANGED,
    /** Same Message-ID with different bytes: stored as well, flagged {@code duplicate_id}. */
    DUPLICATE_ID
}
