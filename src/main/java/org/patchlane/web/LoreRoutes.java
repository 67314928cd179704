package org.patchlane.web;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import org.patchlane.ingest.Analyzer;
import org.patchlane.link.SeriesSearch;
import org.patchlane.mail.Mail;
import org.patchlane.report.MessageCopies;
import org.patchlane.report.RawMbox;
import org.patchlane.review.Policy;
import org.patchlane.store.Hit;
import org.patchlane.store.QuerySyntaxException;
import org.patchlane.store.SearchResult;
import org.patchlane.store.Searcher;
import org.patchlane.store.StoredRecord;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * The public-inbox URLs b4 and lei fetch, answered as lore answers them: {@code /{list}/{msgid}/t.mbox.gz} (the
 * whole thread), {@code /{list}/?q=QUERY&x=m} by GET or POST (the hits, {@code t=1}: their whole threads), both as
 * gzipped mboxrd ({@code application/gzip}, {@code Content-Disposition: inline; filename=...mbox.gz}, each copy's
 * stored bytes after a {@code From mboxrd@z} line); the Atom feeds {@code /{list}/new.atom} and
 * {@code /{list}/{msgid}/t.atom}; and {@code /series.atom?q=}, new series and versions matching a series query.
 * {@code {list}} is a list name or {@code all}: every list, every stored copy.
 */
final class LoreRoutes {
    /** Entries per feed: public-inbox's default {@code feedmax}. */
    static final int FEED_ENTRIES = 25;
    /** Most hits one {@code x=m} download holds (each may bring its thread); lore streams every hit. */
    static final int MAX_RESULTS = 10_000;
    /** Series read for {@code /series.atom}, so the newest versions are among them. */
    private static final int SERIES_SCANNED = 100;
    private static final String GZIP = "application/gzip";

    private final Searcher searcher;
    private final Policy policy;
    private final Handler searchPage;

    /** @param searchPage the HTML search page {@code /{list}/?q=} answers without {@code x=m} */
    LoreRoutes(Searcher searcher, Policy policy, Handler searchPage) {
        this.searcher = searcher;
        this.policy = policy;
        this.searchPage = searchPage;
    }

    /** The routes, to register before the catch-all {@code /{list}/{msgid}} (first match wins). */
    void register(RoutesConfig app) {
        app.get("/series.atom", this::seriesAtom);
        app.get("/{list}/new.atom", this::newAtom);
        app.get("/{list}/{msgid}/t.mbox.gz", this::threadMbox);
        app.get("/{list}/{msgid}/t.atom", this::threadAtom);
        app.get("/{list}", this::listPath);
        app.post("/{list}", this::listPath);
    }

    /** {@code /{list}/?q=}: the mbox of the hits with {@code x=m}, else the search page (POST too, as lore). */
    private void listPath(Context ctx) throws Exception {
        if ("m".equals(ctx.queryParam("x"))) results(ctx);
        else searchPage.handle(ctx);
    }

    /** {@code /{list}/{msgid}/t.mbox.gz}: every message of the thread on that list ({@code all}: every copy). */
    private void threadMbox(Context ctx) throws IOException {
        List<StoredRecord> thread = thread(ctx, "t.mbox.gz").messages();
        if (thread.isEmpty()) return;
        gzipMbox(ctx, thread.get(0).subject(), thread.stream().map(List::of).toList());
    }

    /** {@code /{list}/{msgid}/t.atom}: the thread's messages, newest first. */
    private void threadAtom(Context ctx) throws IOException {
        ThreadRead found = thread(ctx, "t.atom");
        List<StoredRecord> thread = new ArrayList<>(firstCopies(found.messages()));
        if (thread.isEmpty()) return;
        thread.sort(Comparator.comparing((StoredRecord r) -> r.date() == null ? Instant.MIN : r.date()).reversed());
        String base = base(ctx);
        String list = ctx.pathParam("list");
        String page = base + Links.message(list, ctx.pathParam("msgid"));
        String mid = found.messageId();
        List<AtomFeed.Entry> entries = new ArrayList<>();
        for (StoredRecord r : thread) entries.add(entry(base, list, r));
        atom(ctx, new AtomFeed(thread.get(0).subject(), page, page + "t.atom", AtomFeed.uuid("t\n" + mid), entries));
    }

