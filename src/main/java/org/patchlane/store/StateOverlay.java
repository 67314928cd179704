package org.patchlane.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.patchlane.review.Decision;
import org.patchlane.thread.Series;

/**
 * Makes {@code state:} terms answer with the effective state: a series document holds the state its mail gives,
 * and the maintainers' decisions and merged detection's findings live outside the index ({@link Decisions},
 * {@link MergedResults}). Each {@code state:X} term becomes
 * "indexed as X and not decided, or decided and effectively X". Decided and detected series are few (people make the one, merged series the other), so their
 * documents are read for each query that has a state term.
 */
final class StateOverlay {
    private final Map<String, String> effective;

    private StateOverlay(Map<String, String> effective) {
        this.effective = effective;
    }

    /**
     * The query with its state terms overlaid; unchanged when nothing was decided or it has no state term. The
     * effective states are computed once per index reader, decisions and merged findings ({@code memo}), not per
     * query: a series list asks several.
     */
    static Query apply(Query q, Decisions decisions, IndexSearcher s, SeriesBodies bodies, Memo memo)
            throws IOException {
        if (decisions == null || !mentionsState(q)) return q;
        Map<String, Decision> decided = decisions.latestAll();
        Map<String, org.patchlane.review.Upstream> upstream = decisions.merged().all();
        if (decided.isEmpty() && upstream.isEmpty()) return q;
        return new StateOverlay(memo.effective(s, decided, upstream, bodies)).rewrite(q);
    }

    /** The effective states last computed, and what they were computed from (compared by identity: each is kept). */
    static final class Memo {
        private Object reader;
        private Map<String, Decision> decided;
        private Map<String, org.patchlane.review.Upstream> upstream;
        private Map<String, String> effective;

        synchronized Map<String, String> effective(IndexSearcher s, Map<String, Decision> decided,
                                                   Map<String, org.patchlane.review.Upstream> upstream,
                                                   SeriesBodies bodies) throws IOException {
            if (s.getIndexReader() == reader && decided == this.decided && upstream == this.upstream) return effective;
            java.util.Set<String> overlaid = new java.util.HashSet<>(decided.keySet());
            overlaid.addAll(upstream.keySet());
            Map<String, String> out = new java.util.HashMap<>();
            for (String id : overlaid) {
                TopDocs top = s.search(new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(Schema.SERIES_ID.name(), id)), BooleanClause.Occur.MUST)
                        .add(SeriesDocument.isSeries(), BooleanClause.Occur.FILTER).build(), 1);
                if (top.scoreDocs.length == 0) continue;
                Series series = bodies.read(s.getIndexReader(), top.scoreDocs[0].doc);
                out.put(id, Decisions.effective(series, decided.get(id), upstream.get(id)).jsonName());
            }
            reader = s.getIndexReader();
            this.decided = decided;
            this.upstream = upstream;
            effective = Map.copyOf(out);
            return effective;
        }
    }

    private static boolean mentionsState(Query q) {
        if (q instanceof TermQuery t) return t.getTerm().field().equals(Schema.STATE.name());
        if (q instanceof BoostQuery b) return mentionsState(b.getQuery());
        if (q instanceof BooleanQuery b) return b.clauses().stream().anyMatch(c -> mentionsState(c.getQuery()));
        return false;
    }

    private Query rewrite(Query q) {
        if (q instanceof TermQuery t && t.getTerm().field().equals(Schema.STATE.name())) return state(t);
        if (q instanceof BoostQuery b) return new BoostQuery(rewrite(b.getQuery()), b.getBoost());
        if (q instanceof BooleanQuery b) {
            BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
            for (BooleanClause c : b.clauses()) out.add(rewrite(c.getQuery()), c.getOccur());
            return out.build();
        }
        return q;
    }

    private Query state(TermQuery t) {
        String wanted = t.getTerm().text();
        List<BytesRef> decided = new ArrayList<>();
        List<BytesRef> now = new ArrayList<>();
        for (Map.Entry<String, String> e : effective.entrySet()) {
            decided.add(new BytesRef(e.getKey()));
            if (e.getValue().equals(wanted)) now.add(new BytesRef(e.getKey()));
        }
        Query byMail = new BooleanQuery.Builder().add(t, BooleanClause.Occur.MUST)
                .add(new TermInSetQuery(Schema.SERIES_ID.name(), decided), BooleanClause.Occur.MUST_NOT).build();
        Query byDecision = now.isEmpty() ? new MatchNoDocsQuery()
                : new TermInSetQuery(Schema.SERIES_ID.name(), now);
        return new BooleanQuery.Builder().add(byMail, BooleanClause.Occur.SHOULD)
                .add(byDecision, BooleanClause.Occur.SHOULD).build();
    }
}
