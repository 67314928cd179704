package org.patchlane.web;

import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/**
 * Renders the precompiled jte templates of {@code web/templates} into a response. jte needs no Javalin plugin: a
 * template renders to a string that the context sends as HTML (Javalin 7 has no jte rendering module of its own).
 */
final class Templates {
    private static final String HTML = "text/html; charset=utf-8";
    /** Precompiled at build time (jte-maven-plugin), so nothing is compiled or written at run time. */
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
    /** Set by {@link App} on each request: the viewer the layout shows (login state, CSRF token). */
    static final String VIEWER = "patchlane.viewer";

    private Templates() {
    }

    /** Renders {@code template} (a file name under {@code web/templates}) with its parameters as the response. */
    static void render(Context ctx, String template, Map<String, ?> params) {
        Viewer viewer = ctx.attribute(VIEWER);
        render(ctx, template, params, viewer == null ? Viewer.READER : viewer);
    }

    /** As {@link #render(Context, String, Map)}, for a given viewer. */
    static void render(Context ctx, String template, Map<String, ?> params, Viewer viewer) {
        StringOutput out = new StringOutput();
        @SuppressWarnings("unchecked")
        Map<String, Object> model = (Map<String, Object>) params;
        Viewer.during(viewer, () -> ENGINE.render(template, model, out));
        ctx.contentType(HTML).result(out.toString());
    }
}
