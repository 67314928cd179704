package org.patchlane.store;

import java.io.Closeable;
import java.io.IOException;

import org.apache.lucene.search.IndexSearcher;

/** A refreshable source of point-in-time searchers: over the last commit, or near-real-time over a writer. */
interface IndexView extends Closeable {
    /** A searcher to use and give back with {@link #release}. */
    IndexSearcher acquire() throws IOException;

    void release(IndexSearcher searcher) throws IOException;

    /** Makes everything committed (or, for a writer's view, added) so far visible. Blocks. */
    void refresh() throws IOException;

    /** Refreshes only if the last refresh is older than the view's interval; never blocks on another refresh. */
    void maybeRefresh() throws IOException;
}