    /** {@code /{list}/new.atom}: the list's newest messages ({@code all}: of every list). */
    private void newAtom(Context ctx) throws IOException {
        String list = list(ctx);
        SearchResult newest;
        try {
            newest = searcher.search(App.restrict("", list), 0, FEED_ENTRIES);
        } catch (QuerySyntaxException e) {
            throw new IllegalStateException("the list restriction is a valid query", e);
        }
        String base = base(ctx);
        List<AtomFeed.Entry> entries = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Hit h : newest.hits()) {
            if (!seen.add(h.messageId())) continue;
            List<StoredRecord> on = onList(copies(searcher.get(h.messageId())), list);
            if (!on.isEmpty()) entries.add(entry(base, on.get(0).list(), on.get(0)));
        }
        String page = base + "/" + Links.listOrAll(list) + "/";
        String title = list.isEmpty() ? "Patchlane: every list" : list;
        atom(ctx, new AtomFeed(title, page, page + "new.atom", AtomFeed.uuid(page + "new.atom"),
                entries.subList(0, Math.min(entries.size(), FEED_ENTRIES))));
    }

    /** {@code /series.atom?q=}: the newest versions of the series matching a series query, one entry each. */
    private void seriesAtom(Context ctx) throws IOException {
        String q = query(ctx);
        List<Series> found;
        try {
            found = new SeriesSearch(searcher, policy).page(q, 0, SERIES_SCANNED).series();
        } catch (QuerySyntaxException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        record Posted(Series series, SeriesVersion version) {
        }
        List<Posted> versions = new ArrayList<>();
        for (Series s : found) for (SeriesVersion v : s.versions()) versions.add(new Posted(s, v));
        versions.sort(Comparator.comparingLong((Posted p) -> p.version().date()).reversed());
        String base = base(ctx);
        List<AtomFeed.Entry> entries = new ArrayList<>();
        for (Posted p : versions.subList(0, Math.min(versions.size(), FEED_ENTRIES))) {
            SeriesVersion v = p.version();
            StringBuilder text = new StringBuilder();
            text.append("v").append(v.label()).append(", ").append(v.state()).append(", ")
                    .append(String.join(", ", v.lists())).append("\n\n");
            for (SeriesPatch patch : v.patches()) text.append(patch.subject()).append('\n');
            for (String problem : v.problems()) text.append(problem).append('\n');
            entries.add(new AtomFeed.Entry(AtomFeed.uuid("series\n" + p.series().id() + "\n" + v.label()),
                    (v.rfc() ? "[RFC PATCH" : "[PATCH") + (v.label().equals("1") ? "" : " v" + v.label()) + "] " + v.title(),
                    v.sender().name(), v.sender().email(), v.date() == 0 ? null : Instant.ofEpochMilli(v.date()),
                    base + "/series/" + Links.encode(p.series().id()), null, text.toString()));
        }
        String page = base + "/series?q=" + Links.encode(q);
        String self = base + "/series.atom?q=" + Links.encode(q);
        atom(ctx, new AtomFeed(q.isEmpty() ? "Patchlane: new series" : q + " - series", page, self,
                AtomFeed.uuid("series\n" + q), entries));
    }

    /**
     * {@code x=m}: the hits newest first, or with {@code t=1} (or a POSTed {@code x=} not 0, lore's "full threads"
     * button) each hit's whole thread, each message once; a 404 "No results found" when nothing matches.
     */
    private void results(Context ctx) throws IOException {
        String list = list(ctx);
        String q = query(ctx);
        boolean threads = wantsThreads(ctx);
        Set<String> ids = new LinkedHashSet<>();
        try {
            searcher.syntax().explain(q); // a bad query's column in the query as typed, not in the list-restricted one
            int hits = 0;
            for (int offset = 0; hits < MAX_RESULTS && offset <= Searcher.MAX_OFFSET; offset += Searcher.MAX_LIMIT) {
                SearchResult page = searcher.search(App.restrict(q, list), offset, Math.min(Searcher.MAX_LIMIT, MAX_RESULTS - hits));
                for (Hit h : page.hits()) {
                    if (ids.contains(h.messageId())) continue;
                    if (!threads) ids.add(h.messageId());
                    else for (StoredRecord r : onList(searcher.thread(h.messageId()), list)) ids.add(r.messageId());
                }
                hits += page.hits().size();
                if (offset + page.hits().size() >= page.total()) break;
            }
        } catch (QuerySyntaxException e) {
            throw new BadRequestResponse(e.getMessage());
        }
        if (ids.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).contentType("text/plain; charset=utf-8").result("No results found\n");
            return;
        }
        // Read copy by copy as they are written, so a large download never holds every message at once.
        gzipMbox(ctx, (threads ? "results-thread-" : "results-") + q, new LazyCopies(searcher, List.copyOf(ids), list));
    }

    /** Each Message-ID's copies on the list, read when the mbox writer reaches it. */
    private record LazyCopies(Searcher searcher, List<String> ids, String list) implements Iterable<List<StoredRecord>> {
        @Override
        public java.util.Iterator<List<StoredRecord>> iterator() {
            java.util.Iterator<String> it = ids.iterator();
            return new java.util.Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public List<StoredRecord> next() {
                    try {
                        return onList(copies(searcher.get(it.next())), list);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            };
        }
    }

    private static boolean wantsThreads(Context ctx) {
        String t = ctx.queryParam("t");
        if (t != null && !t.isEmpty() && !t.equals("0")) return true;
        if (!"POST".equals(ctx.req().getMethod())) return false;
        String body = ctx.body();
        return body.length() >= 3 && body.startsWith("x=") && body.charAt(2) != '0';
    }

    /** A thread read for a lore route: the Message-ID the path names (as stored) and the thread's messages. */
    private record ThreadRead(String messageId, List<StoredRecord> messages) {
    }

    /**
     * The thread of the path's message on the path's list ({@code all}: every copy), the message looked up once. A
     * 404 for an unknown message or list; when the list exists but the message is not on it, a redirect to its
     * list's URL, and no messages.
     */
    private ThreadRead thread(Context ctx, String suffix) throws IOException {
        String list = ctx.pathParam("list");
        if (!list.equals("all")) list(ctx);
        String id = ctx.pathParam("msgid");
        MessageCopies copies = MessageCopies.of(id.isBlank() ? List.of() : searcher.get(id))
                .orElseThrow(() -> new NotFoundResponse("No message <" + id + "> in this archive"));
        if (!list.equals("all") && copies.on(list).isEmpty()) {
            ctx.redirect(Links.message(copies.first().list(), copies.messageId()) + suffix, HttpStatus.FOUND);
            return new ThreadRead(copies.messageId(), List.of());
        }
        return new ThreadRead(copies.messageId(), onList(searcher.thread(copies.messageId()), list.equals("all") ? "" : list));
    }

    /** Writes the copies as one gzipped mboxrd, named as public-inbox names it. */
    private static void gzipMbox(Context ctx, String name, Iterable<List<StoredRecord>> copies) throws IOException {
        ctx.status(HttpStatus.OK).contentType(GZIP)
                .header("Content-Disposition", "inline; filename=" + MboxName.of(name) + ".mbox.gz");
        try (OutputStream out = new GZIPOutputStream(ctx.outputStream(), 1 << 16)) {
            for (List<StoredRecord> each : copies) for (StoredRecord r : each) RawMbox.writePublicInbox(r, out);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void atom(Context ctx, AtomFeed feed) {
        ctx.contentType(AtomFeed.TYPE + "; charset=utf-8").result(feed.xml());
    }

    private static AtomFeed.Entry entry(String base, String list, StoredRecord r) {
        Mail mail = Analyzer.mail(r);
        List<String> parents = !mail.inReplyTo().isEmpty() ? mail.inReplyTo() : mail.references();
        AtomFeed.Reply reply = null;
        if (!parents.isEmpty()) {
            String parent = parents.get(parents.size() - 1);
            reply = new AtomFeed.Reply(AtomFeed.uuid(parent), base + Links.message(list, parent));
        }
        return new AtomFeed.Entry(AtomFeed.uuid(r.messageId()), r.subject(), r.from().name(), r.from().email(),
                r.date(), base + Links.message(list, r.messageId()), reply, mail.body().text());
    }

    /** Copies of one Message-ID in {@link MessageCopies}' order (by list name), as every view lists them. */
    private static List<StoredRecord> copies(List<StoredRecord> stored) {
        return stored.isEmpty() ? stored : new MessageCopies(stored).all();
    }

    /**
     * One copy per Message-ID, the first, in the order given: a feed has one entry per message (its id is the
     * Message-ID's), as lore's {@code /all/} has.
     */
    private static List<StoredRecord> firstCopies(List<StoredRecord> records) {
        Set<String> seen = new java.util.HashSet<>();
        return records.stream().filter(r -> seen.add(r.messageId())).toList();
    }

    /** The copies filed under {@code list}; every copy for "" ({@code all}). */
    private static List<StoredRecord> onList(List<StoredRecord> records, String list) {
        if (list.isEmpty()) return records;
        return records.stream().filter(r -> r.list().equalsIgnoreCase(list)).toList();
    }

    /** The path's list: "" for {@code all}, else a list the archive holds mail of; anything else is a 404. */
    private String list(Context ctx) throws IOException {
        String list = ctx.pathParam("list");
        if (list.equals("all")) return "";
        if (!searcher.stats().lists().containsKey(list)) throw new NotFoundResponse("No list " + list + " in this archive");
        return list;
    }

    /** Where the client reached this server, for the feeds' absolute links. */
    private static String base(Context ctx) {
        String host = ctx.host();
        return ctx.scheme() + "://" + (host == null || host.isBlank() ? "localhost" : host);
    }

    private static String query(Context ctx) {
        String q = ctx.queryParam("q");
        return q == null ? "" : q.strip();
    }
}
