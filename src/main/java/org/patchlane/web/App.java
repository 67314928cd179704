package org.patchlane.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.util.JavalinException;
import io.javalin.util.JavalinLogger;
import org.patchlane.ingest.SourceRuns;
import org.patchlane.link.Checker;
import org.patchlane.link.Linker;
import org.patchlane.link.SeriesSearch;
import org.patchlane.link.Together;
import org.patchlane.report.CheckJson;
import org.patchlane.report.Json;
import org.patchlane.report.LinkJson;
import org.patchlane.report.MessageCopies;
import org.patchlane.report.MessageJson;
import org.patchlane.view.Plural;
import org.patchlane.report.SearchJson;
import org.patchlane.report.SeriesJson;
import org.patchlane.report.SeriesListJson;
import org.patchlane.report.SourcesJson;
import org.patchlane.report.StatsJson;
import org.patchlane.report.TogetherJson;
import org.patchlane.report.TrailerEmails;
import org.patchlane.review.Maintainers;
import org.patchlane.review.Policy;
import org.patchlane.store.QuerySyntaxException;
import org.patchlane.store.SearchResult;
import org.patchlane.store.Searcher;
import org.patchlane.store.SeriesPage;
import org.patchlane.store.StoredRecord;
import org.patchlane.thread.Series;

/**
 * The web server: lore-compatible message and search URLs, the front page and a JSON API over one {@link Searcher}
 * (near-real-time or read-only; the caller owns and closes it). No route changes the archive; maintainers log
 * in and out ({@link Auth}), and every response carries the {@link SecurityHeaders}. The one route that writes,
 * {@code POST /api/series/{id}/state}, records a maintainer's decision ({@link StateRoutes}) for whom the login
 * (the {@link Guard} that {@link Auth} is) admits.
 * <p>
 * {@code /api/messages/{msgid}} answers the {@code show --json} object of the first stored copy, so the API and
 * the CLI agree; {@code ?list=NAME} picks the copy of a list (a cross-post), {@code ?copy=N} (1-based, by list name
 * order) any copy. The message pages serve the copy of the list in their URL.
 * <p>
 * The links, checks and together routes answer what {@code links}, {@code check} and {@code together} print with
 * {@code --json}, under the review {@link Policy} given (areas, MAINTAINERS, the posted-together window).
 * <p>
 * The reading pages (the series list with its filters, the thread page, the status page) and their JSON are
 * registered by {@link Pages}.
 */
public final class App {
    /** Messages on the front page. */
    static final int NEWEST = 20;
    /** What {@code /{list}/} accepts as a list name: lore's inbox names. */
    private static final Pattern LIST = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final String JSON = "application/json";
    /** Names of the files in {@code web/static}: no path separators, no dot files. */
    private static final Pattern ASSETS = Pattern.compile("[a-z0-9][a-z0-9_-]*\\.[a-z]+");
    private static final Map<String, String> ASSET_TYPES = Map.of("css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");
    private final Searcher searcher;
    private final SourceBoard sources;
    private final Policy policy;
    private final Auth auth;
    private final SeriesPages seriesPages;
    private final StateRoutes state;
    private DigestRoutes digests;
    private final LinkRoutes linkEdits;
    private PullRoutes pulls;
    private BackportRoutes backports;
    private CliRoutes cli;
    private Javalin javalin;

    /** The state of the archive's sources, for {@code /sources}; read on each request. */
    @FunctionalInterface
    public interface SourceBoard {
        SourcesJson sources() throws IOException;
    }

    /** An app whose sources page lists the archive's cursors only (no configuration, no recorded runs). */
    public App(Searcher searcher) {
        this(searcher, () -> SourcesJson.of(List.of(), SourceRuns.NONE, searcher.cursors()));
    }

    /** An app without a review policy: no areas, no MAINTAINERS, so no series is infrastructure. */
    public App(Searcher searcher, SourceBoard sources) {
        this(searcher, sources, Policy.of(Maintainers.NONE));
    }

    /** An app nobody can log in to: read-only. */
    public App(Searcher searcher, SourceBoard sources, Policy policy) {
        this(searcher, sources, policy, Auth.none());
    }

    /** An app whose maintainers (see {@link Auth}) log in at {@code /login} and may change series' states. */
    public App(Searcher searcher, SourceBoard sources, Policy policy, Auth auth) {
        this.searcher = Objects.requireNonNull(searcher, "searcher");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.seriesPages = new SeriesPages(searcher);
        this.state = new StateRoutes(searcher, auth);
        this.linkEdits = new LinkRoutes(searcher, auth);
        this.pulls = new PullRoutes(searcher, policy, List.of());
        this.backports = new BackportRoutes(searcher, List.of());
    }

