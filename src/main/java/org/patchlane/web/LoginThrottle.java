package org.patchlane.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: failed logins are counted per key (one for the account named, one for the client
 * address). From the {@link #FREE}th failure on, that key is refused for {@link #FIRST_LOCK}, doubling with each
 * further failure up to {@link #MAX_LOCK}. A key is forgotten after {@link #WINDOW} without failures once its lock
 * has run out, and an account's key on a successful login. The clock is injected so tests need not sleep.
 */
final class LoginThrottle {
    /** Failures allowed before the first lock. */
    static final int FREE = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration MAX_LOCK = Duration.ofHours(1);
    /** Past this many keys the forgotten ones are swept, so a flood of made-up names cannot fill the memory. */
    private static final int SWEEP_AT = 10_000;

    private record Strikes(int failures, Instant last, Instant lockedUntil) {
        boolean forgotten(Instant now) {
            Instant quiet = last.isAfter(lockedUntil) ? last : lockedUntil;
            return now.isAfter(quiet.plus(WINDOW));
        }
    }

    private final Clock clock;
    private final Map<String, Strikes> keys = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the key is still refused; empty when a login may be tried. */
    Optional<Duration> refused(String key) {
        Instant now = clock.instant();
        Strikes s = keys.get(key);
        if (s == null || !now.isBefore(s.lockedUntil())) return Optional.empty();
        return Optional.of(Duration.between(now, s.lockedUntil()));
    }

    /** Records a failed login against the key. */
    void failed(String key) {
        Instant now = clock.instant();
        if (keys.size() > SWEEP_AT) keys.values().removeIf(s -> s.forgotten(now));
        keys.compute(key, (k, s) -> {
            int failures = s == null || s.forgotten(now) ? 1 : s.failures() + 1;
            Instant until = failures < FREE ? now : now.plus(lock(failures));
            return new Strikes(failures, now, until);
        });
    }

    /** Forgets the key's failures (an account after a successful login). */
    void succeeded(String key) {
        keys.remove(key);
    }

    /** The lock after the n-th failure (n at least {@link #FREE}): 1, 2, 4 ... minutes, at most an hour. */
    static Duration lock(int failures) {
        int doublings = Math.min(failures - FREE, 6);
        Duration d = FIRST_LOCK.multipliedBy(1L << doublings);
        return d.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : d;
    }
}
