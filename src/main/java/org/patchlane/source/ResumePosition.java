package org.patchlane.source;

/**
 * The {@code "<number>:<fingerprint>"} positions of file-backed sources. Anything malformed reads as "from the
 * start": a damaged cursor costs a re-scan (the store is idempotent), never a refusal.
 */
final class ResumePosition {
    private ResumePosition() {
    }

    /** The number before the colon, or 0 when the position is null or malformed. */
    static long offset(String position) {
        int colon = position == null ? -1 : position.indexOf(':');
        if (colon <= 0) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(position.substring(0, colon)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The fingerprint after the colon, or "" when absent. */
    static String fingerprint(String position) {
        int colon = position == null ? -1 : position.indexOf(':');
        return colon < 0 ? "" : position.substring(colon + 1);
    }

    static String of(long number, String fingerprint) {
        return number + ":" + fingerprint;
    }
}
