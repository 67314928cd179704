package org.patchlane.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * {@code GET /login} (the form), {@code POST /login} and {@code POST /logout}. Failed logins are throttled per
 * account and per client address ({@link LoginThrottle}); a refused attempt is not even checked, so a guesser
 * learns nothing while locked out.
 */
final class LoginRoutes {
    private final Auth auth;

    LoginRoutes(Auth auth) {
        this.auth = auth;
    }

    /** The routes and the redirect of {@link Auth#requireMaintainer}; before the lore-style {@code /{list}} paths. */
    void register(RoutesConfig app) {
        app.before(auth::before);
        app.exception(LoginRequired.class, (e, ctx) -> ctx.redirect(e.location(), HttpStatus.SEE_OTHER));
        app.get("/login", this::form);
        app.post("/login", this::login);
        app.post("/logout", this::logout);
    }

    private void form(Context ctx) {
        if (auth.user(ctx).isPresent()) {
            ctx.redirect(next(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
            return;
        }
        render(ctx, "", next(ctx.queryParam("next")), null);
    }

    private void login(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String next = next(ctx.formParam("next"));
        List<String> keys = List.of("account:" + name.toLowerCase(Locale.ROOT), "address:" + auth.client(ctx));
        Optional<Duration> wait = keys.stream().map(auth.throttle::refused).flatMap(Optional::stream)
                .max(Duration::compareTo);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(seconds));
            render(ctx, name, next, "Too many failed logins for this account or from this address: try again in "
                    + waitText(seconds) + ".");
            return;
        }
        Optional<User> user = name.isEmpty() ? Optional.empty() : auth.users().verify(name, password);
        if (user.isEmpty()) {
            keys.forEach(auth.throttle::failed);
            ctx.status(HttpStatus.UNAUTHORIZED);
            render(ctx, name, next, "Wrong user name or password.");
            return;
        }
        auth.throttle.succeeded(keys.get(0));
        auth.login(ctx, user.get());
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        auth.logout(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, String name, String next, String error) {
        Viewer reader = new Viewer(null, auth.loginToken(ctx));
        Templates.render(ctx, "login.jte", Map.of("name", name, "next", next, "error", error == null ? "" : error,
                "enabled", !auth.users().all().isEmpty()), reader);
    }

    /** Where to go after logging in: a path of this site only (not {@code //host} or {@code /\host}), else home. */
    static String next(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
        for (char c : next.toCharArray()) if (c < 0x20 || c == 0x7f) return "/";
        return next;
    }

    private static String waitText(long seconds) {
        long minutes = (seconds + 59) / 60;
        return seconds < 60 ? seconds + " seconds" : minutes == 1 ? "a minute" : minutes + " minutes";
    }
}
