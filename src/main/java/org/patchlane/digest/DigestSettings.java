package org.patchlane.digest;

import java.time.Duration;

import org.patchlane.git.ConfigFile;
import org.patchlane.review.Policy;

/** The {@code [digest]} settings of the configuration that the content depends on. */
public final class DigestSettings {
    private DigestSettings() {
    }

    /**
     * {@code [digest] quiet}: how long a series may go without a reply from anyone but its sender before the digest
     * lists it as waiting; units as {@code [together] window}, default {@link DigestBuilder#QUIET}.
     *
     * @throws IllegalArgumentException for a value that is no such duration, naming the setting and the file
     */
    public static Duration quiet(ConfigFile config) {
        String where = config.path() == null ? "" : config.path() + ": ";
        return Policy.duration(config.string("digest", null, "quiet"), where + "[digest] quiet", DigestBuilder.QUIET);
    }
}
