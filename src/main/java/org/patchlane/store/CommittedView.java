package org.patchlane.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * Reader side for another process's archive: the last commit in the index directory, refreshed at most once a
 * second, that survives the writer swapping a rebuilt index in under the same path ({@link Archive#reindex}).
 * <p>
 * Lucene's incremental reopen cannot cross such a swap: the rebuilt index reuses segment names for other contents,
 * and the reopen refuses ("same segment _1 has invalid doc count change"). So each refresh first compares the
 * directory's identity (its file key, the inode on Linux) with the one this view opened; a changed identity, or any
 * failed incremental reopen, opens the directory afresh. While the path is missing or unreadable (between the swap's
 * two renames) the old readers keep answering: their files stay open after the rename and the delete.
 */
final class CommittedView implements IndexView {
    private final Path index;
    /** Serialises refreshes; {@link #maybeRefresh} skips instead of waiting. */
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Generation current;
    private volatile long lastRefresh = System.nanoTime();

    /** One opening of the index directory. */
    private record Generation(Object identity, Directory dir, SearcherManager manager) {
        void close() throws IOException {
            IOUtils.close(manager, dir);
        }
    }

    private CommittedView(Path index, Generation first) {
        this.index = index;
        this.current = first;
    }

    /**
     * Opens the last commit of the index in {@code index}.
     *
     * @throws ArchiveNotFoundException when there is no index there (with {@code dataDir} for the message)
     */
    static CommittedView open(Path index, Path dataDir) throws IOException {
        Object identity = identity(index);
        Generation first = identity == null ? null : openGeneration(identity, index);
        if (first == null) throw new ArchiveNotFoundException(dataDir);
        return new CommittedView(index, first);
    }

    @Override
    public IndexSearcher acquire() throws IOException {
        while (true) {
            Generation g = current;
            try {
                return g.manager().acquire();
            } catch (AlreadyClosedException e) {
                if (g == current) throw e; // closed by close(), not replaced by a refresh
            }
        }
    }

    @Override
    public void release(IndexSearcher searcher) throws IOException {
        // Valid after the generation it came from was replaced: the reader is reference-counted on its own.
        searcher.getIndexReader().decRef();
    }

    @Override
    public void refresh() throws IOException {
        refreshing.lock();
        try {
            refreshNow();
        } finally {
            refreshing.unlock();
        }
    }

    @Override
    public void maybeRefresh() throws IOException {
        if (System.nanoTime() - lastRefresh < ManagedView.REFRESH_NANOS) return;
        if (!refreshing.tryLock()) return;
        try {
            refreshNow();
        } finally {
            refreshing.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        refreshing.lock();
        try {
            current.close();
        } finally {
            refreshing.unlock();
        }
    }

    private void refreshNow() throws IOException {
        Generation g = current;
        Object identity = identity(index);
        if (identity == null) return; // mid-swap: keep answering from the old index, look again next time
        if (identity.equals(g.identity())) {
            try {
                g.manager().maybeRefreshBlocking();
                lastRefresh = System.nanoTime();
                return;
            } catch (IOException | IllegalStateException e) {
                // Replaced between the identity check and the reopen, or mid-write: fall through to a fresh open.
            }
        }
        Generation next;
        try {
            next = openGeneration(identity, index);
        } catch (IOException | RuntimeException e) {
            return; // half-swapped or half-deleted: the old readers answer until the next refresh opens it
        }
        if (next == null) return;
        current = next;
        lastRefresh = System.nanoTime();
        g.close();
    }

    /** A fresh opening of the directory, or null when it holds no readable commit right now. */
    private static Generation openGeneration(Object identity, Path index) throws IOException {
        Directory dir = FSDirectory.open(index);
        try {
            if (!DirectoryReader.indexExists(dir)) {
                dir.close();
                return null;
            }
            return new Generation(identity, dir, new SearcherManager(dir, null));
        } catch (NoSuchFileException | IllegalStateException e) {
            dir.close();
            return null;
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /** The directory's identity (inode and device where the file system has them), or null when it is missing. */
    private static Object identity(Path index) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(index, BasicFileAttributes.class);
            if (!a.isDirectory()) return null;
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
