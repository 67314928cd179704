package org.patchlane.pull;

import java.time.Duration;

import org.patchlane.git.ConfigFile;
import org.patchlane.review.Policy;

/**
 * {@code [repo "NAME"] mergedWindow = 180d}: how far back merged detection looks, both for open series (posted within
 * it) and for upstream commits (committed within it, or since the series' base-commit when that is older). Units h,
 * d, w; default 180 days.
 */
public final class MergedWindow {
    public static final Duration DEFAULT = Duration.ofDays(180);

    private MergedWindow() {
    }

    /** The window of one repository. @throws IllegalArgumentException for a malformed value, naming the setting */
    public static Duration of(ConfigFile config, String repo) {
        return Policy.duration(config.string("repo", repo, "mergedWindow"), "[repo \"" + repo + "\"] mergedWindow",
                DEFAULT);
    }
}
