package org.patchlane.web;

import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Password hashes: bcrypt by Spring Security's encoder (a well-kept implementation, never our own). The hash
 * carries its salt and cost, so a configuration can mix hashes made with different costs.
 */
public final class Passwords {
    /** bcrypt reads at most 72 bytes; a longer password would be cut silently, so it is refused. */
    public static final int MAX_BYTES = 72;
    public static final int MIN_LENGTH = 8;
    /** Cost 11: about a sixth of a second per check on a small server, which is what slows a guesser down. */
    private static final BCryptPasswordEncoder ENCODER = new BCryptPasswordEncoder(11);
    /** Checked when no user has the name given, so that an unknown name takes as long as a wrong password. */
    private static final String DUMMY = ENCODER.encode("no such user, no such password");

    private Passwords() {
    }

    /** @throws IllegalArgumentException when the password is too short or too long for bcrypt */
    public static String hash(String password) {
        if (password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("the password is longer than bcrypt's " + MAX_BYTES + " bytes");
        }
        return ENCODER.encode(password);
    }

    /** Whether the password matches a bcrypt hash; false for anything that is not one. */
    public static boolean matches(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) return false;
        try {
            return ENCODER.matches(password, hash);
        } catch (IllegalArgumentException notAHash) {
            return false;
        }
    }

    /** Whether a configured value looks like a bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}, cost, salt). */
    public static boolean isHash(String value) {
        return value != null && value.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    }

    /** Spends the time of one check against no real hash (an unknown user name). */
    static void waste(String password) {
        matches(password, DUMMY);
    }
}
