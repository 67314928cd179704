package org.patchlane.pull;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.patchlane.git.ConfigFile;

/**
 * {@code [repo "NAME"] mergedWindow = 180d}: how far back merged detection looks, both for open series (posted within
 * it) and for upstream commits (committed within it, or since the series' base-commit when that is older). Units h,
 * d, w; default 180 days.
 */
public final class MergedWindow {
    public static final Duration DEFAULT = Duration.ofDays(180);
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,6})([hdw])");

    private MergedWindow() {
    }

    /** The window of one repository. @throws IllegalArgumentException for a malformed value, naming the setting */
    public static Duration of(ConfigFile config, String repo) {
        String value = config.string("repo", repo, "mergedWindow");
        if (value == null || value.isBlank()) return DEFAULT;
        Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0)
            throw new IllegalArgumentException("[repo \"" + repo + "\"] mergedWindow must be a number of hours, days "
                    + "or weeks (36h, 180d, 26w), not '" + value + "'");
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }
}
