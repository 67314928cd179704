package org.patchlane.pull;

import java.util.List;

import org.patchlane.link.Check;

/** A pending pull request with its checks. */
public record PullReport(PendingPull pull, List<Check> checks) {
    public PullReport {
        checks = List.copyOf(checks);
    }

    /** No check failed: what a driver pull request must be before it is pulled. */
    public boolean clean() {
        return checks.stream().noneMatch(c -> c.verdict() == org.patchlane.link.Verdict.FAIL);
    }
}
