package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchlane.git.ConfigFile;

/**
 * Logging in and out over HTTP: the form, the session cookie's attributes, CSRF on every POST, failed logins slowed
 * per account and per address (on a clock the test moves), and the security headers on every kind of response.
 */
class LoginTest {
    static final String PASSWORD = "correct horse battery";
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    static Path dir;
    static MovableClock clock = new MovableClock();
    /**
     * Users alice, bob, carol and dave; 127.0.0.1 is a trusted proxy, so each test's failed logins come from
     * addresses of its own ({@code X-Forwarded-For}) and lock nothing another test needs.
     */
    static TinyArchive site;
    /** The same users, no trusted proxy. */
    static TinyArchive direct;

    @BeforeAll
    static void start() throws IOException {
        String hash = Passwords.hash(PASSWORD);
        Path conf = dir.resolve("patchlane.conf");
        Files.writeString(conf, """
                [user "alice"]
                	email = alice@example.org
                	passwordHash = %1$s
                [user "bob"]
                	email = bob@example.org
                	passwordHash = %1$s
                [user "carol"]
                	email = carol@example.org
                	passwordHash = %1$s
                [user "dave"]
                	email = dave@example.org
                	passwordHash = %1$s
                [web]
                	trustedProxy = 127.0.0.1
                """.formatted(hash));
        ConfigFile config = ConfigFile.read(conf);
        site = new TinyArchive(dir.resolve("site"), new Auth(Users.of(config), Set.of("127.0.0.1"), clock));
        direct = new TinyArchive(dir.resolve("direct"), new Auth(Users.of(config), Set.of(), clock));
    }

    @AfterAll
    static void stop() throws IOException {
        site.close();
        direct.close();
    }

    /** A browser's view of one site: its cookies, kept as a browser keeps them. */
    static final class Browser {
        final String base;
        final Map<String, String> cookies = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();

        Browser(TinyArchive on) {
            this(on.base);
        }

