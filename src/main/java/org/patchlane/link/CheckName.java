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
    PREREQUISITE_STATE("prerequisite-state");

    private final String jsonName;

    CheckName(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
