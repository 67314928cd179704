package org.patchlane.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The logged-in maintainers, kept in the server's memory (a restart logs everyone out): a random 256-bit token,
 * sent as the session cookie, maps to the user and the session's CSRF token. A session ends at logout or after
 * {@link #IDLE} without a request.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One login; {@code seen} is the time of its last request. */
    record Session(String token, User user, String csrf, Instant seen) {
    }

    private final Clock clock;
    private final Map<String, Session> byToken = new ConcurrentHashMap<>();

    Sessions(Clock clock) {
        this.clock = clock;
    }

    /** A new session for the user, with its own CSRF token. */
    Session open(User user) {
        Instant now = clock.instant();
        byToken.values().removeIf(s -> expired(s, now));
        Session s = new Session(token(), user, token(), now);
        byToken.put(s.token(), s);
        return s;
    }

    /** The live session of a token, its idle time restarted; empty for an unknown or expired token. */
    Optional<Session> find(String token) {
        if (token == null) return Optional.empty();
        Instant now = clock.instant();
        Session s = byToken.get(token);
        if (s == null) return Optional.empty();
        if (expired(s, now)) {
            byToken.remove(token);
            return Optional.empty();
        }
        Session seen = new Session(s.token(), s.user(), s.csrf(), now);
        byToken.put(token, seen);
        return Optional.of(seen);
    }

    void close(String token) {
        if (token != null) byToken.remove(token);
    }

    private static boolean expired(Session s, Instant now) {
        return !now.isBefore(s.seen().plus(IDLE));
    }

    /** 32 random bytes, URL-safe Base64 without padding (43 characters). */
    static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
