package org.patchlane.store;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Writer-side idempotence for one {@link IndexWriter}: is this uid (Message-ID + content hash) or this Message-ID
 * already stored? Answers from a near-real-time reader plus the keys added since that reader was opened.
 * <p>
 * Correctness under concurrency: adds of the same Message-ID serialise on a lock stripe, so two threads never both
 * see "absent"; the reader is swapped and the in-memory keys cleared together under an exclusive lock while no add
 * is in flight, so every key is always in the reader or in memory. Commits do not matter: the reader is over the
 * writer, which sees committed and uncommitted documents alike.
 */
final class Deduper implements Closeable {
    /**
     * Keys held in memory before the reader is reopened. Each reopen flushes a segment, so not too small; each key is
     * about 200 bytes, so 20 000 keys stay under 10 MB next to the 64 MB indexing buffer.
     */
    static final int PENDING_LIMIT = 20_000;
    private static final int STRIPES = 64;

    private final IndexWriter writer;
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final Object[] stripes = new Object[STRIPES];
    private final Set<String> pendingUids = ConcurrentHashMap.newKeySet();
    private final Set<String> pendingMids = ConcurrentHashMap.newKeySet();
    private volatile DirectoryReader reader;
    private final ThreadLocal<Lookup> lookups = new ThreadLocal<>();

    Deduper(IndexWriter writer) throws IOException {
        this.writer = writer;
        this.reader = DirectoryReader.open(writer);
        for (int i = 0; i < STRIPES; i++) stripes[i] = new Object();
    }

    /** Stores the message unless its uid is known; flags it {@code duplicate_id} when its Message-ID is. */
    AddOutcome add(StoredMessage m) throws IOException {
        String uid = MessageDocument.uid(m);
        String mid = MessageDocument.messageId(m);
        AddOutcome outcome;
        gate.readLock().lock();
        try {
            synchronized (stripes[Math.floorMod(mid.hashCode(), STRIPES)]) {
                // The uid starts with the Message-ID: a Message-ID never stored (nearly every mail of a bulk load)
                // needs no uid lookup, which was half of these term lookups.
                boolean duplicate = pendingMids.contains(mid) || has(Schema.MID, mid);
                if (duplicate && (pendingUids.contains(uid) || has(Schema.UID, uid))) return AddOutcome.UNCHANGED;
                writer.addDocument(MessageDocument.build(m, uid, duplicate));
                pendingMids.add(mid);
                pendingUids.add(uid);
                outcome = duplicate ? AddOutcome.DUPLICATE_ID : AddOutcome.ADDED;
            }
        } finally {
            gate.readLock().unlock();
        }
        if (pendingUids.size() >= PENDING_LIMIT) refresh();
        return outcome;
    }

    /**
     * Deletes every stored copy of exactly this message (same Message-ID and bytes); returns whether one was stored.
     * Reopens the reader at once so that the deletion is seen by the next {@link #add}: a deletion is rare (a
     * public-inbox {@code d}), a re-add of the same message after it must store it again.
     */
    boolean remove(StoredMessage m) throws IOException {
        String uid = MessageDocument.uid(m);
        boolean stored;
        gate.writeLock().lock();
        try {
            stored = pendingUids.contains(uid) || has(Schema.UID, uid);
            if (stored) writer.deleteDocuments(new Term(Schema.UID.name(), uid));
        } finally {
            gate.writeLock().unlock();
        }
        if (stored) refresh();
        return stored;
    }

    /** Reopens the reader over everything added so far and forgets the in-memory keys. */
    void refresh() throws IOException {
        gate.writeLock().lock();
        try {
            DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
            if (newer != null) {
                reader.close();
                reader = newer;
            }
            pendingUids.clear();
            pendingMids.clear();
        } finally {
            gate.writeLock().unlock();
        }
    }

    /**
     * Term lookup in the reader, among live documents: a deleted document keeps its terms until a merge. Segments
     * without deletions (nearly all) answer from the terms dictionary alone. Each thread keeps its terms enums for
     * the current reader: a fresh enum per segment per lookup allocated 40% of ingest's garbage in the profile.
     */
    private boolean has(Schema.Field field, String value) throws IOException {
        Lookup lookup = lookups.get();
        if (lookup == null || lookup.reader != reader) {
            lookup = new Lookup(reader);
            lookups.set(lookup);
        }
        return lookup.has(field == Schema.UID ? 0 : 1, field.name(), new BytesRef(value));
    }

    /** One thread's terms enums over one reader, by field (uid, Message-ID) and segment. */
    private static final class Lookup {
        final DirectoryReader reader;
        private final TermsEnum[][] enums;
        private PostingsEnum docs;

        Lookup(DirectoryReader reader) {
            this.reader = reader;
            this.enums = new TermsEnum[2][reader.leaves().size()];
        }

        boolean has(int field, String name, BytesRef term) throws IOException {
            List<LeafReaderContext> leaves = reader.leaves();
            for (int i = 0; i < leaves.size(); i++) {
                LeafReaderContext leaf = leaves.get(i);
                TermsEnum it = enums[field][i];
                if (it == null) {
                    Terms terms = leaf.reader().terms(name);
                    if (terms == null) continue;
                    it = enums[field][i] = terms.iterator();
                }
                if (!it.seekExact(term)) continue;
                Bits live = leaf.reader().getLiveDocs();
                if (live == null) return true;
                docs = it.postings(docs, PostingsEnum.NONE);
                for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
                    if (live.get(d)) return true;
                }
            }
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        gate.writeLock().lock();
        try {
            reader.close();
        } finally {
            gate.writeLock().unlock();
        }
    }
}
