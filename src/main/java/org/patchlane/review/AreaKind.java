package org.patchlane.review;

import java.util.Locale;

/** What an area is for review: shared code others build on, one driver, or neither. */
public enum AreaKind {
    /** shared code (cores, headers, mm, fs, lib...): a series touching one is an infrastructure series */
    INFRASTRUCTURE,
    /** one driver (or one filesystem's) own code */
    DRIVER,
    /** neither: architecture code, documentation, tools, scripts, protocol stacks outside their core... */
    OTHER;

    /** The configuration's spelling: infrastructure, driver, other. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but infrastructure, driver or other (any case) */
    public static AreaKind parse(String value) {
        for (AreaKind k : values()) if (k.configName().equalsIgnoreCase(value.strip())) return k;
        throw new IllegalArgumentException("kind must be infrastructure, driver or other, not '" + value + "'");
    }
}
