package org.patchlane.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.patchlane.patch.MessageKind;
import org.patchlane.thread.Series;

/**
 * Reader side of the link facts: which stored covers and patches define, export or use symbols, name a
 * dependency, or reply into a thread, and which series hold given messages. Each lookup is one term-set query
 * over the index (no scan of the archive), so links can be computed whenever they are asked for and are always
 * as current as the index. Obtained from {@link Searcher#links()}; thread-safe.
 */
public final class LinkIndex {
    /** Most messages one lookup returns: a symbol used by more patches than this is no evidence of anything. */
    public static final int MAX_HITS = 2_000;

    private final IndexView view;

    LinkIndex(IndexView view) {
        this.view = view;
    }

    /** The link facts of these messages (covers and patches; others have none), by Message-ID. */
    public Map<String, LinkFacts> facts(Collection<String> messageIds) throws IOException {
        Map<String, LinkFacts> out = new LinkedHashMap<>();
        for (LinkFacts f : find(terms(Schema.MID, bare(messageIds)))) out.putIfAbsent(f.messageId(), f);
        return out;
    }

    /** Covers and patches whose added code uses any of these symbols. */
    public List<LinkFacts> using(Collection<String> symbols) throws IOException {
        return find(terms(Schema.USES, symbols));
    }

    /** Covers and patches that define (or export) any of these symbols. */
    public List<LinkFacts> defining(Collection<String> symbols) throws IOException {
        return find(terms(Schema.DEFINES, symbols));
    }

    /** Covers and patches that name any of these Message-IDs, change-ids or patch-ids as a dependency. */
    public List<LinkFacts> dependingOn(Collection<String> keys) throws IOException {
        return find(terms(Schema.DEPENDS, keys));
    }

    /**
     * Covers and patches posted in reply to any of these messages (their In-Reply-To or References). Only covers
     * and patches carry link facts, so the query keeps to them: a thread's review replies, far more of them, would
     * each cost a stored document read (a compressed block) to be dropped.
     */
    public List<LinkFacts> repliesTo(Collection<String> messageIds) throws IOException {
        Set<String> ids = bare(messageIds);
        Query replying = new BooleanQuery.Builder()
                .add(terms(Schema.IRT, ids), BooleanClause.Occur.SHOULD)
                .add(terms(Schema.REF, ids), BooleanClause.Occur.SHOULD).build();
        return find(new BooleanQuery.Builder().add(replying, BooleanClause.Occur.MUST)
                .add(WITH_FACTS, BooleanClause.Occur.FILTER).build());
    }

    /** The messages that carry link facts: covers and patches ({@link MessageDocument}'s linkFacts). */
    private static final Query WITH_FACTS = new BooleanQuery.Builder()
            .add(new TermQuery(new Term(Schema.KIND.name(), MessageKind.PATCH.jsonName())), BooleanClause.Occur.SHOULD)
            .add(new TermQuery(new Term(Schema.KIND.name(), MessageKind.COVER.jsonName())), BooleanClause.Occur.SHOULD)
            .build();

    /** Message-IDs of the covers and patches with any of these git patch-ids. */
    public List<String> withPatchId(Collection<String> patchIds) throws IOException {
        return find(terms(Schema.PATCH_ID, patchIds.stream().map(p -> p.toLowerCase(java.util.Locale.ROOT)).toList()))
                .stream().map(LinkFacts::messageId).toList();
    }

    /** The series that hold each of these messages (as a posting or a reply about it), by Message-ID. */
    public Map<String, Series> seriesOf(Collection<String> messageIds) throws IOException {
        Set<String> ids = bare(messageIds);
        Map<String, Series> out = new LinkedHashMap<>();
        if (ids.isEmpty()) return out;
        Query q = new BooleanQuery.Builder().add(terms(Schema.MEMBER, ids), BooleanClause.Occur.MUST)
                .add(SeriesDocument.isSeries(), BooleanClause.Occur.FILTER).build();
        for (Series s : series(q)) {
            for (String m : s.members()) if (ids.contains(m)) out.putIfAbsent(m, s);
        }
        return out;
    }

    /** The series with each of these b4 change-ids, by change-id. */
    public Map<String, Series> seriesWithChangeId(Collection<String> changeIds) throws IOException {
        Map<String, Series> out = new LinkedHashMap<>();
        if (changeIds.isEmpty()) return out;
        Query q = new BooleanQuery.Builder().add(terms(Schema.CHANGE_ID, changeIds), BooleanClause.Occur.MUST)
                .add(SeriesDocument.isSeries(), BooleanClause.Occur.FILTER).build();
        for (Series s : series(q)) {
            if (s.changeId() != null) out.putIfAbsent(s.changeId(), s);
        }
        return out;
    }

    /** The link facts of the matching documents, read from doc values: no stored (compressed, raw-mail) block. */
    private List<LinkFacts> find(Query q) throws IOException {
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
                    if (out.size() >= MAX_HITS) return out;
                }
            }
            return out;
        } finally {
            view.release(s);
        }
    }

    /** The series documents a query matches, in index order. */
    private List<Series> series(Query q) throws IOException {
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            TopFieldDocs top = s.search(q, new TopFieldCollectorManager(new Sort(SortField.FIELD_DOC), MAX_HITS,
                    Integer.MAX_VALUE));
            List<Series> out = new ArrayList<>();
            for (ScoreDoc d : top.scoreDocs) out.add(SeriesDocument.read(s.getIndexReader(), d.doc));
            return out;
        } finally {
            view.release(s);
        }
    }

    /** One query for many terms of a field: no clause limit, cost in the number of terms. */
    private static Query terms(Schema.Field f, Collection<String> values) {
        List<BytesRef> refs = values.stream().filter(v -> !v.isEmpty()).distinct().map(BytesRef::new).toList();
        return new TermInSetQuery(f.name(), refs);
    }

    private static Set<String> bare(Collection<String> ids) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String id : ids) out.add(MessageDocument.bareId(id));
        return out;
    }
}
