package org.patchlane.cli;

/** Whether a person is watching: progress bars and colour only then (CI and pipes get plain lines). */
final class Terminal {
    private Terminal() {
    }

    static boolean interactive() {
        return System.console() != null && System.getenv("CI") == null;
    }
}
