package org.patchlane.web;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import org.patchlane.mail.Address;
import org.patchlane.report.Json;
import org.patchlane.report.StateJson;
import org.patchlane.review.ReviewState;
import org.patchlane.store.Decisions;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

/**
 * Review state on the web: {@code GET /api/series/{key}/history}, {@code POST /api/series/{key}/state} (JSON or a
 * form with {@code state} and {@code note}; only what {@link Guard#authorize} admits), and the series page's panel.
 */
final class StateRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Searcher searcher;
    private final Guard guard;

    StateRoutes(Searcher searcher, Guard guard) {
        this.searcher = searcher;
        this.guard = guard;
    }

    /** Registers the routes; before the {@code /api/<rest>} catch-all. */
    void register(RoutesConfig app) {
        app.get("/api/series/{key}/history", this::history);
        app.post("/api/series/{key}/state", this::change);
    }

    /** The series page's State panel. */
    StatePanel panel(Context ctx, Series s) throws IOException {
        boolean maintainer = guard.maintainer(ctx).isPresent();
        return StatePanel.of(s, decisions().standing(s), maintainer, maintainer ? guard.csrfToken(ctx) : "");
    }

    private void history(Context ctx) throws IOException {
        Series s = series(ctx);
        json(ctx, HttpStatus.OK, StateJson.of(s, decisions().standing(s)));
    }

    private void change(Context ctx) throws IOException {
        // The guard first: without a maintainer nothing else is read, nothing written.
        Optional<Address> by = guard.authorize(ctx);
        if (by.isEmpty()) {
            json(ctx, HttpStatus.FORBIDDEN, Map.of("error", "changing a series' state needs a logged-in maintainer"));
            return;
        }
        boolean form = !isJson(ctx);
        String state;
        String note;
        if (form) {
            state = ctx.formParam("state");
            note = ctx.formParam("note");
        } else {
            JsonNode body;
            try {
                body = JSON.readTree(ctx.body());
            } catch (IOException e) {
                json(ctx, HttpStatus.BAD_REQUEST, Map.of("error", "the body is not JSON: {\"state\": ..., \"note\": ...}"));
                return;
            }
            state = body != null && body.hasNonNull("state") ? body.get("state").asText() : null;
            note = body != null && body.hasNonNull("note") ? body.get("note").asText() : null;
        }
        Optional<ReviewState> to = ReviewState.of(state).filter(ReviewState.settable()::contains);
        if (to.isEmpty()) {
            json(ctx, HttpStatus.BAD_REQUEST, Map.of("error", "unknown state '" + state + "' (known: "
                    + String.join(", ", ReviewState.settable().stream().map(ReviewState::jsonName).toList()) + ")"));
            return;
        }
        Series s = series(ctx);
        decisions().record(s, decisions().effective(s), to.get(), note, by.get(), Instant.now());
        if (form) {
            ctx.redirect("/series/" + Links.encode(s.id()) + "#state", HttpStatus.SEE_OTHER);
        } else {
            json(ctx, HttpStatus.OK, StateJson.of(s, decisions().standing(s)));
        }
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }

    private Series series(Context ctx) throws IOException {
        String key = ctx.pathParam("key");
        return searcher.seriesOf(key).orElseThrow(() -> new NotFoundResponse("No series " + key));
    }

    private Decisions decisions() {
        return searcher.decisions();
    }

    private static void json(Context ctx, HttpStatus status, Object report) {
        ctx.status(status).contentType("application/json").result(Json.write(report));
    }
}
