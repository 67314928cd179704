package org.patchlane.patch;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;

/** The real git, the oracle for patch-ids; tests that need it skip where it is not installed. */
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
        assumeTrue(ok, "git is not on PATH: skipping");
    }
}
