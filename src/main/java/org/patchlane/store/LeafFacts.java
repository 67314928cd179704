package org.patchlane.store;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * One segment's link keys in memory: for each field the link lookups ask, which documents hold each key, read from
 * the segment's term dictionary once (only covers and patches, which carry link facts, and series documents are
 * kept). The link facts themselves are decoded on first use. Immutable once built, as its segment is.
 */
final class LeafFacts {
    /** The fields of covers and patches asked by key. */
    static final List<Schema.Field> MESSAGE_FIELDS = List.of(Schema.MID, Schema.USES, Schema.DEFINES, Schema.DEPENDS,
            Schema.IRT, Schema.REF, Schema.PATCH_ID);
    /** The fields of series documents asked by key. */
    static final List<Schema.Field> SERIES_FIELDS = List.of(Schema.MEMBER, Schema.CHANGE_ID, Schema.TITLE_KEY);
    private final LeafReader reader;
    private final Map<String, Map<String, int[]>> docsByField = new HashMap<>();
    private final AtomicReferenceArray<LinkFacts> facts;

    private LeafFacts(LeafReader reader) {
        this.reader = reader;
        this.facts = new AtomicReferenceArray<>(reader.maxDoc());
    }

    static LeafFacts read(LeafReader reader) throws IOException {
        LeafFacts leaf = new LeafFacts(reader);
        FixedBitSet withFacts = docsWith(reader, Schema.LINK_FACTS);
        FixedBitSet series = docsWith(reader, Schema.SERIES_BODY);
        for (Schema.Field f : MESSAGE_FIELDS) leaf.docsByField.put(f.name(), postings(reader, f, withFacts));
        for (Schema.Field f : SERIES_FIELDS) leaf.docsByField.put(f.name(), postings(reader, f, series));
        return leaf;
    }

    /** Each key of {@code field} with the documents holding it, ascending; deleted ones included. */
    Map<String, int[]> docs(Schema.Field field) {
        return docsByField.get(field.name());
    }

    /** The link facts of a document that has them. */
    LinkFacts facts(int doc) throws IOException {
        LinkFacts f = facts.get(doc);
        if (f != null) return f;
        BinaryDocValues values = DocValues.getBinary(reader, Schema.LINK_FACTS.name());
        if (!values.advanceExact(doc)) throw new IllegalStateException("document " + doc + " has no link facts");
        BytesRef b = values.binaryValue();
        f = LinkFactsCodec.decode(b.bytes, b.offset, b.length);
        facts.set(doc, f);
        return f;
    }

    private static FixedBitSet docsWith(LeafReader reader, Schema.Field f) throws IOException {
        FixedBitSet out = new FixedBitSet(Math.max(1, reader.maxDoc()));
        BinaryDocValues values = reader.getBinaryDocValues(f.name());
        if (values == null) return out;
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) out.set(doc);
        return out;
    }

    /** Every term of a field with its documents among {@code kept}; terms no kept document holds are left out. */
    private static Map<String, int[]> postings(LeafReader reader, Schema.Field f, FixedBitSet kept) throws IOException {
        Map<String, int[]> out = new HashMap<>();
        Terms terms = reader.terms(f.name());
        if (terms == null) return out;
        TermsEnum te = terms.iterator();
        PostingsEnum pe = null;
        int[] buffer = new int[16];
        for (BytesRef term = te.next(); term != null; term = te.next()) {
            pe = te.postings(pe, PostingsEnum.NONE);
            int n = 0;
            for (int doc = pe.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pe.nextDoc()) {
                if (!kept.get(doc)) continue;
                if (n == buffer.length) buffer = Arrays.copyOf(buffer, n * 2);
                buffer[n++] = doc;
            }
            if (n > 0) out.put(term.utf8ToString(), Arrays.copyOf(buffer, n));
        }
        return out;
    }
}
