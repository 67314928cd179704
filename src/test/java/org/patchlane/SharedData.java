package org.patchlane;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The team's read-only test data in {@code ../shared} (real list mail, benchmarks). Absent in a user's clone:
 * tests that need it call {@link #require} and are skipped cleanly (failed under CI, which always has it).
 */
public final class SharedData {
    private SharedData() {
    }

    /** {@code ../shared} relative to the project root (Maven runs tests there), or null when absent. */
    public static Path root() {
        Path p = Path.of("..", "shared").toAbsolutePath().normalize();
        return Files.isDirectory(p) ? p : null;
    }

    /** A path inside {@code ../shared}; skips the calling test when it is absent. */
    public static Path require(String relative) {
        Path root = root();
        Required.that(root != null, "../shared is absent");
        Path p = root.resolve(relative);
        Required.that(Files.exists(p), p + " is absent");
        return p;
    }
}
