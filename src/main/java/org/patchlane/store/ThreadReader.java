package org.patchlane.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.patchlane.thread.Conversation;
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
     * The Message-IDs of the thread: the thread page's walk ({@link Conversation#walk}), stopped at
     * {@link Relatives#MAX_GROUP}, a pathological References header's size.
     */
    private Set<String> ids(String messageId) throws IOException {
        String start = MessageDocument.bareId(messageId);
        Conversation.Walk walk = Conversation.walk(start, new PostIndex(searcher), Relatives.MAX_GROUP);
        return walk.found(start) ? walk.ids() : Set.of();
    }
}
