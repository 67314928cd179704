package org.patchlane.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.Bits;

/**
 * One reader's link keys: its segments' {@link LeafFacts} joined into one map per field, by index-wide doc id, so a
 * key costs one hash lookup however many segments there are (a 100,000-message archive has about thirty). Built
 * when a reader is first asked, from segments read before where they are still there. Immutable.
 */
final class ReaderFacts {
    private static final int[] NONE = new int[0];

    private final IndexReader reader;
    private final List<LeafReaderContext> leaves;
    private final List<LeafFacts> byLeaf;
    private final Map<String, Map<String, int[]>> docsByField = new HashMap<>();
    /** Values computed from this reader's answers and one state of the link edits ({@link LinkIndex#remembered}). */
    private volatile Memo memo = new Memo("", new java.util.concurrent.ConcurrentHashMap<>());

    /** The values kept under one link-edit stamp. */
    private record Memo(String stamp, Map<String, Object> values) {
    }

    ReaderFacts(IndexReader reader, List<LeafFacts> byLeaf) {
        this.reader = reader;
        this.leaves = reader.leaves();
        this.byLeaf = List.copyOf(byLeaf);
        List<Schema.Field> fields = new ArrayList<>(LeafFacts.MESSAGE_FIELDS);
        fields.addAll(LeafFacts.SERIES_FIELDS);
        for (Schema.Field f : fields) {
            Map<String, int[]> joined = new HashMap<>();
            for (int i = 0; i < leaves.size(); i++) {
                int base = leaves.get(i).docBase;
                for (Map.Entry<String, int[]> e : byLeaf.get(i).docs(f).entrySet()) {
                    int[] docs = e.getValue();
                    int[] before = joined.get(e.getKey());
                    int at = before == null ? 0 : before.length;
                    int[] all = before == null ? new int[docs.length] : Arrays.copyOf(before, at + docs.length);
                    for (int d = 0; d < docs.length; d++) all[at + d] = base + docs[d];
                    joined.put(e.getKey(), all);
                }
            }
            docsByField.put(f.name(), joined);
        }
    }

    IndexReader reader() {
        return reader;
    }

    /** The values kept under this stamp; another stamp than the last starts afresh (an edit changes links). */
    Map<String, Object> remembered(String stamp) {
        Memo m = memo;
        if (m.stamp().equals(stamp)) return m.values();
        synchronized (this) {
            if (!memo.stamp().equals(stamp)) memo = new Memo(stamp, new java.util.concurrent.ConcurrentHashMap<>());
            return memo.values();
        }
    }

    /** The live documents holding any key in any field, ascending, each once (a disjunction of term queries). */
    int[] docs(List<Schema.Field> fields, Set<String> keys) {
        int[] all = NONE;
        int n = 0;
        for (Schema.Field f : fields) {
            Map<String, int[]> byKey = docsByField.get(f.name());
            for (String key : keys) {
                int[] docs = byKey.getOrDefault(key, NONE);
                if (docs.length == 0) continue;
                if (n + docs.length > all.length) all = Arrays.copyOf(all, Math.max(2 * all.length, n + docs.length));
                System.arraycopy(docs, 0, all, n, docs.length);
                n += docs.length;
            }
        }
        Arrays.sort(all, 0, n);
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (kept > 0 && all[i] == all[kept - 1] || !live(all[i])) continue;
            all[kept++] = all[i];
        }
        return Arrays.copyOf(all, kept);
    }

    /** The link facts of a document found by {@link #docs}. */
    LinkFacts facts(int doc) throws IOException {
        int leaf = ReaderUtil.subIndex(doc, leaves);
        return byLeaf.get(leaf).facts(doc - leaves.get(leaf).docBase);
    }

    private boolean live(int doc) {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Bits live = leaf.reader().getLiveDocs();
        return live == null || live.get(doc - leaf.docBase);
    }
}
