package org.patchlane.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
import org.patchlane.thread.Post;
import org.patchlane.thread.Relatives;

/**
 * A whole thread as public-inbox's {@code t.mbox.gz} gives it: every message connected to the given one through
 * References and In-Reply-To, in either direction and transitively, so a reply whose References skip the root
 * still joins through the message it answers. Unlike {@link Relatives}, no change-id, title or Supersedes link
 * joins two threads: a v2 posted as a new thread is a thread of its own.
 */
final class ThreadReader {
    /** Date order, undated last, then Message-ID and list, so one thread always comes out the same. */
    static final Comparator<StoredRecord> DATE_ORDER = Comparator
            .comparing((StoredRecord r) -> r.date() == null ? Long.MAX_VALUE : r.date().toEpochMilli())
            .thenComparing(StoredRecord::messageId).thenComparing(StoredRecord::list);

    private final IndexSearcher searcher;

    ThreadReader(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** Every stored copy of every message of the thread, in {@link #DATE_ORDER}; empty when the message is unknown. */
    List<StoredRecord> thread(String messageId) throws IOException {
        Set<String> ids = ids(messageId);
        if (ids.isEmpty()) return List.of();
        List<BytesRef> terms = ids.stream().map(BytesRef::new).toList();
        TermInSetQuery q = new TermInSetQuery(Schema.MID.name(), terms);
        // Every copy: a Message-ID may be stored any number of times (cross-posts, duplicate_id).
        TopFieldDocs top = searcher.search(q, new TopFieldCollectorManager(new Sort(SortField.FIELD_DOC),
                Math.max(1, searcher.count(q)), Integer.MAX_VALUE));
        StoredFields stored = searcher.storedFields();
        List<StoredRecord> out = new ArrayList<>();
        for (ScoreDoc d : top.scoreDocs) {
            org.apache.lucene.document.Document doc = stored.document(d.doc);
            if (doc.get(Schema.DOC_TYPE.name()) == null) out.add(MessageDocument.record(doc));
        }
        out.sort(DATE_ORDER);
        return out;
    }

    /**
     * The Message-IDs of the thread: each round looks up the posts stored under {@code id:X} for the IDs found so
     * far (the message itself, its parents, and the posts naming X as a parent) and keeps those really threaded
     * to X, not the ones that only name X in {@code Supersedes:}. Stops at {@link Relatives#MAX_GROUP}, a
     * pathological References header's size.
     */
    private Set<String> ids(String messageId) throws IOException {
        PostIndex posts = new PostIndex(searcher);
        Set<String> ids = new HashSet<>();
        String start = MessageDocument.bareId(messageId);
        List<String> frontier = List.of(start);
        Set<String> probed = new HashSet<>();
        while (!frontier.isEmpty() && ids.size() < Relatives.MAX_GROUP) {
            List<String> keys = new ArrayList<>();
            for (String id : frontier) if (probed.add(id)) keys.add("id:" + id);
            Set<String> asked = new HashSet<>(frontier);
            List<String> next = new ArrayList<>();
            for (Post p : posts.byKeys(keys)) {
                boolean threaded = asked.contains(p.messageId()) || p.parents().stream().anyMatch(asked::contains);
                if (!threaded) continue;
                if (ids.add(p.messageId())) next.add(p.messageId());
                // A parent the archive never received (a phantom) still links its other children.
                for (String parent : p.parents()) if (!probed.contains(parent)) next.add(parent);
            }
            frontier = next;
        }
        return ids.contains(start) ? ids : Set.of();
    }
}
