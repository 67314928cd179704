package org.patchlane.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import org.patchlane.ingest.Analyzer;
import org.patchlane.report.InterdiffJson;
import org.patchlane.report.SeriesMbox;
import org.patchlane.report.TrailerEmails;
import org.patchlane.store.Searcher;
import org.patchlane.store.StoredRecord;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;

/**
 * The series page's own routes: the interdiff page and API, and the mbox with trailers applied. Registered by
 * {@link #routes} before {@code /api/<rest>} and the lore-style patterns.
 */
final class SeriesPages {
    private final Searcher searcher;

    SeriesPages(Searcher searcher) {
        this.searcher = searcher;
    }

    void routes(RoutesConfig app) {
        app.get("/series/{key}/mbox", this::mbox);
        app.get("/series/{key}/interdiff", this::interdiffPage);
        app.get("/api/series/{key}/interdiff", ctx -> apiInterdiff(ctx, null));
        app.get("/api/series/{key}/interdiff/{patch}", ctx -> apiInterdiff(ctx, number(ctx.pathParam("patch"), "patch")));
    }

    /** The series page's model. */
    Map<String, Object> seriesModel(Series s, TrailerEmails emails) throws IOException {
        return Map.of("view", SeriesView.of(s, emails, InterdiffJson.MailTexts.of(searcher)));
    }

    /** The message page's series navigation, when the message is a cover or patch of a series. */
    SeriesNav nav(String messageId) throws IOException {
        return searcher.seriesOf(messageId).flatMap(s -> SeriesNav.of(s, messageId)).orElse(null);
    }

    /** {@code acks --mbox} over HTTP: the latest version with the collected trailers, for {@code git am}. */
    private void mbox(Context ctx) throws IOException {
        Series s = series(ctx);
        TrailerEmails emails = TrailerEmails.lookup(s, searcher);
        StringBuilder out = new StringBuilder();
        for (SeriesPatch p : s.latest().patches()) {
            List<StoredRecord> stored = searcher.get(p.messageId());
            if (!stored.isEmpty()) out.append(SeriesMbox.message(p, Analyzer.mail(stored.get(0)), emails));
        }
        ctx.contentType("application/mbox")
                .header("Content-Disposition", "inline; filename=\"" + MboxName.of(s.id()) + ".mbox\"")
                .result(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void interdiffPage(Context ctx) throws IOException {
        Series s = series(ctx);
        Templates.render(ctx, "interdiff.jte", Map.of("page", InterdiffPage.of(s, interdiff(ctx, s, null))));
    }

    private void apiInterdiff(Context ctx, Integer patch) throws IOException {
        App.json(ctx, interdiff(ctx, series(ctx), patch));
    }

    /** The interdiff the query asks for; an unknown version or patch, or nothing to compare, is a 404. */
    private InterdiffJson interdiff(Context ctx, Series s, Integer patch) throws IOException {
        try {
            Integer p = patch != null ? patch : ctx.queryParam("patch") == null ? null : number(ctx.queryParam("patch"), "patch");
            return InterdiffJson.of(s, version(ctx, "from"), version(ctx, "to"), p, InterdiffJson.MailTexts.of(searcher));
        } catch (InterdiffJson.NotFound e) {
            throw new NotFoundResponse(e.getMessage());
        }
    }

    /** {@code ?from=} / {@code ?to=}: a version label ({@code 3}, {@code v3}, {@code 5.1}); null when absent. */
    private static String version(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        if (!v.strip().matches("v?\\d+(\\.\\d+)?")) throw new BadRequestResponse(name + " must be a version number such as 2 or 5.1");
        return v.strip();
    }

    private static int number(String value, String name) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestResponse(name + " must be a patch number from 1");
    }

    private Series series(Context ctx) throws IOException {
        String key = ctx.pathParam("key");
        return searcher.seriesOf(key).orElseThrow(() -> new NotFoundResponse("No series " + key + " in this archive"));
    }
}
