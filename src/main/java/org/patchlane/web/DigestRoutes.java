package org.patchlane.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.patchlane.digest.Digest;
import org.patchlane.digest.DigestHtml;
import org.patchlane.digest.DigestLinks;
import org.patchlane.digest.DigestSource;
import org.patchlane.digest.DigestView;
import org.patchlane.digest.Period;
import org.patchlane.digest.Phrases;

/**
 * The weekly digests on the web: {@code /digest} (the latest complete week), {@code /digest/{week}} with links to
 * the previous and (once it has ended) the next week, {@code ?list=} for one list, the Atom feed
 * {@code /digest.atom} of the past weeks, and {@code /api/digest/{week}} when a JSON view is given. The digests
 * come from the {@link DigestSource} given, so the archive's builder plugs in here and a test's fixture too.
 */
final class DigestRoutes {
    /** Weeks in the feed: each is a digest made on request. */
    static final int FEED_WEEKS = 8;
    private static final Pattern LIST = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    /** The archive's list names, for the filter. */
    @FunctionalInterface
    interface ListNames {
        List<String> names() throws IOException;
    }

    private final DigestSource source;
    private final DigestLinks links;
    private final Clock clock;
    private final ListNames lists;
    private final Function<Digest, Object> json;

    /**
     * @param links where the feed's links point (the site's public address, {@code [web] url})
     * @param json  the JSON of a digest for {@code /api/digest/{week}}, or null for no such route
     */
    DigestRoutes(DigestSource source, DigestLinks links, Clock clock, ListNames lists, Function<Digest, Object> json) {
        this.source = Objects.requireNonNull(source, "source");
        this.links = Objects.requireNonNull(links, "links");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lists = Objects.requireNonNull(lists, "lists");
        this.json = json;
    }

    void register(RoutesConfig app) {
        app.get("/digest", ctx -> page(ctx, latest()));
        app.get("/digest.atom", this::feed);
        app.get("/digest/{week}", ctx -> page(ctx, week(ctx, false)));
        if (json != null) {
            app.get("/api/digest/{week}", ctx -> App.json(ctx, json.apply(source.digest(week(ctx, true), list(ctx)))));
        }
    }

    /** The latest week that has ended. */
    Period latest() {
        return Period.weekOf(clock.instant()).previous();
    }

    private void page(Context ctx, Period week) throws IOException {
        String list = list(ctx);
        Digest d = source.digest(week, list);
        String query = list == null ? "" : "?list=" + Links.encode(list);
        Period prev = week.previous(), next = week.next();
        boolean ended = !next.until().isAfter(clock.instant());
        Templates.render(ctx, "digest.jte", java.util.Map.of("page", new DigestPage(DigestView.of(d, DigestLinks.SITE),
                ctx.path(), "/digest/" + prev.label() + query, prev.label(), ended ? "/digest/" + next.label() + query
                : null, ended ? next.label() : null, list, lists.names())));
    }

    /** The past complete weeks, newest first, each entry's content the digest's HTML body. */
    private void feed(Context ctx) throws IOException {
        String list = list(ctx);
        List<AtomFeed.Entry> entries = new ArrayList<>();
        Period week = latest();
        for (int i = 0; i < FEED_WEEKS; i++, week = week.previous()) {
            Digest d = source.digest(week, list);
            String page = links.digest(week.label()) + (list == null ? "" : "?list=" + Links.encode(list));
            entries.add(new AtomFeed.Entry(AtomFeed.uuid("digest\n" + (list == null ? "" : list) + "\n" + week.label()),
                    Phrases.summary(d), "Patchlane", "", week.until(), page, null,
                    DigestHtml.body(DigestView.of(d, links)), true));
        }
        String self = links.base() + "/digest.atom" + (list == null ? "" : "?list=" + Links.encode(list));
        AtomFeed feed = new AtomFeed("Patchlane digests" + (list == null ? "" : ": " + list), links.base() + "/digest",
                self, AtomFeed.uuid("digest\n" + (list == null ? "" : list)), entries);
        ctx.contentType(AtomFeed.TYPE + "; charset=utf-8").result(feed.xml());
    }

    /** The path's week: a 404 for the page (400 for the API) when it is no ISO week or has not begun. */
    private Period week(Context ctx, boolean api) {
        String text = ctx.pathParam("week");
        Period p;
        try {
            p = Period.isoWeek(text);
        } catch (IllegalArgumentException e) {
            throw api ? new BadRequestResponse(e.getMessage()) : new NotFoundResponse("No digest " + text + ": "
                    + e.getMessage());
        }
        Instant now = clock.instant();
        if (p.since().isAfter(now)) {
            String why = "No digest " + p.label() + ": that week has not begun";
            throw api ? new BadRequestResponse(why) : new NotFoundResponse(why);
        }
        return p;
    }

    /** {@code ?list=}, null when absent or empty; a 400 for what is no list name. */
    private static String list(Context ctx) {
        String list = ctx.queryParam("list");
        if (list == null || list.isBlank()) return null;
        if (!LIST.matcher(list.strip()).matches()) throw new BadRequestResponse("not a list name: " + list);
        return list.strip();
    }
}
