package org.patchlane.patch;

import java.io.IOException;

import org.patchlane.Required;

/** The real git, the oracle for patch-ids; tests that need it skip where it is not installed (fail under CI). */
final class GitCli {
    private GitCli() {
    }

    static void assumeAvailable() {
        boolean ok;
        try {
            ok = new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            ok = false;
        }
        Required.that(ok, "git is not on PATH");
    }
}
