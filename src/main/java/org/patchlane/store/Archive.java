package org.patchlane.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import org.patchlane.thread.Post;
import org.patchlane.thread.PostLookup;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesSink;
import org.patchlane.thread.SeriesUpdate;

/**
 * Writer side of the archive in {@code <dataDir>/lucene-v<VERSION>}: one writer per data directory (a lock file
 * says so to other processes), idempotent thread-safe {@link #add}, and {@link #commit} of documents together with
 * source cursors, so a crash at any instant resumes from the last commit without gap or duplicate. Nothing is
 * durable before {@code commit}: {@link #close} drops uncommitted adds.
 */
public final class Archive implements Closeable {
    /** Commit user-data keys of source cursors start with this, so other commit data can coexist. */
    static final String CURSOR_PREFIX = "cursor.";
    static final String SCHEMA_KEY = "patchlane.schema";
    /** Set only in the commit that ends a rebuild: marks a {@code .new} directory as safe to swap in. */
    static final String COMPLETE_KEY = "patchlane.rebuilt";
    /** Indexing buffer: large segments for bulk ingest, and room for the rest in a 512 MB heap. */
    static final double RAM_BUFFER_MB = 64;
    private static final String LOCK_NAME = "archive.lock";
    /** Messages per series recomputation while rebuilding. */
    private static final int REBUILD_SEEDS = 2_000;

    private final Path dataDir;
    private final Directory lockDir;
    private final Lock lock;
    /** Shared by add/commit, exclusive for reindex's swap and close. */
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    private final Object commitLock = new Object();
    private Directory directory;
    private IndexWriter writer;
    private Deduper deduper;
    /** The series documents {@link #writer} holds, so that an unchanged series is not rewritten. */
    private WrittenSeries written;
    private volatile ManagedView live;
    /** Threading's near-real-time view, reopened at commits (see {@link RecentPosts}) and after a removal. */
    private volatile ManagedView threading;
    private volatile boolean threadingStale;
    private final RecentPosts recent = new RecentPosts();
    private volatile boolean closed;
    /** Everything in the last commit's user data; guarded by commitLock. */
    private Map<String, String> commitData;

    private Archive(Path dataDir, Directory lockDir, Lock lock) {
        this.dataDir = dataDir;
        this.lockDir = lockDir;
        this.lock = lock;
    }

    /**
     * Opens (creating if needed) the archive in {@code dataDir}, finishing or undoing a rebuild a crash interrupted.
     *
     * @throws ArchiveBusyException when another process or {@code Archive} holds it
     */
    public static Archive open(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Directory lockDir = FSDirectory.open(dataDir);
        Lock lock;
        try {
            lock = lockDir.obtainLock(LOCK_NAME);
        } catch (LockObtainFailedException e) {
            lockDir.close();
            throw new ArchiveBusyException(dataDir, e);
        }
        Archive archive = new Archive(dataDir, lockDir, lock);
        try {
            recover(dataDir);
            archive.openIndex();
            return archive;
        } catch (IOException | RuntimeException e) {
            lock.close();
            lockDir.close();
            throw e;
        }
    }

    /** Source cursors of the last commit (prefix stripped), sorted by key. */
    public Map<String, String> cursors() {
        synchronized (commitLock) {
            return cursorsIn(commitData);
        }
    }

