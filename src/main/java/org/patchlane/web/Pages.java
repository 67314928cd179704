package org.patchlane.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import org.patchlane.link.LinkTerm;
import org.patchlane.link.SeriesSearch;
import org.patchlane.report.SeriesListJson;
import org.patchlane.report.StatusJson;
import org.patchlane.report.ThreadJson;
import org.patchlane.review.Area;
import org.patchlane.review.Policy;
import org.patchlane.review.Section;
import org.patchlane.store.QuerySyntaxException;
import org.patchlane.store.SeriesPage;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Conversation;
import org.patchlane.thread.Series;

/**
 * The reading pages and their JSON: the series list with its filter form, the thread page, the status page, and
 * {@code /api/threads/{msgid}}, {@code /api/status}. Handlers take a Javalin {@link Context} and are registered in
 * {@link #routes} only, so that the rest does not depend on the server's version.
 */
final class Pages {
    /** Days of the status page's chart. */
    static final int CHART_DAYS = 90;
    /** More area names than this are not offered as suggestions (a whole kernel MAINTAINERS has thousands). */
    static final int MAX_AREA_SUGGESTIONS = 400;

    private final Searcher searcher;
    private final App.SourceBoard sources;
    private final Policy policy;

    Pages(Searcher searcher, App.SourceBoard sources, Policy policy) {
        this.searcher = searcher;
        this.sources = sources;
        this.policy = policy;
    }

    /** Registers the routes; call before the lore-style {@code /{list}/...} catch-alls. */
    void routes(RoutesConfig app) {
        app.get("/series", this::seriesList);
        app.get("/status", this::status);
        app.get("/api/status", ctx -> App.json(ctx, status(searcher.messagesPerDay(CHART_DAYS))));
        app.get("/api/threads/{msgid}", ctx -> App.json(ctx, ThreadJson.of(conversation(ctx))));
        app.get("/{list}/{msgid}/T", this::thread);
    }

    /** {@code /{list}/{msgid}/T/}: the whole thread of a message ({@code all}: any list's copies). */
    private void thread(Context ctx) throws IOException {
        Conversation c = conversation(ctx);
        Templates.render(ctx, "thread.jte", Map.of("page", ThreadPage.of(c, ctx.pathParam("list"), searcher::get)));
    }

    private Conversation conversation(Context ctx) throws IOException {
        String id = ctx.pathParam("msgid");
        Conversation c = id.isBlank() ? null : searcher.conversation(id);
        if (c == null) throw new NotFoundResponse("No message <" + id + "> in this archive");
        return c;
    }

    private StatusJson status(org.patchlane.store.DailyCounts days) throws IOException {
        return StatusJson.of(searcher.stats(), sources.sources(), days);
    }

    /** The page draws its chart from the same counts the JSON carries: the days are counted once. */
    private void status(Context ctx) throws IOException {
        org.patchlane.store.DailyCounts days = searcher.messagesPerDay(CHART_DAYS);
        Templates.render(ctx, "status.jte", Map.of("page", StatusPage.of(status(days), days)));
    }

    /**
     * {@code /series?list=&state=&person=&area=&kind=&q=&o=}: the form's fields composed into one series query
     * ({@code ?q=} alone is that query as typed), a page of it, and per state how many series the same filter finds.
     */
    private void seriesList(Context ctx) throws IOException {
        Map<String, String> params = new HashMap<>();
        for (String name : List.of("list", "state", "person", "area", "kind", "q")) params.put(name, ctx.queryParam(name));
        SeriesFilter filter = SeriesFilter.of(params);
        String query = filter.query();
        List<String> lists = List.copyOf(searcher.stats().lists().keySet());
        List<String> areas = areaNames();
        SeriesListPage page;
        try {
            int offset = App.offset(ctx, "o");
            LinkTerm.Split split = LinkTerm.split(query);
            SeriesSearch search = new SeriesSearch(searcher, policy);
            List<SeriesListPage.StateCount> states = new ArrayList<>();
            SeriesPage found;
            if (split.terms().isEmpty()) {
                found = searcher.series(query, offset, Links.PAGE);
                // The index counts each state with one query: cheap.
                for (String s : SeriesFilter.states()) {
                    SeriesFilter f = filter.withState(s);
                    states.add(new SeriesListPage.StateCount(s, searcher.series(f.query(), 0, 1).total(),
                            f.href(0), s.equals(filter.state())));
                }
            } else {
                // Link terms are checked per series: find every match of the filter without its state once, then
                // count and page from that list.
                List<Series> any = search.all(filter.withState("").query());
                Map<String, Long> byState = new LinkedHashMap<>();
                for (Series s : any) byState.merge(s.latest().state(), 1L, Long::sum);
                List<Series> kept = filter.state().isEmpty() ? any
                        : any.stream().filter(s -> s.latest().state().equals(filter.state())).toList();
                found = new SeriesPage(query, kept.size(), offset,
                        kept.subList(Math.min(offset, kept.size()), Math.min(kept.size(), offset + Links.PAGE)));
                for (String s : SeriesFilter.states()) {
                    SeriesFilter f = filter.withState(s);
                    states.add(new SeriesListPage.StateCount(s, byState.getOrDefault(s, 0L),
                            f.href(0), s.equals(filter.state())));
                }
            }
            page = SeriesListPage.of(filter, SeriesListJson.of(found), states, lists, areas);
        } catch (QuerySyntaxException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            page = SeriesListPage.failed(filter, query, e.getMessage(), lists, areas);
        }
        Templates.render(ctx, "serieslist.jte", Map.of("page", page));
    }

    /** The configured areas' names, then the MAINTAINERS sections', when there are few enough to offer. */
    private List<String> areaNames() {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Area a : policy.configuredAreas()) names.add(a.name());
        List<Section> sections = policy.maintainers().sections();
        if (sections.size() <= MAX_AREA_SUGGESTIONS) for (Section s : sections) names.add(s.name());
        return List.copyOf(names);
    }
}
