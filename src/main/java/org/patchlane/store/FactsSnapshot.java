package org.patchlane.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.patchlane.thread.Series;

/**
 * Keys found in memory: each segment's link keys ({@link LeafFacts}) read once and kept while the segment lives,
 * so that a call about every series ({@code together}, a series query on checks) costs hash lookups instead of
 * thousands of term seeks in every segment. The first call reads every segment (about half a second for a
 * 100,000-message archive); later ones read only the segments that appeared since (new mail, merges). Deletions
 * are applied per call from the current reader, so answers follow the index exactly as {@link IndexedFacts}'
 * do. Holds the archive's link keys (about 600 bytes a message: 60 MB for 100,000 messages, 600 MB for a million,
 * measured): for long-lived readers, and only up to {@code maxDocs} documents; an index larger than that is
 * answered by term queries ({@link IndexedFacts}), slower for calls about every series but in bounded memory.
 * Thread-safe.
 */
final class FactsSnapshot implements FactsSource {
    /** Most documents whose link keys are held in memory: about 180 MB of keys beside a server's index caches. */
    static final int MAX_DOCS = 300_000;

    private final IndexView view;
    private final SeriesBodies bodies;
    private final int maxDocs;
    private final IndexedFacts byTerms;
    private final Map<IndexReader.CacheKey, LeafFacts> bySegment = new ConcurrentHashMap<>();
    private volatile ReaderFacts current;

    FactsSnapshot(IndexView view, SeriesBodies bodies, int maxDocs) {
        this.view = view;
        this.bodies = bodies;
        this.maxDocs = maxDocs;
        this.byTerms = new IndexedFacts(view, bodies);
    }

    @Override
    public List<LinkFacts> facts(List<Schema.Field> fields, Set<String> keys) throws IOException {
        if (!small()) return byTerms.facts(fields, keys);
        List<LinkFacts> out = new ArrayList<>();
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            ReaderFacts known = of(s.getIndexReader());
            for (int doc : known.docs(fields, keys)) {
                out.add(known.facts(doc));
                if (out.size() >= LinkIndex.MAX_HITS) break;
            }
            return out;
        } finally {
            view.release(s);
        }
    }

    @Override
    public List<Series> series(Schema.Field field, Set<String> keys) throws IOException {
        if (!small()) return byTerms.series(field, keys);
        List<Series> out = new ArrayList<>();
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            for (int doc : of(s.getIndexReader()).docs(List.of(field), keys)) {
                out.add(bodies.read(s.getIndexReader(), doc));
                if (out.size() >= LinkIndex.MAX_HITS) break;
            }
            return out;
        } finally {
            view.release(s);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T remembered(String stamp, String key, LinkIndex.Computation<T> compute) throws IOException {
        if (!small()) return byTerms.remembered(stamp, key, compute);
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        ReaderFacts at;
        try {
            at = of(s.getIndexReader());
        } finally {
            view.release(s);
        }
        Map<String, Object> kept = at.remembered(stamp);
        Object known = kept.get(key);
        if (known != null) return (T) known;
        T value = compute.run();
        if (current == at && value != null) kept.putIfAbsent(key, value);
        return value;
    }

    @Override
    public boolean inMemory() {
        try {
            return small();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the index is within the bound; past it, what was read while it was smaller is let go. */
    private boolean small() throws IOException {
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            if (s.getIndexReader().maxDoc() <= maxDocs) return true;
        } finally {
            view.release(s);
        }
        current = null;
        bySegment.clear();
        return false;
    }

    /** The joined keys of the reader in use: those of the last call when the index has not changed since. */
    private ReaderFacts of(IndexReader reader) throws IOException {
        ReaderFacts known = current;
        if (known != null && known.reader() == reader) return known;
        synchronized (this) {
            if (current != null && current.reader() == reader) return current;
            List<LeafFacts> leaves = new ArrayList<>();
            for (LeafReaderContext leaf : reader.leaves()) leaves.add(leaf(leaf.reader()));
            current = new ReaderFacts(reader, leaves);
            return current;
        }
    }

    private LeafFacts leaf(LeafReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null) return LeafFacts.read(reader);
        try {
            return bySegment.computeIfAbsent(helper.getKey(), key -> {
                try {
                    LeafFacts read = LeafFacts.read(reader);
                    helper.addClosedListener(bySegment::remove);
                    return read;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
