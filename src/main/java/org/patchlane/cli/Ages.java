package org.patchlane.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An age on the command line: {@code 36h}, {@code 90d}, {@code 2w}. */
final class Ages {
    private static final Pattern AGE = Pattern.compile("([1-9][0-9]{0,5})([hdw])");

    private Ages() {
    }

    /** @throws IllegalArgumentException naming the option when it is not one */
    static Duration parse(String text, String option) {
        Matcher m = AGE.matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches())
            throw new IllegalArgumentException(option + " must be hours, days or weeks (36h, 90d, 2w), not '" + text + "'");
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }
}