        Browser(String base) {
            this.base = base;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), path);
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream().map(e -> Links.encode(e.getKey()) + "=" + Links.encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)), path);
        }

        private HttpResponse<String> send(HttpRequest.Builder b, String path) throws IOException, InterruptedException {
            String sent = cookies.entrySet().stream()
                    .filter(e -> !e.getKey().equals(Auth.LOGIN_COOKIE) || path.startsWith("/login"))
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
            if (!sent.isEmpty()) b.header("Cookie", sent);
            headers.forEach(b::header);
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            for (String c : r.headers().allValues("set-cookie")) {
                String[] nv = c.split(";", 2)[0].split("=", 2);
                if (c.contains("Max-Age=0")) cookies.remove(nv[0]);
                else cookies.put(nv[0], nv[1]);
            }
            return r;
        }

        HttpResponse<String> json(String path, String body) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)), path);
        }

        /** The login form's token, as a browser gets it by opening the form. */
        String loginToken() throws IOException, InterruptedException {
            return csrf(get("/login").body());
        }

        HttpResponse<String> login(String name, String password) throws IOException, InterruptedException {
            return post("/login", Map.of("csrf", loginToken(), "name", name, "password", password, "next", "/series"));
        }
    }

    /** Another session's token, as an attacker would guess one: the same but its first character (never equal). */
    static String otherToken(String token) {
        return (token.charAt(0) == 'x' ? "y" : "x") + token.substring(1);
    }

    static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertTrue(m.find(), page);
        return m.group(1);
    }

    static String setCookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + r.headers().map()));
    }

    @Test
    void loginSucceedsAndTheLayoutNamesTheMaintainer() throws Exception {
        Browser b = new Browser(site);
        String before = b.get("/").body();
        assertTrue(before.contains("<a href=\"/login\">Log in</a>"), before);
        assertFalse(before.contains("Log out"));

        HttpResponse<String> r = b.login("alice", PASSWORD);
        assertEquals(303, r.statusCode(), r.body());
        assertEquals("/series", r.headers().firstValue("location").orElse(""));
        String page = b.get("/").body();
        assertTrue(page.contains("<span class=\"who\">alice</span>"), page);
        assertTrue(page.contains("action=\"/logout\""), page);
        assertFalse(page.contains("<a href=\"/login\">"), page);
    }

    @Test
    void loginByEmailIgnoresCase() throws Exception {
        Browser b = new Browser(site);
        assertEquals(303, b.login("Carol@Example.ORG", PASSWORD).statusCode());
        assertTrue(b.get("/").body().contains("<span class=\"who\">carol</span>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wrong password", "correct horse battery ", "CORRECT HORSE BATTERY", ""})
    void aWrongPasswordIsRefused(String password) throws Exception {
        Browser b = new Browser(site);
        b.headers.put("X-Forwarded-For", "198.51.100." + (password.length() + 1));
        HttpResponse<String> r = b.post("/login", Map.of("csrf", b.loginToken(), "name", "dave", "password", password));
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("Wrong user name or password."), r.body());
        assertFalse(b.cookies.containsKey(Auth.SESSION_COOKIE));
        assertTrue(b.get("/").body().contains("Log in</a>"));
    }

    @Test
    void sessionCookieIsHttpOnlyStrictAndSecureOnlyBehindTls() throws Exception {
        Browser plain = new Browser(site);
        String cookie = setCookie(plain.login("alice", PASSWORD), Auth.SESSION_COOKIE);
        assertTrue(cookie.contains("; HttpOnly"), cookie);
        assertTrue(cookie.contains("; SameSite=Strict"), cookie);
        assertTrue(cookie.contains("; Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), cookie);
        String token = cookie.split(";", 2)[0].split("=", 2)[1];
        assertEquals(43, token.length(), "256 random bits, Base64url");

        Browser proxied = new Browser(site);
        proxied.headers.put("X-Forwarded-Proto", "https");
        String secure = setCookie(proxied.login("alice", PASSWORD), Auth.SESSION_COOKIE);
        assertTrue(secure.endsWith("; Secure"), secure);
        assertTrue(secure.contains("; HttpOnly; SameSite=Strict"), secure);

        // The same header from a peer that is no trusted proxy is not believed.
        Browser spoofed = new Browser(direct);
        spoofed.headers.put("X-Forwarded-Proto", "https");
        String notSecure = setCookie(spoofed.login("alice", PASSWORD), Auth.SESSION_COOKIE);
        assertFalse(notSecure.contains("Secure"), notSecure);

        String login = setCookie(new Browser(site).get("/login"), Auth.LOGIN_COOKIE);
        assertTrue(login.contains("; Path=/login") && login.contains("; HttpOnly; SameSite=Strict"), login);
    }

    @Test
    void loginWithoutOrWithAWrongCsrfTokenIs403() throws Exception {
        Browser b = new Browser(site);
        String token = b.loginToken();
        HttpResponse<String> none = b.post("/login", Map.of("name", "alice", "password", PASSWORD));
        assertEquals(403, none.statusCode(), none.body());
        assertTrue(none.body().contains("CSRF"), none.body());
        HttpResponse<String> wrong = b.post("/login", Map.of("csrf", token + "x", "name", "alice", "password", PASSWORD));
        assertEquals(403, wrong.statusCode());
        // A token from another browser's form is no good either.
        HttpResponse<String> other = b.post("/login", Map.of("csrf", new Browser(site).loginToken(), "name", "alice",
                "password", PASSWORD));
        assertEquals(403, other.statusCode());
        assertFalse(b.cookies.containsKey(Auth.SESSION_COOKIE));
        assertEquals(303, b.post("/login", Map.of("csrf", token, "name", "alice", "password", PASSWORD)).statusCode());
    }

    @Test
    void logoutNeedsTheSessionsCsrfToken() throws Exception {
        Browser b = new Browser(site);
        b.login("alice", PASSWORD);
        String token = csrf(b.get("/").body());

        assertEquals(403, b.post("/logout", Map.of()).statusCode());
        assertEquals(403, b.post("/logout", Map.of("csrf", otherToken(token))).statusCode());
        // The login form's token is no session token.
        assertTrue(b.get("/").body().contains("<span class=\"who\">alice</span>"), "still logged in");

        HttpResponse<String> out = b.post("/logout", Map.of("csrf", token));
        assertEquals(303, out.statusCode());
        assertTrue(setCookie(out, Auth.SESSION_COOKIE).contains("Max-Age=0"));
        assertTrue(b.get("/").body().contains("Log in</a>"));
    }

    @Test
    void theOldSessionTokenIsDeadAfterLogout() throws Exception {
        Browser b = new Browser(site);
        b.login("alice", PASSWORD);
        String session = b.cookies.get(Auth.SESSION_COOKIE);
        String token = csrf(b.get("/").body());
        b.headers.put(Auth.CSRF_HEADER, token);
        assertEquals(303, b.post("/logout", Map.of()).statusCode(), "the header carries the token too");
        b.cookies.put(Auth.SESSION_COOKIE, session);
        assertTrue(b.get("/").body().contains("Log in</a>"));
    }

    @Test
    void aSessionEndsAfterTwelveIdleHours() throws Exception {
        Browser b = new Browser(site);
        b.login("alice", PASSWORD);
        clock.advance(Duration.ofHours(11));
        assertTrue(b.get("/").body().contains("who\">alice"), "a request restarts the idle time");
        clock.advance(Duration.ofHours(11));
        assertTrue(b.get("/").body().contains("who\">alice"));
        clock.advance(Duration.ofHours(12));
        assertTrue(b.get("/").body().contains("Log in</a>"));
    }

    @Test
    void failedLoginsLockTheAccountWhateverTheAddress() throws Exception {
        // Each attempt from another address: only the account's count can lock.
        for (int i = 1; i <= LoginThrottle.FREE; i++) {
            Browser b = new Browser(site);
            b.headers.put("X-Forwarded-For", "203.0.113." + i);
            assertEquals(401, b.login("carol", "guess " + i).statusCode());
        }
        Browser b = new Browser(site);
        b.headers.put("X-Forwarded-For", "203.0.113.99");
        HttpResponse<String> locked = b.login("carol", PASSWORD);
        assertEquals(429, locked.statusCode(), "even the right password is refused while locked");
        assertEquals("60", locked.headers().firstValue("retry-after").orElse(""));
        assertTrue(locked.body().contains("try again in a minute"), locked.body());
        assertFalse(b.cookies.containsKey(Auth.SESSION_COOKIE));
        // Another account from a fresh address is not affected.
        Browser alice = new Browser(site);
        alice.headers.put("X-Forwarded-For", "203.0.113.100");
        assertEquals(303, alice.login("alice", PASSWORD).statusCode());

        clock.advance(Duration.ofSeconds(61));
        assertEquals(303, b.login("carol", PASSWORD).statusCode());
    }

    @Test
    void failedLoginsLockTheAddressWhateverTheAccount() throws Exception {
        Browser b = new Browser(site);
        b.headers.put("X-Forwarded-For", "192.0.2.7");
        for (String name : List.of("root", "admin", "x1", "x2", "x3")) {
            assertEquals(401, b.login(name, "guess").statusCode());
        }
        assertEquals(429, b.login("bob", PASSWORD).statusCode());
        // The proxy's other clients are not locked out with it.
        Browser other = new Browser(site);
        other.headers.put("X-Forwarded-For", "192.0.2.8");
        assertEquals(303, other.login("bob", PASSWORD).statusCode());
    }

    @Test
    void aLoginGoesBackOnlyToAPathOfThisSite() throws Exception {
        for (String next : List.of("//evil.example/", "https://evil.example/", "/\\evil.example", "series")) {
            Browser b = new Browser(site);
            HttpResponse<String> r = b.post("/login", Map.of("csrf", b.loginToken(), "name", "alice", "password",
                    PASSWORD, "next", next));
            assertEquals("/", r.headers().firstValue("location").orElse(""), next);
        }
    }

    @Test
    void theLoginFormEscapesWhatWasTyped() throws Exception {
        Browser b = new Browser(site);
        b.headers.put("X-Forwarded-For", "198.51.100.200");
        String page = b.post("/login", Map.of("csrf", b.loginToken(), "name", "<script>x</script>\"", "password", "p"))
                .body();
        assertFalse(page.contains("<script>x"), page);
        // jte escapes an attribute's '<' and '"', so the value cannot end early nor open a tag.
        assertTrue(page.contains("value=\"&lt;script>x&lt;/script>&#34;\""), page);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/api/stats", "/static/patchlane.css", "/nothing/here/at/all", "/api/nothing",
            "/login", "/series?q=" + "%28", "/api/search?limit=0"})
    void everyResponseCarriesTheSecurityHeaders(String path) throws Exception {
        HttpResponse<String> r = new Browser(site).get(path);
        assertHeaders(r);
    }

    @Test
    void aRefusedPostCarriesTheSecurityHeadersToo() throws Exception {
        HttpResponse<String> r = new Browser(site).post("/logout", Map.of());
        assertEquals(403, r.statusCode());
        assertHeaders(r);
        HttpResponse<String> api = new Browser(site).post("/api/stats", Map.of());
        assertEquals(403, api.statusCode());
        assertEquals("application/json", api.headers().firstValue("content-type").orElse(""));
        assertHeaders(api);
    }

    static void assertHeaders(HttpResponse<?> r) {
        assertEquals("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
                r.headers().firstValue("content-security-policy").orElse(null), r.uri().toString());
        assertEquals("nosniff", r.headers().firstValue("x-content-type-options").orElse(null));
        assertEquals("same-origin", r.headers().firstValue("referrer-policy").orElse(null));
        assertNotNull(r.headers().firstValue("content-type").orElse(null));
    }
}
