package org.patchlane.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.patchlane.thread.Post;
import org.patchlane.thread.PostLookup;

/** {@link PostLookup} over one point-in-time view: link-key terms, posts read from doc values (no stored fields). */
final class PostIndex implements PostLookup {
    private final IndexSearcher searcher;

    PostIndex(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    @Override
    public List<Post> byKeys(Collection<String> keys) throws IOException {
        List<Post> out = new ArrayList<>();
        if (keys.isEmpty()) return out;
        List<BytesRef> terms = keys.stream().map(BytesRef::new).toList();
        TermInSetQuery q = new TermInSetQuery(Schema.LINK.name(), terms);
        Weight w = searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = w.scorer(leaf);
            if (scorer == null) continue;
            Bits live = leaf.reader().getLiveDocs();
            BinaryDocValues facts = DocValues.getBinary(leaf.reader(), Schema.FACTS.name());
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live != null && !live.get(doc) || !facts.advanceExact(doc)) continue;
                BytesRef b = facts.binaryValue();
                out.add(PostCodec.decode(b.bytes, b.offset, b.length));
            }
        }
        return out;
    }
}
