package org.patchlane;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A test's outside requirement (a tool such as b4, Chromium, public-inbox, git or python3, or {@code ../shared}).
 * On a developer's or user's machine a missing one skips the test; under CI ({@code CI=true}) it fails it, since
 * {@code .ci/run} installs every one and a skip there would hide a test that never ran.
 */
public final class Required {
    private Required() {
    }

    /** Skips (fails under CI) the calling test unless {@code present}; {@code what} says what is missing and why. */
    public static void that(boolean present, String what) {
        that(present, what, underCi());
    }

    static void that(boolean present, String what, boolean ci) {
        if (present) return;
        if (ci) fail(what + " (CI=true: .ci/run must install it, so a missing requirement fails)");
        assumeTrue(false, what + ": skipping");
    }

    /** True when the environment says this is a CI run. */
    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
