package org.patchlane.patch;

import java.util.Locale;

/** What a message is, for the {@code kind:} query prefix and the JSON {@code kind} field. */
public enum MessageKind {
    PATCH, COVER, REPLY, PULL, OTHER;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