    /**
     * Serves the weekly digests ({@link DigestRoutes}) made by {@code source}; call before {@link #start}.
     *
     * @param links where the feed's links point: the site's public address ({@code [web] url})
     * @param json  a digest's JSON for {@code /api/digest/{week}}, or null for no such route
     */
    public App digests(org.patchlane.digest.DigestSource source, org.patchlane.digest.DigestLinks links,
                       java.util.function.Function<org.patchlane.digest.Digest, Object> json, java.time.Clock clock) {
        if (javalin != null) throw new IllegalStateException("already started");
        digests = new DigestRoutes(source, links, clock, () -> List.copyOf(searcher.stats().lists().keySet()), json);
        return this;
    }

    /** The repositories ({@code [repo]}) the pull requests pages check against; none: the pages say so. */
    public App withRepositories(List<org.patchlane.pull.RepoSettings> repos) {
        if (javalin != null) throw new IllegalStateException("already started");
        this.pulls = new PullRoutes(searcher, policy, repos);
        this.backports = new BackportRoutes(searcher, repos);
        return this;
    }

    /** Answers the launcher's command lines at {@code /api/cli} ({@link CliRoutes}); call before {@link #start}. */
    public App cli(CliRoutes routes) {
        this.cli = routes;
        return this;
    }

    PullRoutes pullRoutes() {
        return pulls;
    }

    /** Logins, sessions and CSRF checks, for routes that change state. */
    public Auth auth() {
        return auth;
    }

