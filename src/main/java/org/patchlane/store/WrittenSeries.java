package org.patchlane.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.patchlane.thread.Series;

/**
 * The series documents one writer has written and not deleted since, by series id, with a digest of their bytes: a
 * recomputed series whose document would be byte for byte the one already there is not written again.
 * <p>
 * During a bulk load every group of related mail that gets a message is recomputed, and all its series replaced. In
 * a profile of a million-message ingest, replacing series was 60% of the threading thread's time (inverting the
 * documents, flushing them, applying their member deletes to every segment), and that thread held the whole ingest
 * back; at 300,000 messages of that archive the series documents written fell from 42,348 to 19,092 (14,286 live).
 * <p>
 * What an entry promises: one live document has this id and these bytes, and no other live series document has any
 * of its member terms. {@link #replace}, the only writer of series documents, keeps that true: they are only deleted
 * by member terms, each deletion and each write forgets the entries whose members it touches, and only a series whose
 * every member term was deleted just before it was added is remembered. Bounded by {@link #MAX_MEMBERS} member terms, oldest use
 * forgotten first: a forgotten series is rewritten the next time, as it always was.
 */
final class WrittenSeries {
    static final int MAX_MEMBERS = 200_000;

    /** A remembered document: its id, the digest of its bytes, its member terms' hashes. */
    private record Entry(String id, byte[] digest, long[] members) {
    }

    /** In access order, so the eldest is the least recently used. */
    private final LinkedHashMap<String, Entry> byId = new LinkedHashMap<>(1024, 0.75f, true);
    /** Each member term's hash, to the one entry that holds it (a colliding hash only forgets more). */
    private final Map<Long, Entry> byMember = new HashMap<>();

    /**
     * Deletes the series documents of these messages and adds these series, except that a series whose document is
     * already there byte for byte keeps it: its members' terms are left out of the deletion. That is only sound when
     * the new series share no member, so a group whose series do keeps nothing.
     */
    synchronized void replace(IndexWriter target, Collection<String> messageIds, List<Series> series)
            throws IOException {
        List<byte[]> bodies = new ArrayList<>(series.size());
        List<List<String>> members = new ArrayList<>(series.size());
        Set<String> seen = new HashSet<>();
        boolean disjoint = true;
        for (Series s : series) {
            bodies.add(SeriesCodec.encode(s));
            List<String> terms = SeriesDocument.memberTerms(s);
            members.add(terms);
            for (String t : terms) disjoint &= seen.add(t);
        }
        byte[][] digests = new byte[series.size()][];
        boolean[] keep = new boolean[series.size()];
        Set<String> kept = new HashSet<>();
        for (int i = 0; i < series.size(); i++) {
            digests[i] = Wire.sha256(bodies.get(i));
            keep[i] = disjoint && !members.get(i).isEmpty() && holds(series.get(i).id(), digests[i]);
            if (keep[i]) kept.addAll(members.get(i));
        }
        Set<String> deleted = new LinkedHashSet<>();
        for (String id : messageIds) {
            String term = MessageDocument.bareId(id);
            if (!kept.contains(term)) deleted.add(term);
        }
        // Term deletes are buffered and applied in bulk; a query delete would run a search per segment per call.
        target.deleteDocuments(deleted.stream().map(t -> new Term(Schema.MEMBER.name(), t)).toArray(Term[]::new));
        forget(deleted);
        for (int i = 0; i < series.size(); i++) {
            if (keep[i]) continue;
            List<String> terms = members.get(i);
            target.addDocument(SeriesDocument.build(series.get(i), bodies.get(i)));
            forget(terms);
            // A series with no member term can never be kept, and nothing would ever forget it: not remembered.
            if (disjoint && !terms.isEmpty() && deleted.containsAll(terms)) {
                remember(series.get(i).id(), digests[i], terms);
            }
        }
    }

    /** Whether the live document of series {@code id} has exactly these bytes' digest. */
    synchronized boolean holds(String id, byte[] digest) {
        Entry e = byId.get(id);
        return e != null && Arrays.equals(e.digest(), digest);
    }

    /** The documents holding any of these member terms are being deleted or overlapped: forget them. */
    synchronized void forget(Collection<String> memberTerms) {
        for (String t : memberTerms) {
            Entry e = byMember.get(hash(t));
            if (e != null) remove(e);
        }
    }

    /** A document was just added whose member terms were all deleted before it, in the same replacement. */
    synchronized void remember(String id, byte[] digest, List<String> memberTerms) {
        Entry old = byId.get(id);
        if (old != null) remove(old);
        long[] members = new long[memberTerms.size()];
        for (int i = 0; i < members.length; i++) members[i] = hash(memberTerms.get(i));
        Entry e = new Entry(id, digest, members);
        byId.put(id, e);
        for (long m : members) {
            Entry other = byMember.put(m, e);
            if (other != null && other != e) remove(other);
        }
        evict();
    }

    private void evict() {
        Iterator<Entry> eldest = byId.values().iterator();
        while (byMember.size() > MAX_MEMBERS && eldest.hasNext()) {
            Entry e = eldest.next();
            eldest.remove();
            unlink(e);
        }
    }

    private void remove(Entry e) {
        byId.remove(e.id(), e);
        unlink(e);
    }

    private void unlink(Entry e) {
        for (long m : e.members()) byMember.remove(m, e);
    }

    /** A 64-bit hash of a term (FNV-1a over its chars). */
    private static long hash(String term) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < term.length(); i++) {
            h ^= term.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
