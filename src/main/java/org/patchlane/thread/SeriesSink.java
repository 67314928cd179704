package org.patchlane.thread;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

/** Where recomputed series go: the store replaces whatever series covered these messages with the new ones. */
public interface SeriesSink {
    void replace(Collection<String> messageIds, List<Series> series) throws IOException;
}
