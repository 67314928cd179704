package org.patchlane.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.patchlane.mail.Address;
import org.patchlane.mail.Mail;
import org.patchlane.mail.MailFlag;
import org.patchlane.mail.MailParser;
import org.patchlane.patch.MessageKind;
import org.patchlane.thread.Conversation;
import org.patchlane.thread.Post;
import org.patchlane.thread.Series;

/**
 * Reader side of the archive: search newest first with snippets, fetch by Message-ID, counts, and a stream of
 * every stored message. Usable while another process or thread writes: {@link #open} reads the last commit (and
 * picks up later commits by itself), {@link Archive#searcher} reads near-real-time. Thread-safe; close when done.
 */
public final class Searcher implements Closeable {
    /** Largest page; deeper pages cost a sort of offset + limit hits. */
    public static final int MAX_LIMIT = 1000;
    /** Deepest offset served (lore stops far earlier). */
    public static final int MAX_OFFSET = 100_000;

    private static final SortField NEWEST = newest();
    private static final Sort SORT = new Sort(NEWEST, SortField.FIELD_DOC);

    private final IndexView view;
    private final QuerySyntax syntax;
    private final Snippets snippets = new Snippets();
    private final SeriesBodies bodies = new SeriesBodies();
    private final StateOverlay.Memo overlay = new StateOverlay.Memo();
    private final LinkIndex snapshot;
    private final Decisions decisions;
    private final LinkEdits linkEdits;

    Searcher(IndexView view, Clock clock, Decisions decisions) {
        this.view = view;
        this.syntax = new QuerySyntax(clock);
        this.decisions = decisions;
        this.linkEdits = decisions == null ? null : LinkEdits.beside(decisions);
        this.snapshot = new LinkIndex(new FactsSnapshot(view, bodies, FactsSnapshot.MAX_DOCS), linkEdits);
    }

    /** A read-only searcher over the last commit in {@code dataDir}, relative dates on the system UTC clock. */
    public static Searcher open(Path dataDir) throws IOException {
        return open(dataDir, Clock.systemUTC());
    }

    /**
     * A read-only searcher over the last commit in {@code dataDir}; it sees later commits within about a second.
     *
     * @throws ArchiveNotFoundException when no archive of this schema version exists there
     */
    public static Searcher open(Path dataDir, Clock clock) throws IOException {
        return new Searcher(CommittedView.open(Schema.indexDir(dataDir), dataDir), clock, Decisions.of(dataDir));
    }

    /** Lookups of link facts by term queries over this searcher's view: for the links of one series. */
    public LinkIndex links() {
        return new LinkIndex(new IndexedFacts(view, bodies), linkEdits);
    }

    /**
     * Lookups of link facts from the archive's link keys held in memory, read per segment on first use and kept
     * while this searcher lives: for calls about every series ({@code together}, series queries on checks), and
     * for servers. The same answers as {@link #links()}.
     */
    public LinkIndex linkSnapshot() {
        return snapshot;
    }

    /** The query language this searcher uses (for {@code explain}). */
    public QuerySyntax syntax() {
        return syntax;
    }

