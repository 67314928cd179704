package org.patchlane.store;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

/** An {@link IndexView} over a Lucene {@link SearcherManager}, refreshing at most once per interval on its own. */
final class ManagedView implements IndexView {
    /** How stale an automatically refreshed view may be: a web page a second late is fine, a flush per query is not. */
    static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final SearcherManager manager;
    private volatile long lastRefresh = System.nanoTime();

    ManagedView(SearcherManager manager) {
        this.manager = manager;
    }

    @Override
    public IndexSearcher acquire() throws IOException {
        return manager.acquire();
    }

    @Override
    public void release(IndexSearcher searcher) throws IOException {
        // Releasing decrements the reader's count: valid even after a swap closed the manager it came from.
        searcher.getIndexReader().decRef();
    }

    @Override
    public void refresh() throws IOException {
        manager.maybeRefreshBlocking();
        lastRefresh = System.nanoTime();
    }

    @Override
    public void maybeRefresh() throws IOException {
        if (System.nanoTime() - lastRefresh < REFRESH_NANOS) return;
        if (manager.maybeRefresh()) lastRefresh = System.nanoTime();
    }

    @Override
    public void close() throws IOException {
        manager.close();
    }
}
