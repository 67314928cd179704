package org.patchlane.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.patchlane.thread.Series;

/**
 * Keys found by term-set queries over the current index: a few term seeks per segment and key, nothing held
 * between calls. The right source for one series' links; for thousands, each seek is paid again per segment.
 */
final class IndexedFacts implements FactsSource {
    /** Only covers and patches carry link facts: a thread's review replies, far more of them, are never read. */
    private static final Query WITH_FACTS = new FieldExistsQuery(Schema.LINK_FACTS.name());

    private final IndexView view;
    private final SeriesBodies bodies;

    IndexedFacts(IndexView view, SeriesBodies bodies) {
        this.view = view;
        this.bodies = bodies;
    }

    @Override
    public List<LinkFacts> facts(List<Schema.Field> fields, Set<String> keys) throws IOException {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Schema.Field f : fields) any.add(terms(f, keys), BooleanClause.Occur.SHOULD);
        Query q = new BooleanQuery.Builder().add(any.build(), BooleanClause.Occur.MUST)
                .add(WITH_FACTS, BooleanClause.Occur.FILTER).build();
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            List<LinkFacts> out = new ArrayList<>();
            Weight w = s.createWeight(s.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                Scorer scorer = w.scorer(leaf);
                if (scorer == null) continue;
                Bits live = leaf.reader().getLiveDocs();
                BinaryDocValues facts = DocValues.getBinary(leaf.reader(), Schema.LINK_FACTS.name());
                DocIdSetIterator it = scorer.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    if (live != null && !live.get(doc) || !facts.advanceExact(doc)) continue;
                    BytesRef b = facts.binaryValue();
                    out.add(LinkFactsCodec.decode(b.bytes, b.offset, b.length));
                    if (out.size() >= LinkIndex.MAX_HITS) return out;
                }
            }
            return out;
        } finally {
            view.release(s);
        }
    }

    @Override
    public List<Series> series(Schema.Field field, Set<String> keys) throws IOException {
        Query q = new BooleanQuery.Builder().add(terms(field, keys), BooleanClause.Occur.MUST)
                .add(SeriesDocument.isSeries(), BooleanClause.Occur.FILTER).build();
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            TopFieldDocs top = s.search(q, new TopFieldCollectorManager(new Sort(SortField.FIELD_DOC),
                    LinkIndex.MAX_HITS, Integer.MAX_VALUE));
            List<Series> out = new ArrayList<>();
            for (ScoreDoc d : top.scoreDocs) out.add(bodies.read(s.getIndexReader(), d.doc));
            return out;
        } finally {
            view.release(s);
        }
    }

    /** Nothing is kept between calls: computed each time. */
    @Override
    public <T> T remembered(String stamp, String key, LinkIndex.Computation<T> compute) throws IOException {
        return compute.run();
    }

    @Override
    public boolean inMemory() {
        return false;
    }

    /** One query for many terms of a field: no clause limit, cost in the number of terms. */
    private static Query terms(Schema.Field f, Set<String> values) {
        List<BytesRef> refs = values.stream().filter(v -> !v.isEmpty()).map(BytesRef::new).toList();
        return new TermInSetQuery(f.name(), refs);
    }
}
