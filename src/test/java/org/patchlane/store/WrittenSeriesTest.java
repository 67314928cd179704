package org.patchlane.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.mail.Address;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * An unchanged series is not written again, and whatever the replacements, the index holds exactly the series the
 * last replacement of each message named: no duplicate, no stale document kept by mistake.
 */
class WrittenSeriesTest {
    @TempDir
    Path tmp;

    @Test
    void entriesLastUntilAMemberIsDeletedOrOverlapped() {
        WrittenSeries w = new WrittenSeries();
        byte[] d1 = Wire.sha256(new byte[] {1});
        byte[] d2 = Wire.sha256(new byte[] {2});
        w.remember("a", d1, List.of("m1", "m2"));
        w.remember("b", d2, List.of("m3"));
        assertTrue(w.holds("a", d1));
        assertFalse(w.holds("a", d2), "other bytes");
        assertFalse(w.holds("c", d1), "never written");
        w.forget(List.of("m2"));
        assertFalse(w.holds("a", d1), "a document holding m2 was deleted");
        assertTrue(w.holds("b", d2));
        w.remember("c", d1, List.of("m3", "m4"));
        assertFalse(w.holds("b", d2), "a newer document holds b's member");
        assertTrue(w.holds("c", d1));
    }

    @Test
    void theLeastRecentlyUsedAreForgottenPastTheBound() {
        WrittenSeries w = new WrittenSeries();
        byte[] d = Wire.sha256(new byte[0]);
        w.remember("first", d, List.of("f"));
        for (int i = 0; i < WrittenSeries.MAX_MEMBERS; i++) {
            w.remember("s" + i, d, List.of("m" + i));
            if (i == 10) assertTrue(w.holds("first", d)); // used: now the most recent
        }
        assertTrue(w.holds("first", d), "used recently");
        assertFalse(w.holds("s0", d), "the least recently used went");
    }

    @Test
    void anUnchangedSeriesKeepsItsDocumentAndAChangedOneIsReplaced() throws Exception {
        Path data = tmp.resolve("data");
        Series a = series("aaaaaaaaaaaa", "A", List.of("a1@x", "a2@x"));
        Series b = series("bbbbbbbbbbbb", "B", List.of("b1@x"));
        List<String> group = List.of("a1@x", "a2@x", "b1@x");
        try (Archive archive = Archive.open(data)) {
            archive.replaceSeries(group, List.of(a, b));
            archive.commit(Map.of());
            assertEquals(2, seriesDocuments(data), "both written");
            archive.replaceSeries(group, List.of(a, b));
            archive.commit(Map.of());
            assertEquals(2, seriesDocuments(data), "neither written again");
            Series b2 = series("bbbbbbbbbbbb", "B v2", List.of("b1@x"));
            archive.replaceSeries(group, List.of(a, b2));
            archive.commit(Map.of());
            assertEquals(3, seriesDocuments(data), "only b rewritten");
            assertEquals(Map.of("aaaaaaaaaaaa", "A", "bbbbbbbbbbbb", "B v2"), liveTitles(data));
            // b1 moves into a: both change, and the old b must go although its id comes back with no member.
            Series a3 = series("aaaaaaaaaaaa", "A", List.of("a1@x", "a2@x", "b1@x"));
            archive.replaceSeries(group, List.of(a3));
            archive.commit(Map.of());
            assertEquals(Map.of("aaaaaaaaaaaa", "A"), liveTitles(data));
            // Series sharing a member are written whole, and a later unchanged replacement still leaves one of each.
            Series c = series("cccccccccccc", "C", List.of("a1@x"));
            archive.replaceSeries(group, List.of(a3, c));
            archive.replaceSeries(group, List.of(a3));
            archive.commit(Map.of());
            assertEquals(Map.of("aaaaaaaaaaaa", "A"), liveTitles(data));
        }
    }

    @Test
    void aSeriesWithNoMemberIsWrittenEachTime() throws Exception {
        Path data = tmp.resolve("memberless");
        Series bare = new Series("dddddddddddd", "D", null, null, 1_700_000_000_000L, List.of("l"), List.of(),
                series("dddddddddddd", "D", List.of("d@x")).versions());
        try (Archive archive = Archive.open(data)) {
            archive.replaceSeries(List.of(), List.of(bare));
            archive.replaceSeries(List.of(), List.of(bare));
            archive.commit(Map.of());
            assertEquals(2, seriesDocuments(data), "no member term deletes it, so it is never taken as kept");
        }
    }

    private static Series series(String id, String title, List<String> members) {
        SeriesPatch p = new SeriesPatch(1, 1, members.get(0), List.of(), title, "", null, null, List.of(), null,
                List.of(), List.of(), null);
        SeriesVersion v = new SeriesVersion(1, "1", null, title, new Address("Ann", "ann@x"), 0, false, false, null, "new", 0, List.of(),
                List.of(), List.of(p), null);
        return new Series(id, title, null, null, 1_700_000_000_000L, List.of("l"), members, List.of(v));
    }

    /** Series documents written and not yet merged away, live or deleted. */
    private static int seriesDocuments(Path data) throws Exception {
        try (Directory dir = FSDirectory.open(Schema.indexDir(data)); DirectoryReader r = DirectoryReader.open(dir)) {
            int n = 0;
            for (LeafReaderContext leaf : r.leaves()) {
                BinaryDocValues bodies = leaf.reader().getBinaryDocValues(Schema.SERIES_BODY.name());
                if (bodies == null) continue;
                while (bodies.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) n++;
            }
            return n;
        }
    }

    /** Each live series document's title by id; a duplicate id fails. */
    private static Map<String, String> liveTitles(Path data) throws Exception {
        Map<String, String> out = new TreeMap<>();
        List<String> ids = new ArrayList<>();
        try (Directory dir = FSDirectory.open(Schema.indexDir(data)); DirectoryReader r = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : r.leaves()) {
                BinaryDocValues bodies = leaf.reader().getBinaryDocValues(Schema.SERIES_BODY.name());
                if (bodies == null) continue;
                var live = leaf.reader().getLiveDocs();
                for (int doc = bodies.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = bodies.nextDoc()) {
                    if (live != null && !live.get(doc)) continue;
                    BytesRef b = bodies.binaryValue();
                    Series s = SeriesCodec.decode(b.bytes, b.offset, b.length);
                    ids.add(s.id());
                    out.put(s.id(), s.title());
                }
            }
        }
        assertEquals(out.size(), ids.size(), "one document per series: " + ids);
        return out;
    }
}
