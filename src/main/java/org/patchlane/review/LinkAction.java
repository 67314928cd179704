package org.patchlane.review;

import java.util.Locale;
import java.util.Optional;

/** What a maintainer did to a link between two series. */
public enum LinkAction {
    /** The series depends on the prerequisite, whatever the mail says. */
    ADD("add", "added"),
    /** The series does not depend on the prerequisite: every link the mail gives is suppressed (or an added one undone). */
    REMOVE("remove", "removed");

    private final String jsonName;
    private final String past;

    LinkAction(String jsonName, String past) {
        this.jsonName = jsonName;
        this.past = past;
    }

    /** The name in JSON, commands and commit messages. */
    public String jsonName() {
        return jsonName;
    }

    /** "added" or "removed", for "added by NAME on DATE". */
    public String past() {
        return past;
    }

    public static Optional<LinkAction> of(String name) {
        if (name == null) return Optional.empty();
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (LinkAction a : values()) if (a.jsonName.equals(n)) return Optional.of(a);
        return Optional.empty();
    }
}
