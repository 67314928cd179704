package org.patchlane.web;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import org.patchlane.link.Linker;
import org.patchlane.mail.Address;
import org.patchlane.report.LinkJson;
import org.patchlane.review.LinkAction;
import org.patchlane.review.LinkEdit;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

/**
 * Link edits on the web: {@code POST /api/series/{key}/links} (JSON or a form with {@code action} {@code add} or
 * {@code remove}, {@code prerequisite} a series id or Message-ID, and {@code why}; only what {@link Guard#authorize}
 * admits), and the series page's Link edits panel. The series of the path is the one that depends.
 */
final class LinkRoutes {
    private final Searcher searcher;
    private final Guard guard;

    LinkRoutes(Searcher searcher, Guard guard) {
        this.searcher = searcher;
        this.guard = guard;
    }

    /** Registers the route; before the {@code /api/<rest>} catch-all. */
    void register(RoutesConfig app) {
        app.post("/api/series/{key}/links", this::change);
    }

    /** The series page's Link edits panel. */
    LinkEditPanel panel(Context ctx, Series s) throws IOException {
        boolean maintainer = guard.maintainer(ctx).isPresent();
        return LinkEditPanel.of(s.id(), searcher.linkEdits().history(s.id()),
                searcher.linkEdits().current().naming(s.id()), maintainer, maintainer ? guard.csrfToken(ctx) : "");
    }

    private void change(Context ctx) throws IOException {
        // The guard first: without a maintainer nothing else is read, nothing written.
        Optional<Address> by = guard.authorize(ctx);
        if (by.isEmpty()) {
            WriteRequest.error(ctx, HttpStatus.FORBIDDEN, "editing a series' links needs a logged-in maintainer");
            return;
        }
        Optional<WriteRequest> request = WriteRequest.read(ctx,
                "{\"action\": \"add\", \"prerequisite\": ..., \"why\": ...}", "action", "prerequisite", "why");
        if (request.isEmpty()) return;
        String action = request.get().field("action");
        String prerequisiteKey = request.get().field("prerequisite");
        String why = request.get().field("why");
        Optional<LinkAction> what = LinkAction.of(action);
        if (what.isEmpty()) {
            WriteRequest.error(ctx, HttpStatus.BAD_REQUEST, "unknown action '" + action + "' (known: add, remove)");
            return;
        }
        if (prerequisiteKey == null || prerequisiteKey.isBlank()) {
            WriteRequest.error(ctx, HttpStatus.BAD_REQUEST, "no prerequisite: give its series id or a Message-ID of it");
            return;
        }
        if (why == null || why.isBlank()) {
            WriteRequest.error(ctx, HttpStatus.BAD_REQUEST, "a link edit needs a reason (why)");
            return;
        }
        Series s = series(ctx.pathParam("key"));
        Series p = series(prerequisiteKey.strip());
        if (s.id().equals(p.id())) {
            WriteRequest.error(ctx, HttpStatus.BAD_REQUEST, "a series cannot depend on itself: " + s.id());
            return;
        }
        Linker linker = new Linker(searcher.linkSnapshot());
        if (what.get() == LinkAction.REMOVE && !linker.links(s).names(p)) {
            WriteRequest.error(ctx, HttpStatus.NOT_FOUND, s.id() + " has no link to " + p.id() + " to remove");
            return;
        }
        LinkEdit edit = searcher.linkEdits().record(s, p, what.get(), why, by.get(), Instant.now());
        if (request.get().form()) {
            ctx.redirect("/series/" + Links.encode(s.id()) + "#link-edits", HttpStatus.SEE_OTHER);
        } else {
            WriteRequest.reply(ctx, HttpStatus.OK, LinkJson.Edited.of(edit, linker.links(s)));
        }
    }

    private Series series(String key) throws IOException {
        return searcher.seriesOf(key).orElseThrow(() -> new NotFoundResponse("No series " + key + " in this archive"));
    }
}
