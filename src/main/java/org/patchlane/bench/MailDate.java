package org.patchlane.bench;

/**
 * Date strings for generated mail, formatted by hand from epoch seconds: {@code String.format} and
 * {@code DateTimeFormatter} cost more than the rest of a message together at 100k messages.
 */
final class MailDate {
    private MailDate() {
    }

    private static final String[] DAYS = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
        "Oct", "Nov", "Dec"};

    /** RFC 5322 date at the given offset: {@code Thu, 05 Nov 2026 10:00:00 +0100}. */
    static void rfc5322(StringBuilder sb, long epochSeconds, int offsetMinutes) {
        long local = epochSeconds + offsetMinutes * 60L;
        long days = Math.floorDiv(local, 86400L);
        int secs = (int) Math.floorMod(local, 86400L);
        int[] ymd = civil(days);
        sb.append(DAYS[(int) Math.floorMod(days, 7L)]).append(", ");
        two(sb, ymd[2]).append(' ').append(MONTHS[ymd[1] - 1]).append(' ').append(ymd[0]).append(' ');
        clock(sb, secs).append(' ');
        int off = Math.abs(offsetMinutes);
        sb.append(offsetMinutes < 0 ? '-' : '+');
        two(two(sb, off / 60), off % 60);
    }

    /** The asctime form of an mbox {@code From } line, in UTC: {@code Thu Nov  5 10:00:00 2026}. */
    static void asctime(StringBuilder sb, long epochSeconds) {
        long days = Math.floorDiv(epochSeconds, 86400L);
        int secs = (int) Math.floorMod(epochSeconds, 86400L);
        int[] ymd = civil(days);
        sb.append(DAYS[(int) Math.floorMod(days, 7L)]).append(' ').append(MONTHS[ymd[1] - 1]).append(' ');
        if (ymd[2] < 10) {
            sb.append(' ');
        }
        sb.append(ymd[2]).append(' ');
        clock(sb, secs).append(' ').append(ymd[0]);
    }

    /** {@code YYYY-MM-DD HH:MM:SS +ZZZZ}, the date form of {@code git request-pull}. */
    static void iso(StringBuilder sb, long epochSeconds, int offsetMinutes) {
        long local = epochSeconds + offsetMinutes * 60L;
        long days = Math.floorDiv(local, 86400L);
        int[] ymd = civil(days);
        sb.append(ymd[0]).append('-');
        two(sb, ymd[1]).append('-');
        two(sb, ymd[2]).append(' ');
        clock(sb, (int) Math.floorMod(local, 86400L)).append(' ');
        int off = Math.abs(offsetMinutes);
        sb.append(offsetMinutes < 0 ? '-' : '+');
        two(two(sb, off / 60), off % 60);
    }

    /** {@code YYYYMMDD} in UTC, as b4 change-ids start. */
    static void compact(StringBuilder sb, long epochSeconds) {
        int[] ymd = civil(Math.floorDiv(epochSeconds, 86400L));
        sb.append(ymd[0]);
        two(two(sb, ymd[1]), ymd[2]);
    }

    /** {@code YYYYMMDDHHMMSS} in UTC, as git send-email Message-IDs start. */
    static void stamp(StringBuilder sb, long epochSeconds) {
        compact(sb, epochSeconds);
        int secs = (int) Math.floorMod(epochSeconds, 86400L);
        two(two(two(sb, secs / 3600), secs / 60 % 60), secs % 60);
    }

    private static StringBuilder clock(StringBuilder sb, int secs) {
        two(sb, secs / 3600).append(':');
        two(sb, secs / 60 % 60).append(':');
        return two(sb, secs % 60);
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

    /** Days since 1970-01-01 to {year, month, day} (H. Hinnant's civil_from_days). */
    private static int[] civil(long z) {
        z += 719468;
        long era = Math.floorDiv(z, 146097L);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int d = (int) (doy - (153 * mp + 2) / 5 + 1);
        int m = (int) (mp < 10 ? mp + 3 : mp - 9);
        int y = (int) (yoe + era * 400 + (m <= 2 ? 1 : 0));
        return new int[] {y, m, d};
    }
}
