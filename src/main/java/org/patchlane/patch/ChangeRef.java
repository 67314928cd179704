package org.patchlane.patch;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A b4 change-id as a prerequisite names it: {@code prerequisite-change-id: 20261102-topic-3f1c2a9b7d10:v3} names
 * version 3 of that series; without {@code :vN} it names the series.
 *
 * @param changeId the change-id
 * @param version  the version named, or 0
 */
public record ChangeRef(String changeId, int version) {
    private static final Pattern VERSIONED = Pattern.compile("(.+):v(\\d{1,4})");

    public static ChangeRef parse(String value) {
        String v = value.strip();
        Matcher m = VERSIONED.matcher(v);
        return m.matches() ? new ChangeRef(m.group(1), Integer.parseInt(m.group(2))) : new ChangeRef(v, 0);
    }
}
