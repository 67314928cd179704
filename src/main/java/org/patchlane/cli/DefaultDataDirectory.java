package org.patchlane.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the archive is when {@code --data} is not given: {@code $PATCHLANE_DATA}, else {@code index/} beside the
 * {@code patchlane} launcher (which passes its directory as a system property), so that the launcher finds its
 * archive from any directory; else, for {@code java -jar} alone, {@code index} in the current directory.
 * A {@code --data} path the user types stays relative to the current directory.
 */
final class DefaultDataDirectory {
    static final String ENV = "PATCHLANE_DATA";
    /** Set by the launcher script to its own directory. */
    static final String HOME_PROPERTY = "patchlane.home";
    static final String INDEX = "index";

    private DefaultDataDirectory() {
    }

    /** The default for this process. */
    static Path current() {
        return of(System.getenv(), System.getProperty(HOME_PROPERTY));
    }

    /**
     * @param env  the environment
     * @param home the launcher's directory, or null when started without the launcher
     */
    static Path of(Map<String, String> env, String home) {
        String data = env.get(ENV);
        if (data != null && !data.isBlank()) return Path.of(data);
        if (home != null && !home.isBlank()) return Path.of(home, INDEX);
        return Path.of(INDEX);
    }
}
