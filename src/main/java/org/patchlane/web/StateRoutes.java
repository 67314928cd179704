package org.patchlane.web;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import org.patchlane.mail.Address;
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
        WriteRequest.reply(ctx, HttpStatus.OK, StateJson.of(s, decisions().standing(s)));
    }

    private void change(Context ctx) throws IOException {
        // The guard first: without a maintainer nothing else is read, nothing written.
        Optional<Address> by = guard.authorize(ctx);
        if (by.isEmpty()) {
            WriteRequest.error(ctx, HttpStatus.FORBIDDEN, "changing a series' state needs a logged-in maintainer");
            return;
        }
        Optional<WriteRequest> request = WriteRequest.read(ctx, "{\"state\": ..., \"note\": ...}", "state", "note");
        if (request.isEmpty()) return;
        String state = request.get().field("state");
        String note = request.get().field("note");
        Optional<ReviewState> to = ReviewState.of(state).filter(ReviewState.settable()::contains);
        if (to.isEmpty()) {
            WriteRequest.error(ctx, HttpStatus.BAD_REQUEST, "unknown state '" + state + "' (known: "
                    + String.join(", ", ReviewState.settable().stream().map(ReviewState::jsonName).toList()) + ")");
            return;
        }
        Series s = series(ctx);
        decisions().record(s, decisions().effective(s), to.get(), note, by.get(), Instant.now());
        if (request.get().form()) {
            ctx.redirect("/series/" + Links.encode(s.id()) + "#state", HttpStatus.SEE_OTHER);
        } else {
            WriteRequest.reply(ctx, HttpStatus.OK, StateJson.of(s, decisions().standing(s)));
        }
    }

    private Series series(Context ctx) throws IOException {
        String key = ctx.pathParam("key");
        return searcher.seriesOf(key).orElseThrow(() -> new NotFoundResponse("No series " + key));
    }

    private Decisions decisions() {
        return searcher.decisions();
    }
}
