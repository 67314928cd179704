package org.patchlane.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import org.patchlane.git.ConfigFile;

/**
 * Who may change things, and the checks every request passes. Reading needs no login; a maintainer listed in the
 * configuration logs in at {@code /login} and gets a session cookie ({@code HttpOnly}, {@code SameSite=Strict},
 * {@code Secure} behind TLS).
 * <p>
 * For route authors: {@link #user(Context)} tells who is logged in; {@link #requireMaintainer(Context)} stops a
 * handler for a reader (a redirect to the login form for a page, a 403 JSON error under {@code /api/}). Every
 * {@code POST}, {@code PUT}, {@code PATCH} and {@code DELETE} is checked by {@link #requireCsrf(Context)} before
 * its handler runs: the session's token must come in the form field {@code csrf} or the header
 * {@code X-CSRF-Token}; a template puts it in a form with {@code @template.csrf()}.
 * <p>
 * "Behind TLS" means the request came over https, or from a trusted proxy ({@code [web] trustedProxy = ADDRESS},
 * repeatable) that says {@code X-Forwarded-Proto: https}; such a proxy's {@code X-Forwarded-For} also names the
 * client address that failed logins are counted against. Other requests' forwarding headers are ignored.
 */
public final class Auth implements Guard {
    public static final String SESSION_COOKIE = "patchlane-session";
    /** A reader's CSRF token for the login form, before there is a session (path {@code /login} only). */
    static final String LOGIN_COOKIE = "patchlane-login";
    public static final String CSRF_FIELD = "csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String WEB_SECTION = "web";
    private static final String SESSION = "patchlane.session";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final Users users;
    private final Set<String> trustedProxies;
    final Sessions sessions;
    final LoginThrottle throttle;

    public Auth(Users users, Set<String> trustedProxies, Clock clock) {
        this.users = users;
        this.trustedProxies = Set.copyOf(trustedProxies);
        this.sessions = new Sessions(clock);
        this.throttle = new LoginThrottle(clock);
    }

    /** Nobody can log in: a read-only site. */
    public static Auth none() {
        return new Auth(Users.NONE, Set.of(), Clock.systemUTC());
    }

    /** The users and trusted proxies of a configuration. @throws IllegalArgumentException for a bad user section */
    public static Auth of(ConfigFile config) {
        return new Auth(Users.of(config), new LinkedHashSet<>(config.strings(WEB_SECTION, null, "trustedProxy")),
                Clock.systemUTC());
    }

    Users users() {
        return users;
    }

    /** The maintainer logged in on this request, if any. */
    public Optional<User> user(Context ctx) {
        return session(ctx).map(Sessions.Session::user);
    }