    /** The source cursors in a commit's user data, prefix stripped, sorted by key. */
    static Map<String, String> cursorsIn(Map<String, String> commitData) {
        TreeMap<String, String> out = new TreeMap<>();
        commitData.forEach((k, v) -> {
            if (k.startsWith(CURSOR_PREFIX)) out.put(k.substring(CURSOR_PREFIX.length()), v);
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * Stores a message unless the same Message-ID with the same bytes is stored already. Thread-safe.
     * Visible to {@link #searcher()} within about a second; durable after the next {@link #commit}.
     */
    public AddOutcome add(StoredMessage message) throws IOException {
        Objects.requireNonNull(message, "message");
        swap.readLock().lock();
        try {
            ensureOpen();
            AddOutcome outcome = deduper.add(message);
            if (outcome != AddOutcome.UNCHANGED) recent.add(message.post());
            return outcome;
        } finally {
            swap.readLock().unlock();
        }
    }

    /**
     * Deletes every stored copy of exactly this message (same Message-ID and same bytes; another message that only
     * shares the Message-ID stays). Thread-safe; durable after the next {@link #commit}.
     *
     * @return true when a copy was stored
     */
    public boolean remove(StoredMessage message) throws IOException {
        Objects.requireNonNull(message, "message");
        swap.readLock().lock();
        try {
            ensureOpen();
            boolean removed = deduper.remove(message);
            if (removed) {
                recent.remove(message.post().messageId());
                threadingStale = true;
            }
            return removed;
        } finally {
            swap.readLock().unlock();
        }
    }

    /**
     * Makes every message added before this call durable together with these cursors, atomically. Cursors of other
     * sources in the last commit are kept; a key given here replaces its old value.
     */
    public void commit(Map<String, String> cursors) throws IOException {
        Objects.requireNonNull(cursors, "cursors");
        swap.readLock().lock();
        try {
            ensureOpen();
            synchronized (commitLock) {
                TreeMap<String, String> next = new TreeMap<>(commitData);
                cursors.forEach((k, v) -> next.put(CURSOR_PREFIX + Objects.requireNonNull(k, "cursor key"),
                        Objects.requireNonNull(v, "cursor value")));
                next.put(SCHEMA_KEY, Integer.toString(Schema.VERSION));
                writer.setLiveCommitData(next.entrySet());
                writer.commit();
                commitData = next;
                // The commit flushed every add: a reopen is cheap now, and the recent posts it holds can go.
                long generation = recent.mark();
                threading.refresh();
                recent.dropBefore(generation);
            }
        } finally {
            swap.readLock().unlock();
        }
    }

    /**
     * Threading's view of the archive: every message added so far, committed or not (a post may come back twice,
     * from the index and from the recent adds).
     */
    public PostLookup posts() throws IOException {
        if (threadingStale) {
            threadingStale = false;
            threading.refresh();
        }
        ManagedView view = threading;
        return keys -> {
            IndexSearcher s = view.acquire();
            try {
                List<Post> out = new ArrayList<>(new PostIndex(s).byKeys(keys));
                out.addAll(recent.byKeys(keys));
                return out;
            } finally {
                view.release(s);
            }
        };
    }

    /**
     * Replaces every series document covering one of these messages by these series. Thread-safe; durable with the
     * next {@link #commit}.
     */
    public void replaceSeries(Collection<String> messageIds, List<Series> series) throws IOException {
        swap.readLock().lock();
        try {
            ensureOpen();
            written.replace(writer, messageIds, series);
        } finally {
            swap.readLock().unlock();
        }
    }

    /** A near-real-time searcher over this archive (for the web server); system UTC clock for relative dates. */
    public Searcher searcher() {
        return searcher(Clock.systemUTC());
    }

    /**
     * A near-real-time searcher that follows this archive through rebuilds, refreshing by itself at most once a
     * second ({@link Searcher#refresh()} forces it). Closing it does not close the archive; closing the archive
     * ends it.
     */
    public Searcher searcher(Clock clock) {
        return new Searcher(new LiveView(), clock, Decisions.of(dataDir));
    }

    /**
     * Rebuilds the index from the stored raw messages into a fresh directory and swaps it in, keeping cursors. While
     * this schema version's index is empty and an older version's exists, rebuilds from that one (an upgrade: its
     * cursors are kept, and it is removed after the swap).
     * Commits pending adds first (with the cursors of the last commit: re-adding them later is a no-op). Blocks
     * adds and commits meanwhile; searchers keep answering from the old index until the swap.
     *
     * @param reparse turns a stored record back into a message (the CLI re-runs the mail and patch parsers)
     * @return messages in the new index
     */
    public long reindex(Function<StoredRecord, StoredMessage> reparse) throws IOException {
        Objects.requireNonNull(reparse, "reparse");
        swap.writeLock().lock();
        try {
            ensureOpen();
            Map<String, String> data;
            synchronized (commitLock) {
                writer.setLiveCommitData(commitData.entrySet());
                writer.commit();
                data = new TreeMap<>(commitData);
            }
            Path older = writer.getDocStats().numDocs == 0 ? olderIndex() : null;
            Path fresh = sibling(".new");
            deleteTree(fresh);
            long count;
            if (older == null) {
                try (DirectoryReader source = DirectoryReader.open(writer)) {
                    count = rebuild(fresh, data, reparse, source);
                }
            } else {
                try (Directory dir = FSDirectory.open(older); DirectoryReader source = DirectoryReader.open(dir)) {
                    count = rebuild(fresh, new TreeMap<>(source.getIndexCommit().getUserData()), reparse, source);
                }
            }
            ManagedView old = live;
            ManagedView oldThreading = threading;
            deduper.close();
            writer.close();
            directory.close();
            Path index = Schema.indexDir(dataDir);
            Path retired = sibling(".old");
            Files.move(index, retired, StandardCopyOption.ATOMIC_MOVE);
            Files.move(fresh, index, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(retired);
            if (older != null) deleteTree(older);
            openIndex();
            recent.dropBefore(recent.mark());
            old.close();
            oldThreading.close();
            return count;
        } finally {
            swap.writeLock().unlock();
        }
    }

    /** Drops uncommitted adds and releases the archive. Searchers from {@link #searcher()} stop working. */
    @Override
    public void close() throws IOException {
        swap.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
            // Closes each even if another fails, rethrowing the first failure.
            IOUtils.close(live, threading, deduper, writer, directory, lock, lockDir);
        } finally {
            swap.writeLock().unlock();
        }
    }

    /**
     * The newest index of an older schema version in the data directory, or null: what {@link #reindex} upgrades
     * from while this version's index is still empty.
     */
    private Path olderIndex() {
        int v = Schema.olderVersionIn(dataDir);
        return v == 0 ? null : dataDir.resolve("lucene-v" + v);
    }

    private long rebuild(Path fresh, Map<String, String> data, Function<StoredRecord, StoredMessage> reparse,
                         DirectoryReader source) throws IOException {
        long count;
        try (Directory dir = FSDirectory.open(fresh);
             IndexWriter target = new IndexWriter(dir, config());
             Deduper into = new Deduper(target)) {
            count = new Rebuild(reparse, into, Runtime.getRuntime().availableProcessors()).messages(source);
            rebuildSeries(target);
            TreeMap<String, String> done = new TreeMap<>(data);
            done.put(SCHEMA_KEY, Integer.toString(Schema.VERSION));
            done.put(COMPLETE_KEY, "true");
            target.setLiveCommitData(done.entrySet());
            target.commit();
        }
        return count;
    }

    /** Recomputes every series of a freshly rebuilt index, one group of related messages at a time. */
    private static void rebuildSeries(IndexWriter target) throws IOException {
        Set<String> done = new HashSet<>();
        try (DirectoryReader reader = DirectoryReader.open(target)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            PostLookup lookup = new PostIndex(searcher);
            WrittenSeries written = new WrittenSeries();
            SeriesSink sink = (ids, series) -> written.replace(target, ids, series);
            List<Post> seeds = new ArrayList<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                BinaryDocValues facts = DocValues.getBinary(leaf.reader(), Schema.FACTS.name());
                for (int doc = facts.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = facts.nextDoc()) {
                    BytesRef b = facts.binaryValue();
                    Post p = PostCodec.decode(b.bytes, b.offset, b.length);
                    if (done.contains(p.messageId())) continue;
                    seeds.add(p);
                    if (seeds.size() >= REBUILD_SEEDS) {
                        done.addAll(SeriesUpdate.apply(seeds, lookup, sink));
                        seeds.clear();
                    }
                }
            }
            SeriesUpdate.apply(seeds, lookup, sink);
        }
    }

    private void openIndex() throws IOException {
        directory = FSDirectory.open(Schema.indexDir(dataDir));
        try {
            writer = new IndexWriter(directory, config());
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new ArchiveBusyException(dataDir, e);
        }
        TreeMap<String, String> data = new TreeMap<>();
        Iterable<Map.Entry<String, String>> last = writer.getLiveCommitData();
        if (last != null) last.forEach(e -> data.put(e.getKey(), e.getValue()));
        data.remove(COMPLETE_KEY);
        synchronized (commitLock) {
            commitData = data;
            if (!DirectoryReader.indexExists(directory)) {
                // An empty first commit, so a read-only Searcher can open the archive before any ingest.
                data.put(SCHEMA_KEY, Integer.toString(Schema.VERSION));
                writer.setLiveCommitData(data.entrySet());
                writer.commit();
            }
        }
        deduper = new Deduper(writer);
        written = new WrittenSeries();
        live = new ManagedView(new SearcherManager(writer, null));
        threading = new ManagedView(new SearcherManager(writer, null));
    }

    /** Lucene setup: compressed stored fields (raw mail is most of the index), merges that keep arrival order. */
    private static IndexWriterConfig config() {
        return new IndexWriterConfig(Schema.analyzer())
                .setCodec(new Lucene912Codec(Lucene912Codec.Mode.BEST_COMPRESSION))
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setMergePolicy(new LogByteSizeMergePolicy())
                .setCommitOnClose(false)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    }

    /**
     * Finishes or undoes a swap a crash interrupted: the rebuilt index replaces the old one only if its final commit
     * was written; leftovers are removed.
     */
    private static void recover(Path dataDir) throws IOException {
        Path index = Schema.indexDir(dataDir);
        Path fresh = index.resolveSibling(index.getFileName() + ".new");
        Path retired = index.resolveSibling(index.getFileName() + ".old");
        if (!Files.exists(index)) {
            if (Files.isDirectory(fresh) && rebuilt(fresh)) Files.move(fresh, index, StandardCopyOption.ATOMIC_MOVE);
            else if (Files.isDirectory(retired)) Files.move(retired, index, StandardCopyOption.ATOMIC_MOVE);
        }
        deleteTree(fresh);
        deleteTree(retired);
    }

    private static boolean rebuilt(Path dir) throws IOException {
        try (Directory d = FSDirectory.open(dir)) {
            return DirectoryReader.indexExists(d)
                    && SegmentInfos.readLatestCommit(d).getUserData().containsKey(COMPLETE_KEY);
        }
    }

    private Path sibling(String suffix) {
        Path index = Schema.indexDir(dataDir);
        return index.resolveSibling(index.getFileName() + suffix);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private void ensureOpen() {
        if (closed) throw new IllegalStateException("archive " + dataDir + " is closed");
    }

    /** The archive's near-real-time view as it is now, across rebuild swaps. */
    private final class LiveView implements IndexView {
        @Override
        public IndexSearcher acquire() throws IOException {
            while (true) {
                ManagedView v = live;
                try {
                    return v.acquire();
                } catch (AlreadyClosedException e) {
                    if (closed || v == live) throw e;
                }
            }
        }

        @Override
        public void release(IndexSearcher searcher) throws IOException {
            live.release(searcher);
        }

        @Override
        public void refresh() throws IOException {
            try {
                live.refresh();
            } catch (AlreadyClosedException e) {
                // Mid-swap the old writer is closed; its last view stays valid until the new one replaces it.
                if (closed) throw e;
            }
        }

        @Override
        public void maybeRefresh() throws IOException {
            try {
                live.maybeRefresh();
            } catch (AlreadyClosedException e) {
                if (closed) throw e;
            }
        }

        @Override
        public void close() {
            // The archive owns the view.
        }
    }
}
