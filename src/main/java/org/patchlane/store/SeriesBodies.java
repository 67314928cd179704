package org.patchlane.store;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.BytesRef;
import org.patchlane.thread.Series;

/**
 * Decoded series documents, kept per segment: a segment never changes, so a series read once is not decoded (JSON,
 * the costly part of listing every series) again while its segment lives. A series recomputed by ingest is a new
 * document in a new segment; the old one's entry goes with its segment, whose cache is dropped when it closes.
 * Holds at most one object per series document read. Thread-safe.
 */
final class SeriesBodies {
    private final Map<IndexReader.CacheKey, AtomicReferenceArray<Series>> bySegment = new ConcurrentHashMap<>();

    /** The series of document {@code doc} of {@code reader} (a top-level doc id). */
    Series read(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        return read(leaf.reader(), doc - leaf.docBase);
    }

    /** The series of document {@code doc} of one segment. */
    Series read(LeafReader leaf, int doc) throws IOException {
        AtomicReferenceArray<Series> known = cache(leaf);
        Series s = known == null ? null : known.get(doc);
        if (s != null) return s;
        BinaryDocValues body = DocValues.getBinary(leaf, Schema.SERIES_BODY.name());
        if (!body.advanceExact(doc)) throw new IllegalStateException("series document without a body");
        BytesRef b = body.binaryValue();
        s = SeriesCodec.decode(b.bytes, b.offset, b.length);
        if (known != null) known.set(doc, s);
        return s;
    }

    /** The segment's cache, or null when the segment offers no key to hang one on. */
    private AtomicReferenceArray<Series> cache(LeafReader leaf) {
        IndexReader.CacheHelper helper = leaf.getCoreCacheHelper();
        if (helper == null) return null;
        IndexReader.CacheKey key = helper.getKey();
        AtomicReferenceArray<Series> known = bySegment.get(key);
        if (known != null) return known;
        known = new AtomicReferenceArray<>(leaf.maxDoc());
        AtomicReferenceArray<Series> raced = bySegment.putIfAbsent(key, known);
        if (raced != null) return raced;
        helper.addClosedListener(bySegment::remove);
        return known;
    }
}