    /**
     * The version of the index this searcher sees now: it changes whenever mail is added or removed, so a cache of
     * what was computed from the archive can tell it is stale.
     */
    public long version() throws IOException {
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            return s.getIndexReader() instanceof org.apache.lucene.index.DirectoryReader d ? d.getVersion()
                    : System.identityHashCode(s.getIndexReader());
        } finally {
            view.release(s);
        }
    }

    /** Makes everything committed (read-only) or added (near-real-time) so far visible now. Blocks. */
    public void refresh() throws IOException {
        view.refresh();
    }

    /** One page of hits, newest first, with no snippets. */
    public SearchResult search(String query, int offset, int limit) throws IOException, QuerySyntaxException {
        return search(query, offset, limit, false);
    }

    /**
     * One page of hits, newest first (undated messages last, then arrival order). Each hit is read from the doc
     * values kept for it ({@link HitSource}): no stored field is read and no mail parsed.
     *
     * @param snippets whether to cut highlighted snippets from each hit's own text
     * @throws IllegalArgumentException for offset outside 0..{@link #MAX_OFFSET} or limit outside 1..{@link #MAX_LIMIT}
     */
    public SearchResult search(String query, int offset, int limit, boolean snippets)
            throws IOException, QuerySyntaxException {
        checkPage(offset, limit);
        Query q = messagesOnly(syntax.parse(query));
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            TopFieldDocs top = s.search(q, new TopFieldCollectorManager(SORT, offset + limit, Integer.MAX_VALUE));
            ScoreDoc[] docs = top.scoreDocs;
            List<PageHit> page = pageHits(s.getIndexReader(), docs, offset);
            // Highlighting is most of what is left of a results page's time, and each hit is independent: spread
            // the hits over the cores.
            List<Hit> hits = page.parallelStream().map(p -> {
                Snippets.Snippet snip = snippets ? snippet(q, p.source().text()) : Snippets.Snippet.EMPTY;
                HitSource h = p.source();
                return new Hit(h.messageId(), h.subject(), h.from(), p.date(), h.kind(), h.list(), snip.text(),
                        snip.highlights());
            }).toList();
            return new SearchResult(query, top.totalHits.value, offset, hits);
        } catch (IndexSearcher.TooManyClauses e) {
            throw QuerySyntax.tooManyClauses(query);
        } finally {
            view.release(s);
        }
    }

    /** A hit of a page: its doc values, and its date (null: undated). */
    private record PageHit(HitSource source, Instant date) {
    }

    /**
     * The hits {@code docs[from..]} in page order, their doc values read in index order (doc values iterators only
     * go forward).
     */
    private static List<PageHit> pageHits(IndexReader reader, ScoreDoc[] docs, int from) throws IOException {
        int n = Math.max(0, docs.length - from);
        Integer[] byDoc = new Integer[n];
        for (int i = 0; i < n; i++) byDoc[i] = from + i;
        java.util.Arrays.sort(byDoc, java.util.Comparator.comparingInt(i -> docs[i].doc));
        List<LeafReaderContext> leaves = reader.leaves();
        PageHit[] out = new PageHit[n];
        int leaf = -1;
        BinaryDocValues sources = null;
        NumericDocValues dates = null;
        for (int i : byDoc) {
            int doc = docs[i].doc;
            int l = ReaderUtil.subIndex(doc, leaves);
            if (l != leaf) {
                leaf = l;
                sources = DocValues.getBinary(leaves.get(l).reader(), Schema.HIT.name());
                dates = DocValues.getNumeric(leaves.get(l).reader(), Schema.DATE.name());
            }
            int local = doc - leaves.get(l).docBase;
            if (!sources.advanceExact(local)) throw new IllegalStateException("message document without hit doc values");
            Instant date = dates.advanceExact(local) ? Instant.ofEpochMilli(dates.longValue()) : null;
            out[i - from] = new PageHit(HitCodec.decode(sources.binaryValue()), date);
        }
        return List.of(out);
    }

    /** Every stored message with this Message-ID (brackets optional), in arrival order; normally one, else empty. */
    public List<StoredRecord> get(String messageId) throws IOException {
        Objects.requireNonNull(messageId, "messageId");
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            TopFieldDocs top = s.search(new TermQuery(new Term(Schema.MID.name(), MessageDocument.bareId(messageId))),
                    new TopFieldCollectorManager(new Sort(SortField.FIELD_DOC), MAX_LIMIT, Integer.MAX_VALUE));
            StoredFields stored = s.storedFields();
            List<StoredRecord> out = new ArrayList<>();
            for (ScoreDoc d : top.scoreDocs) out.add(MessageDocument.record(stored.document(d.doc)));
            // the copy stored first, then the later ones: a parallel reindex need not keep their document order
            out.sort(java.util.Comparator.comparing(r -> r.flags().contains(MailFlag.DUPLICATE_ID)));
            return out;
        } finally {
            view.release(s);
        }
    }

    /**
     * The whole thread of a message, as public-inbox's {@code t.mbox.gz} has it: every stored copy of every message
     * tied to it by References or In-Reply-To (either way, transitively), by date; empty when it is not stored.
     */
    public List<StoredRecord> thread(String messageId) throws IOException {
        Objects.requireNonNull(messageId, "messageId");
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            return new ThreadReader(s).thread(messageId);
        } finally {
            view.release(s);
        }
    }

    /** Counts over the whole archive. Cost: a few term counts, plus a walk of the list names. */
    public Stats stats() throws IOException {
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            BooleanQuery.Builder anyFlag = new BooleanQuery.Builder();
            for (MailFlag f : MailFlag.values()) {
                anyFlag.add(new TermQuery(new Term(Schema.FLAG.name(), f.jsonName())), BooleanClause.Occur.SHOULD);
            }
            int series = s.count(SeriesDocument.isSeries());
            return new Stats(s.getIndexReader().numDocs() - series, s.count(anyFlag.build()),
                    kind(s, MessageKind.PATCH), kind(s, MessageKind.COVER), kind(s, MessageKind.PULL),
                    kind(s, MessageKind.REPLY), series, lists(s), bytes(s));
        } finally {
            view.release(s);
        }
    }

    /**
     * The source cursors of the commit this searcher sees (near-real-time: the last one set on the writer), sorted
     * by key: what each source has delivered for good.
     */
    public Map<String, String> cursors() throws IOException {
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            if (!(s.getIndexReader() instanceof DirectoryReader reader)) return Map.of();
            return Archive.cursorsIn(reader.getIndexCommit().getUserData());
        } finally {
            view.release(s);
        }
    }

    /** Streams every stored message in index order, raw bytes included, over one point-in-time view. */
    public void forEach(Consumer<StoredRecord> action) throws IOException {
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                LeafReader reader = leaf.reader();
                Bits live = reader.getLiveDocs();
                StoredFields stored = reader.storedFields();
                for (int doc = 0; doc < reader.maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) continue;
                    org.apache.lucene.document.Document d = stored.document(doc);
                    if (d.get(Schema.DOC_TYPE.name()) == null) action.accept(MessageDocument.record(d));
                }
            }
        } finally {
            view.release(s);
        }
    }

    /**
     * One page of series, most recent activity first.
     *
     * @param query any query; prefixes reach the series' titles, people, versions, files, lists, states
     */
    public SeriesPage series(String query, int offset, int limit) throws IOException, QuerySyntaxException {
        checkPage(offset, limit);
        Query parsed = query == null || query.isBlank() ? new MatchAllDocsQuery() : syntax.parse(query);
        Query q = new BooleanQuery.Builder().add(parsed, BooleanClause.Occur.MUST)
                .add(SeriesDocument.isSeries(), BooleanClause.Occur.FILTER).build();
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            q = StateOverlay.apply(q, decisions, s, bodies, overlay);
            TopFieldDocs top = s.search(q, new TopFieldCollectorManager(SORT, offset + limit, Integer.MAX_VALUE));
            List<Series> out = new ArrayList<>();
            for (int i = offset; i < top.scoreDocs.length; i++) {
                out.add(bodies.read(s.getIndexReader(), top.scoreDocs[i].doc));
            }
            return new SeriesPage(query == null ? "" : query, top.totalHits.value, offset, out);
        } catch (IndexSearcher.TooManyClauses e) {
            throw QuerySyntax.tooManyClauses(query);
        } finally {
            view.release(s);
        }
    }

    /**
     * The series a key names: a series id, the Message-ID of any mail of the series (or of a reply about it), or a
     * b4 change-id. Empty when none.
     */
    public Optional<Series> seriesOf(String key) throws IOException {
        Objects.requireNonNull(key, "key");
        String k = MessageDocument.bareId(key);
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            for (Schema.Field f : List.of(Schema.SERIES_ID, Schema.MEMBER, Schema.CHANGE_ID)) {
                Query q = new BooleanQuery.Builder().add(new TermQuery(new Term(f.name(), k)), BooleanClause.Occur.MUST)
                        .add(SeriesDocument.isSeries(), BooleanClause.Occur.FILTER).build();
                TopFieldDocs top = s.search(q, new TopFieldCollectorManager(SORT, 1, Integer.MAX_VALUE));
                if (top.scoreDocs.length > 0) {
                    return Optional.of(bodies.read(s.getIndexReader(), top.scoreDocs[0].doc));
                }
            }
            return Optional.empty();
        } finally {
            view.release(s);
        }
    }

    /**
     * The thread of a message (brackets optional), nested by reply, read from the posts kept in doc values (no mail
     * is parsed); null when the archive has no such message. Cost: one term-set query per level of the thread.
     */
    public Conversation conversation(String messageId) throws IOException {
        Objects.requireNonNull(messageId, "messageId");
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            return Conversation.of(MessageDocument.bareId(messageId), new PostIndex(s));
        } finally {
            view.release(s);
        }
    }

    /**
     * Messages per UTC day over the archive's last {@code days} days: ending on the day of its newest dated message
     * (so an old archive still shows its activity), starting no earlier than its oldest. Undated mail is not counted.
     * Cost: two reads of the date points' bounds and one pass over the messages of those days, each day found from
     * the date doc value (it was one count query per day).
     */
    public DailyCounts messagesPerDay(int days) throws IOException {
        if (days < 1) throw new IllegalArgumentException("days must be positive: " + days);
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            IndexReader reader = s.getIndexReader();
            byte[] min = PointValues.getMinPackedValue(reader, Schema.DATE.name());
            byte[] max = PointValues.getMaxPackedValue(reader, Schema.DATE.name());
            if (min == null || max == null) return DailyCounts.NONE;
            LocalDate oldest = day(LongPoint.decodeDimension(min, 0));
            LocalDate last = day(LongPoint.decodeDimension(max, 0));
            LocalDate first = last.minusDays(days - 1L).isBefore(oldest) ? oldest : last.minusDays(days - 1L);
            long from = first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            int n = (int) (last.toEpochDay() - first.toEpochDay() + 1);
            long[] perDay = new long[n];
            Query range = messagesOnly(LongPoint.newRangeQuery(Schema.DATE.name(), from, from + n * DAY_MILLIS - 1));
            Weight w = s.createWeight(s.rewrite(range), ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext leaf : reader.leaves()) {
                Scorer scorer = w.scorer(leaf);
                if (scorer == null) continue;
                Bits live = leaf.reader().getLiveDocs();
                NumericDocValues dates = DocValues.getNumeric(leaf.reader(), Schema.DATE.name());
                DocIdSetIterator it = scorer.iterator();
                for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    if (live != null && !live.get(doc) || !dates.advanceExact(doc)) continue;
                    perDay[(int) Math.floorDiv(dates.longValue() - from, DAY_MILLIS)]++;
                }
            }
            List<Long> counts = new ArrayList<>(n);
            for (long c : perDay) counts.add(c);
            return new DailyCounts(first, counts);
        } finally {
            view.release(s);
        }
    }

    private static final long DAY_MILLIS = 86_400_000L;

    private static LocalDate day(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /**
     * Every series whose last activity is at or after an instant, most recent activity first: the series a period
     * starting then can speak of (every mail of a series, replies included, is dated at or before its last
     * activity). Cost: one point-range query and a read of each series' body.
     */
    public List<Series> seriesActiveSince(Instant since) throws IOException {
        Query q = new BooleanQuery.Builder()
                .add(LongPoint.newRangeQuery(Schema.DATE.name(), since.toEpochMilli(), Long.MAX_VALUE),
                        BooleanClause.Occur.MUST)
                .add(SeriesDocument.isSeries(), BooleanClause.Occur.FILTER).build();
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            int n = Math.max(1, s.count(q));
            TopFieldDocs top = s.search(q, new TopFieldCollectorManager(SORT, n, Integer.MAX_VALUE));
            List<Series> out = new ArrayList<>();
            for (ScoreDoc d : top.scoreDocs) out.add(bodies.read(s.getIndexReader(), d.doc));
            return out;
        } finally {
            view.release(s);
        }
    }

    /**
     * The posts (threading's facts: sender, date, parents, trailers, notices) of these Message-IDs, read from doc
     * values without parsing mail; a Message-ID not stored is absent. One copy per Message-ID (a cross-posted
     * mail's copies carry the same facts).
     */
    public Map<String, Post> posts(java.util.Collection<String> messageIds) throws IOException {
        return posts(messageIds, null);
    }

    /** {@link #posts(java.util.Collection)} of the messages dated at or after {@code since} only (null: all). */
    public Map<String, Post> posts(java.util.Collection<String> messageIds, Instant since) throws IOException {
        java.util.Set<String> wanted = new java.util.HashSet<>();
        List<BytesRef> terms = new ArrayList<>();
        for (String id : messageIds) {
            String bare = MessageDocument.bareId(id);
            if (wanted.add(bare)) terms.add(new BytesRef(bare));
        }
        Map<String, Post> out = new java.util.HashMap<>();
        if (terms.isEmpty()) return out;
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            // By the Message-ID term, not the link keys: those also hold every reply of each message asked.
            Query q = new org.apache.lucene.search.TermInSetQuery(Schema.MID.name(), terms);
            if (since != null) {
                q = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST).add(LongPoint.newRangeQuery(
                        Schema.DATE.name(), since.toEpochMilli(), Long.MAX_VALUE), BooleanClause.Occur.FILTER).build();
            }
            org.apache.lucene.search.Weight w = s.createWeight(s.rewrite(q),
                    org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                org.apache.lucene.search.Scorer scorer = w.scorer(leaf);
                if (scorer == null) continue;
                Bits live = leaf.reader().getLiveDocs();
                org.apache.lucene.index.BinaryDocValues facts =
                        org.apache.lucene.index.DocValues.getBinary(leaf.reader(), Schema.FACTS.name());
                org.apache.lucene.search.DocIdSetIterator it = scorer.iterator();
                for (int doc = it.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                     doc = it.nextDoc()) {
                    if (live != null && !live.get(doc) || !facts.advanceExact(doc)) continue;
                    BytesRef b = facts.binaryValue();
                    Post p = PostCodec.decode(b.bytes, b.offset, b.length);
                    out.putIfAbsent(p.messageId(), p);
                }
            }
            return out;
        } finally {
            view.release(s);
        }
    }

    /**
     * The stored messages of one kind dated in {@code [since, until)}, oldest first (each copy of a cross-posted
     * mail). Cost: one query and a read of each hit's stored fields.
     */
    public List<StoredRecord> messages(MessageKind kind, Instant since, Instant until) throws IOException {
        Query q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Schema.KIND.name(), kind.jsonName())), BooleanClause.Occur.MUST)
                .add(LongPoint.newRangeQuery(Schema.DATE.name(), since.toEpochMilli(), until.toEpochMilli() - 1),
                        BooleanClause.Occur.FILTER).build();
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            int n = Math.max(1, s.count(messagesOnly(q)));
            TopFieldDocs top = s.search(messagesOnly(q), new TopFieldCollectorManager(SORT, n, Integer.MAX_VALUE));
            StoredFields stored = s.storedFields();
            List<StoredRecord> out = new ArrayList<>();
            for (ScoreDoc d : top.scoreDocs) out.add(MessageDocument.record(stored.document(d.doc)));
            java.util.Collections.reverse(out);
            return out;
        } finally {
            view.release(s);
        }
    }

    /** The maintainers' decisions beside this archive: the state overlay of series queries reads them. */
    public Decisions decisions() {
        return decisions;
    }

    /** The maintainers' link edits beside this archive, which its link lookups honour; null without decisions. */
    public LinkEdits linkEdits() {
        return linkEdits;
    }

    @Override
    public void close() throws IOException {
        if (decisions != null) decisions.close();
        if (linkEdits != null) linkEdits.close();
        view.close();
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0 || offset > MAX_OFFSET) throw new IllegalArgumentException("offset out of range: " + offset);
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit out of range: " + limit);
    }

    /** Message searches never return series documents. */
    private static Query messagesOnly(Query q) {
        return new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST)
                .add(SeriesDocument.isSeries(), BooleanClause.Occur.MUST_NOT).build();
    }

    private static int kind(IndexSearcher s, MessageKind kind) throws IOException {
        return s.count(new TermQuery(new Term(Schema.KIND.name(), kind.jsonName())));
    }

    private static Map<String, Long> lists(IndexSearcher s) throws IOException {
        TreeMap<String, Long> names = new TreeMap<>();
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(Schema.LIST.name());
            if (terms == null) continue;
            TermsEnum it = terms.iterator();
            for (BytesRef t = it.next(); t != null; t = it.next()) names.put(t.utf8ToString(), 0L);
        }
        for (Map.Entry<String, Long> e : names.entrySet()) {
            e.setValue((long) s.count(messagesOnly(new TermQuery(new Term(Schema.LIST.name(), e.getKey())))));
        }
        return names;
    }

    private static long bytes(IndexSearcher s) throws IOException {
        if (!(s.getIndexReader() instanceof DirectoryReader reader)) return 0;
        Directory dir = reader.directory();
        long total = 0;
        for (String file : dir.listAll()) {
            try {
                total += dir.fileLength(file);
            } catch (NoSuchFileException gone) {
                // A merge deleted it between listing and sizing: it is no longer part of the index.
            }
        }
        return total;
    }

    private Snippets.Snippet snippet(Query q, String text) {
        try {
            return snippets.of(q, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SortField newest() {
        SortField f = new SortField(Schema.DATE.name(), SortField.Type.LONG, true);
        f.setMissingValue(Long.MIN_VALUE);
        return f;
    }
    /**
     * Every address with this local part (case ignored) in the From, To or Cc of stored mail, From first, newest
     * messages first, from at most {@code maxMessages} messages: what turns an address an archive masked
     * ({@code jgg@xxxxxxxxxx}) back into one the person uses. Cost: one term query and a header parse per message.
     */
    public List<SeenAddress> addressesWithLocalPart(String localPart, int maxMessages) throws IOException {
        String local = localPart.strip().toLowerCase(Locale.ROOT);
        if (local.isEmpty() || maxMessages < 1) return List.of();
        BooleanQuery.Builder anyHeader = new BooleanQuery.Builder();
        for (Schema.Field f : List.of(Schema.FROM, Schema.TO, Schema.CC)) {
            BooleanQuery.Builder words = new BooleanQuery.Builder();
            try (TextAnalyzer analyzer = new TextAnalyzer();
                 TokenStream ts = analyzer.tokenStream(f.name(), local)) {
                var term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) words.add(new TermQuery(new Term(f.name(), term.toString())), BooleanClause.Occur.MUST);
                ts.end();
            }
            anyHeader.add(words.build(), BooleanClause.Occur.SHOULD);
        }
        view.maybeRefresh();
        IndexSearcher s = view.acquire();
        try {
            TopFieldDocs top = s.search(messagesOnly(anyHeader.build()),
                    new TopFieldCollectorManager(SORT, Math.min(maxMessages, MAX_LIMIT), Integer.MAX_VALUE));
            StoredFields stored = s.storedFields();
            List<SeenAddress> from = new ArrayList<>();
            List<SeenAddress> toCc = new ArrayList<>();
            for (ScoreDoc d : top.scoreDocs) {
                StoredRecord r = MessageDocument.record(stored.document(d.doc));
                Mail mail = MailParser.parse(r.raw(), r.envelopeDate(), r.truncated());
                addLocal(from, local, List.of(mail.from()), SeenAddress.Header.FROM);
                addLocal(toCc, local, mail.to(), SeenAddress.Header.TO);
                addLocal(toCc, local, mail.cc(), SeenAddress.Header.CC);
            }
            from.addAll(toCc);
            return from;
        } finally {
            view.release(s);
        }
    }

    private static void addLocal(List<SeenAddress> out, String local, List<Address> people,
                                 SeenAddress.Header header) {
        for (Address a : people) {
            int at = a.email().lastIndexOf('@');
            if (at > 0 && a.email().substring(0, at).equals(local)) out.add(new SeenAddress(a, header));
        }
    }
}
