package org.patchlane.web;

import java.util.Locale;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * A {@code Server-Timing: app;dur=MS} header on every response: the time from the first before-handler to the
 * last after-handler, which covers the route's lookups and its page rendering (jte renders to a string before the
 * result is set) but not the network or Jetty's writing. {@code bench web} reads it beside the time its client
 * saw; browsers show it in their developer tools.
 */
final class ServerTiming {
    /** The response header (W3C Server Timing). */
    static final String HEADER = "Server-Timing";
    private static final String START = ServerTiming.class.getName() + ".start";

    private ServerTiming() {
    }

    /** Registers the timing handlers; call first, so that the before-handler runs before every other one. */
    static void register(RoutesConfig app) {
        app.before(ctx -> ctx.attribute(START, System.nanoTime()));
        app.after(ServerTiming::stamp);
    }

    private static void stamp(Context ctx) {
        Long start = ctx.attribute(START);
        if (start != null) ctx.header(HEADER, value((System.nanoTime() - start) / 1e6));
    }

    /** The header's value for a duration in milliseconds: {@code app;dur=12.345}. */
    static String value(double millis) {
        return String.format(Locale.ROOT, "app;dur=%.3f", millis);
    }
}