    /**
     * Starts serving; port 0 picks a free port (see {@link Javalin#port()}).
     *
     * @throws ListenException when the address cannot be listened on (the port is in use, say)
     */
    public Javalin start(String host, int port) {
        if (javalin != null) throw new IllegalStateException("already started");
        // Javalin's startup lines end with "Your Javalin version is N days old" on every start; the serve command
        // prints its own address line, so Javalin's startup info is switched off (its warnings and errors stay).
        JavalinLogger.startupInfo = false;
        if (port != 0) probe(host, port);
        javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // lore percent-encodes '/' in Message-IDs as %2F; Jetty rejects that as ambiguous by default.
            config.jetty.modifyHttpConfiguration(http ->
                    http.setUriCompliance(org.eclipse.jetty.http.UriCompliance.LEGACY));
            routes(config.routes);
        });
        try {
            javalin.start(host, port);
        } catch (JavalinException e) {
            javalin.stop();
            javalin = null;
            throw ListenException.of(host, port, e);
        }
        return javalin;
    }

    /**
     * Fails before the server starts when the address is taken: Javalin would log its own error lines and a
     * stack trace first. A server that takes the port between this probe and the start is still caught there.
     */
    private static void probe(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw ListenException.of(host, port, e);
        }
    }

    public void stop() {
        if (javalin != null) javalin.stop();
        javalin = null;
    }

    /** Every route, specific paths before the lore-style {@code /{list}/...} patterns (first match wins). */
    private void routes(RoutesConfig app) {
        ServerTiming.register(app);
        new LoginRoutes(auth).register(app);
        seriesPages.routes(app);
        app.get("/", this::home);
        app.get("/search", ctx -> search(ctx, ""));
        app.get("/api/search", this::apiSearch);
        app.get("/api/stats", ctx -> json(ctx, StatsJson.of(searcher.stats())));
        app.get("/api/messages/{msgid}", this::apiMessage);
        app.get("/api/series", this::apiSeriesList);
        app.get("/api/series/{key}", ctx -> {
            Series s = series(ctx);
            json(ctx, SeriesJson.of(s, TrailerEmails.lookup(s, searcher), searcher.decisions().standing(s)));
        });
        app.get("/api/series/{key}/links", ctx -> json(ctx, LinkJson.of(new Linker(searcher.linkSnapshot()).links(series(ctx)))));
        app.get("/api/series/{key}/checks", ctx -> json(ctx, CheckJson.of(checker().check(series(ctx)))));
        app.get("/api/together", this::apiTogether);
        state.register(app);
        linkEdits.register(app);
        app.get("/series/{key}", ctx -> {
            Series s = series(ctx);
            TrailerEmails emails = TrailerEmails.lookup(s, searcher);
            Map<String, Object> model = new java.util.HashMap<>(seriesPages.seriesModel(s, emails));
            model.putAll(Map.of("series", s, "links", SeriesLinksView.of(checker().check(s)),
                    "state", state.panel(ctx, s), "linkEdits", linkEdits.panel(ctx, s)));
            Templates.render(ctx, "series.jte", model);
        });
        app.get("/together", this::together);
        if (digests != null) digests.register(app);
        pulls.register(app);
        backports.register(app);
        app.get("/api/sources", ctx -> json(ctx, sources.sources()));
        app.get("/sources", ctx -> Templates.render(ctx, "sources.jte", Map.of("page", sources.sources())));
        new Pages(searcher, sources, policy).routes(app);
        app.get("/static/{file}", this::asset);
        if (cli != null) cli.register(app);
        app.get("/api/<rest>", ctx -> {
            throw new NotFoundResponse("No API endpoint " + ctx.path());
        });
        new LoreRoutes(searcher, policy, ctx -> search(ctx, list(ctx))).register(app);
        app.get("/{list}/{msgid}/raw", this::raw);
        app.get("/{list}/{msgid}", this::message);
        app.exception(HttpResponseException.class,
                (e, ctx) -> failure(ctx, HttpStatus.forStatus(e.getStatus()), e.getMessage()));
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.resultInputStream() == null) failure(ctx, HttpStatus.NOT_FOUND, "Nothing here: " + ctx.path());
        });
    }

    private void home(Context ctx) throws IOException, QuerySyntaxException {
        SearchResult newest = searcher.search("", 0, NEWEST);
        Templates.render(ctx, "home.jte", Map.of("page", HomePage.of(searcher.stats(), newest.hits().stream().map(HitView::of).toList())));
    }

    /** {@code /search?q=&o=}, and {@code /{list}/?q=} restricted to that list unless it is {@code all}. */
    private void search(Context ctx, String list) throws IOException {
        String q = query(ctx);
        String base = list.isEmpty() ? "/search" : "/" + list + "/";
        try {
            searcher.syntax().explain(q);
            SearchResult r = searcher.search(restrict(q, list), offset(ctx, "o"), Links.PAGE, true);
            Templates.render(ctx, "search.jte", Map.of("page", SearchPage.of(q, list, r, base)));
        } catch (QuerySyntaxException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            Templates.render(ctx, "search.jte", Map.of("page", SearchPage.failed(q, list, e)));
        }
    }

    /** {@code /{list}/{msgid}/}: the copies filed under that list ({@code all}: every copy). */
    private void message(Context ctx) throws IOException {
        MessageCopies copies = copies(ctx);
        List<StoredRecord> shown = onPathList(ctx, copies, "");
        if (shown.isEmpty()) return;
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("page", MessagePage.of(copies, shown, ctx.pathParam("list")));
        model.put("nav", seriesPages.nav(copies.messageId()));
        Templates.render(ctx, "message.jte", model);
    }

    /** {@code /{list}/{msgid}/raw}: the exact bytes of that list's copy ({@code all}: the first copy). */
    private void raw(Context ctx) throws IOException {
        List<StoredRecord> shown = onPathList(ctx, copies(ctx), "raw");
        if (!shown.isEmpty()) ctx.contentType("text/plain; charset=utf-8").result(shown.get(0).raw());
    }

    /**
     * The copies filed under the path's list, every copy for {@code all}. When that list has none, redirects to
     * the first copy's list (so a link naming the wrong list still reaches the mail, and the URL then names a list
     * that has it) and answers empty.
     */
    private static List<StoredRecord> onPathList(Context ctx, MessageCopies copies, String suffix) {
        String list = ctx.pathParam("list");
        if (list.equals("all")) return copies.all();
        List<StoredRecord> on = copies.on(list);
        if (on.isEmpty()) ctx.redirect(Links.message(copies.first().list(), copies.messageId()) + suffix, HttpStatus.FOUND);
        return on;
    }

    /**
     * A file of {@code web/static} from the jar. A route rather than Javalin's static file handler: that one only
     * answers when no route matches, and lore's {@code /{list}/{msgid}} matches {@code /static/x.css}.
     */
    private void asset(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        String type = ASSETS.matcher(file).matches() ? ASSET_TYPES.get(file.substring(file.lastIndexOf('.') + 1)) : null;
        InputStream in = type == null ? null : App.class.getResourceAsStream("/web/static/" + file);
        if (in == null) throw new NotFoundResponse("No file " + file);
        try (in) {
            ctx.contentType(type).header("Cache-Control", "max-age=300").result(in.readAllBytes());
        }
    }

    private void apiSearch(Context ctx) throws IOException {
        int limit = ctx.queryParam("limit") == null ? Links.PAGE : number(ctx, "limit", 1, Searcher.MAX_LIMIT);
        try {
            json(ctx, SearchJson.of(searcher.search(query(ctx), offset(ctx, "offset"), limit, true)));
        } catch (QuerySyntaxException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            json(ctx, Map.of("error", e.getMessage(), "column", e.column()));
        }
    }

    /** The first copy, or that of {@code ?list=NAME}, or copy {@code ?copy=N} ({@code ?version=N}: older name). */
    private void apiMessage(Context ctx) throws IOException {
        MessageCopies copies = copies(ctx);
        String list = ctx.queryParam("list");
        StoredRecord copy = copies.first();
        if (list != null) {
            List<StoredRecord> on = copies.on(list);
            if (on.isEmpty()) throw new NotFoundResponse("No copy of <" + copies.messageId() + "> on list " + list);
            copy = on.get(0);
        }
        String number = ctx.queryParam("copy") != null ? "copy" : ctx.queryParam("version") != null ? "version" : null;
        if (number != null) {
            int n = number(ctx, number, 1, Integer.MAX_VALUE);
            if (n > copies.all().size()) throw new NotFoundResponse("only " + Plural.of(copies.all().size(), "copy", "copies") + " stored");
            copy = copies.all().get(n - 1);
        }
        json(ctx, MessageJson.of(copies, copy));
    }

    private void apiSeriesList(Context ctx) throws IOException {
        int limit = ctx.queryParam("limit") == null ? Links.PAGE : number(ctx, "limit", 1, Searcher.MAX_LIMIT);
        try {
            json(ctx, SeriesListJson.of(new SeriesSearch(searcher, policy).page(query(ctx), offset(ctx, "offset"), limit),
                    searcher.decisions()));
        } catch (QuerySyntaxException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            json(ctx, Map.of("error", e.getMessage(), "column", e.column()));
        }
    }

    private void apiTogether(Context ctx) throws IOException {
        String q = query(ctx);
        try {
            json(ctx, TogetherJson.of(q, Together.open(searcher, policy, q), searcher.decisions()));
        } catch (QuerySyntaxException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            json(ctx, Map.of("error", e.getMessage(), "column", e.column()));
        }
    }

    /** {@code /together?q=}: the open infrastructure series, most urgent first. */
    private void together(Context ctx) throws IOException {
        String q = query(ctx);
        TogetherPage page;
        try {
            page = TogetherPage.of(q, Together.open(searcher, policy, q), searcher.decisions());
        } catch (QuerySyntaxException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            page = TogetherPage.failed(q, e.getMessage());
        }
        Templates.render(ctx, "together.jte", Map.of("page", page));
    }

    private Checker checker() {
        return new Checker(searcher.linkSnapshot(), policy);
    }

    /** The series the path names (id, Message-ID of any of its mails, change-id); a 404 when none. */
    private Series series(Context ctx) throws IOException {
        String key = ctx.pathParam("key");
        return searcher.seriesOf(key).orElseThrow(() -> new NotFoundResponse("No series " + key + " in this archive"));
    }

    /** The stored copies of the path's Message-ID; a 404 when there are none. */
    private MessageCopies copies(Context ctx) throws IOException {
        String id = ctx.pathParam("msgid");
        return MessageCopies.of(id.isBlank() ? List.of() : searcher.get(id))
                .orElseThrow(() -> new NotFoundResponse("No message <" + id + "> in this archive"));
    }

    /** A 400/404 as JSON under {@code /api/}, else as a page. */
    private static void failure(Context ctx, HttpStatus status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            json(ctx, Map.of("error", message));
        } else {
            Templates.render(ctx, "error.jte", Map.of("status", status.getCode(), "message", message));
        }
    }

    static void json(Context ctx, Object report) {
        ctx.contentType(JSON).result(Json.write(report));
    }

    /**
     * The search path's list: {@code all} (as "") or a list the archive holds mail of; anything else is a 404, so
     * that a mistyped page is not answered as an empty search. (A message path naming another list redirects to
     * the mail's list instead: the Message-ID says which mail is meant.)
     */
    private String list(Context ctx) throws IOException {
        String list = ctx.pathParam("list");
        if (list.equals("all")) return "";
        if (!LIST.matcher(list).matches() || !searcher.stats().lists().containsKey(list)) {
            throw new NotFoundResponse("No list " + list + " in this archive");
        }
        return list;
    }

    /** The query limited to one list's messages; "" means every list. */
    static String restrict(String q, String list) {
        if (list.isEmpty()) return q;
        return "list:\"" + list + "\"" + (q.isBlank() ? "" : " AND (" + q + ")");
    }

    private static String query(Context ctx) {
        String q = ctx.queryParam("q");
        return q == null ? "" : q.strip();
    }

    static int offset(Context ctx, String name) {
        return ctx.queryParam(name) == null ? 0 : number(ctx, name, 0, Searcher.MAX_OFFSET);
    }

    private static int number(Context ctx, String name, int min, int max) {
        try {
            int n = Integer.parseInt(ctx.queryParam(name));
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestResponse(name + " must be a number from " + min + " to " + max);
    }
}
