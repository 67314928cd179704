package org.patchlane.web;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * A {@code Server-Timing: app;dur=MS, cpu;dur=MS} header on every response: the time from the first before-handler
 * to the last after-handler, which covers the route's lookups and its page rendering (jte renders to a string
 * before the result is set) but not the network or Jetty's writing, and the CPU time the request's thread spent in
 * it (on a busy machine the wall time includes waiting for a core; the CPU time does not). {@code bench web} reads
 * it beside the time its client saw; browsers show it in their developer tools.
 */
final class ServerTiming {
    /** The response header (W3C Server Timing). */
    static final String HEADER = "Server-Timing";
    private static final String START = ServerTiming.class.getName() + ".start";
    private static final String CPU = ServerTiming.class.getName() + ".cpu";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean HAS_CPU = THREADS.isCurrentThreadCpuTimeSupported();

    private ServerTiming() {
    }

    /** Registers the timing handlers; call first, so that the before-handler runs before every other one. */
    static void register(RoutesConfig app) {
        app.before(ctx -> {
            ctx.attribute(START, System.nanoTime());
            // -1 where the thread's clock is unavailable (a virtual thread): then no CPU figure.
            long cpu = HAS_CPU ? THREADS.getCurrentThreadCpuTime() : -1;
            if (cpu >= 0) ctx.attribute(CPU, cpu);
        });
        app.after(ServerTiming::stamp);
    }

    private static void stamp(Context ctx) {
        Long start = ctx.attribute(START);
        if (start == null) return;
        double wall = (System.nanoTime() - start) / 1e6;
        Long cpu = ctx.attribute(CPU);
        // Javalin runs a request's handlers on one thread, so the thread's CPU clock covers exactly them.
        ctx.header(HEADER, value(wall, cpu == null ? Double.NaN : (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6));
    }

    /** The header's value: {@code app;dur=12.345, cpu;dur=3.210}, without the CPU figure when it is NaN. */
    static String value(double wallMillis, double cpuMillis) {
        String app = String.format(Locale.ROOT, "app;dur=%.3f", wallMillis);
        return Double.isNaN(cpuMillis) ? app : app + String.format(Locale.ROOT, ", cpu;dur=%.3f", cpuMillis);
    }
}
