package org.patchlane.digest;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.patchlane.link.Check;

/**
 * The checks of the pending pull requests, by request Message-ID, asked once per digest: where a repository is
 * configured, the digest's pull-request lines carry their verdicts. A request no longer pending (merged, replaced)
 * has none.
 */
@FunctionalInterface
public interface PullVerdicts {
    /** No repository configured: no verdicts. */
    PullVerdicts NONE = Map::of;

    Map<String, List<Check>> current() throws IOException;
}