    /**
     * The logged-in maintainer; otherwise stops the handler: a page redirects to the login form (and back), an API
     * path answers 403 with a JSON error.
     */
    public User requireMaintainer(Context ctx) {
        Optional<User> user = user(ctx);
        if (user.isPresent()) return user.get();
        if (ctx.path().startsWith("/api/")) throw new ForbiddenResponse("log in as a maintainer first");
        String next = HandlerType.GET.equals(ctx.method()) ? ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()) : "/";
        throw new LoginRequired(next);
    }

    /** Refuses (403) a request without this session's CSRF token in the field {@code csrf} or {@code X-CSRF-Token}. */
    public void requireCsrf(Context ctx) {
        String expected = csrf(ctx);
        String given = ctx.header(CSRF_HEADER);
        if (given == null) given = ctx.formParam(CSRF_FIELD);
        if (expected.isEmpty() || given == null || !MessageDigest.isEqual(bytes(expected), bytes(given))) {
            throw new ForbiddenResponse("missing or wrong CSRF token: reload the page and send the form again");
        }
    }

    /** The token a form of this request's page must send: the session's, else a reader's login-form token, else "". */
    public String csrf(Context ctx) {
        Optional<Sessions.Session> s = session(ctx);
        if (s.isPresent()) return s.get().csrf();
        String login = ctx.cookie(LOGIN_COOKIE);
        return login == null ? "" : login;
    }

    /** The viewer the templates see. */
    Viewer viewer(Context ctx) {
        return new Viewer(user(ctx).orElse(null), csrf(ctx));
    }

    /** Runs before every handler: security headers, the session, and the CSRF check of state-changing requests. */
    void before(Context ctx) {
        SecurityHeaders.apply(ctx);
        ctx.attribute(SESSION, sessions.find(ctx.cookie(SESSION_COOKIE)).orElse(null));
        ctx.attribute(Templates.VIEWER, viewer(ctx));
        if (!SAFE.contains(ctx.method()) && !readOnlySearch(ctx)) requireCsrf(ctx);
    }

    /**
     * lore's search ({@code POST /{list}/?q=...&x=m}, what lei sends, with no session and no token; without
     * {@code x=m} the search page) reads and changes nothing, so it needs no CSRF token; every other POST does, a
     * list path without a {@code q} in its query too. The login and logout paths have the same shape and are not
     * searches.
     */
    private static boolean readOnlySearch(Context ctx) {
        String path = ctx.path();
        return ctx.method() == HandlerType.POST && LIST_PATH.matcher(path).matches() && ctx.queryParam("q") != null
                && !path.startsWith("/login") && !path.startsWith("/logout");
    }

    private static final java.util.regex.Pattern LIST_PATH = java.util.regex.Pattern.compile("/[a-z0-9][a-z0-9._-]*/?");

    private Optional<Sessions.Session> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }

    /** Logs the user in on this response: a new session and its cookie; the reader's login token is dropped. */
    void login(Context ctx, User user) {
        Sessions.Session s = sessions.open(user);
        ctx.attribute(SESSION, s);
        cookie(ctx, SESSION_COOKIE, s.token(), "/", -1);
        cookie(ctx, LOGIN_COOKIE, "", "/login", 0);
    }

    void logout(Context ctx) {
        sessions.close(ctx.cookie(SESSION_COOKIE));
        ctx.attribute(SESSION, null);
        cookie(ctx, SESSION_COOKIE, "", "/", 0);
    }

    /** A reader's token for the login form: the one their cookie holds, else a new one set in a cookie. */
    String loginToken(Context ctx) {
        String t = ctx.cookie(LOGIN_COOKIE);
        if (t != null && t.length() == 43) return t;
        t = Sessions.token();
        cookie(ctx, LOGIN_COOKIE, t, "/login", 3600);
        return t;
    }

    /**
     * Sets a cookie no script can read and no other site's request carries; {@code Secure} behind TLS. A negative
     * age lasts as long as the browser runs; 0 deletes the cookie.
     */
    private void cookie(Context ctx, String name, String value, String path, int maxAge) {
        StringBuilder c = new StringBuilder(name).append('=').append(value).append("; Path=").append(path);
        if (maxAge >= 0) c.append("; Max-Age=").append(maxAge);
        c.append("; HttpOnly; SameSite=Strict");
        if (secure(ctx)) c.append("; Secure");
        ctx.res().addHeader("Set-Cookie", c.toString());
    }

    /** Whether the browser talks https to us: directly, or to a trusted proxy in front of us. */
    boolean secure(Context ctx) {
        if ("https".equalsIgnoreCase(ctx.scheme())) return true;
        return fromTrustedProxy(ctx) && "https".equalsIgnoreCase(String.valueOf(ctx.header("X-Forwarded-Proto")).strip());
    }

    /** The client's address: the peer's, or the last one a trusted proxy added to {@code X-Forwarded-For}. */
    String client(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || !fromTrustedProxy(ctx)) return peer;
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].strip();
        return last.isEmpty() ? peer : last;
    }

    private boolean fromTrustedProxy(Context ctx) {
        return trustedProxies.contains(ctx.req().getRemoteAddr());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The logged-in maintainer, as the state panel asks (whether to show its form). */
    @Override
    public Optional<org.patchlane.mail.Address> maintainer(Context ctx) {
        return user(ctx).map(u -> new org.patchlane.mail.Address(u.name(), u.email()));
    }

    /**
     * The maintainer a state change is made by: the session's. Its CSRF token was checked before any route ran
     * (every POST, PUT, PATCH and DELETE is refused without it), so a session alone suffices here.
     */
    @Override
    public Optional<org.patchlane.mail.Address> authorize(Context ctx) {
        return maintainer(ctx);
    }

    @Override
    public String csrfToken(Context ctx) {
        return csrf(ctx);
    }
}
