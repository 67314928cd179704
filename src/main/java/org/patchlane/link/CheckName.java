package org.patchlane.link;

/** The maintainers' rules a series is checked against. */
public enum CheckName {
    /** Infrastructure that adds API or exports has a user series in its thread or within the window, linked to it. */
    POSTED_TOGETHER("posted-together"),
    /** Each new export has a user in a linked series. */
    EXPORTS("exports"),
    /** The infrastructure areas' maintainers, and those of the driver areas that use it, acked or reviewed it. */
    REQUIRED_ACKS("required-acks"),
    /** A series' prerequisites: their state, their acks, and whether it was built on their latest version. */
    PREREQUISITE_STATE("prerequisite-state"),
    /** A pull request's base commit is already upstream or in a shared tree. */
    PR_BASE("pr-base"),
    /** The fetched ref is the head commit the request announces. */
    PR_HEAD("pr-head"),
    /** The request's shortlog and diffstat are those of its real range. */
    PR_RANGE("pr-range"),
    /** Ignoring shared commits, every changed file lies in the sender's driver area. */
    PR_PATHS("pr-paths"),
    /** Nothing under a user-space API directory. */
    PR_UAPI("pr-uapi"),
    /** The commits of a series posted on the list are those patches, with the trailers collected there. */
    PR_SERIES("pr-series"),
    /** Posted before the release cycle's cut-off rc. */
    PR_CUTOFF("pr-cutoff"),
    /** Merges without conflict into upstream and into next. */
    PR_MERGE("pr-merge"),
    /** Each export a merged infrastructure series added has an in-tree user at the next release (seeds 002/004). */
    EXPORTS_RELEASE("exports-release");

    private final String jsonName;

    CheckName(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
