package org.patchlane.source;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The mbox {@code From } separator line, {@code From <sender> <asctime date>}, parsed tolerantly. Writers vary:
 * two spaces before the date ({@code From linux-kbuild  Sun Apr 07 ...}), a numeric zone before or after the
 * year, RFC 5322 order ({@code Fri, 22 Oct 2010 ...}), trailing UUCP words ({@code remote from host}). The date
 * tokens must come right after the sender; words are allowed only once the date is complete, so prose such as
 * "From the beginning, ..." is not mistaken for an envelope.
 */
final class EnvelopeLine {
    /** git format-patch writes this fixed date on every {@code From <sha>} line; it says nothing about the mail. */
    private static final Instant GIT_FORMAT_PATCH_DATE = Instant.parse("2001-09-17T00:00:00Z");
    private static final String[] MONTHS =
            {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    private static final String[] WEEKDAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    /** Longer lines are body text, not envelopes; bounds the work done per line. */
    private static final int MAX_LENGTH = 512;

    private final boolean envelope;
    private final Instant date;

    private EnvelopeLine(boolean envelope, Instant date) {
        this.envelope = envelope;
        this.date = date;
    }

    /** True when {@code line[0..len)} starts with the five bytes {@code "From "}. */
    static boolean startsWithFrom(byte[] line, int len) {
        return len >= 5 && line[0] == 'F' && line[1] == 'r' && line[2] == 'o' && line[3] == 'm' && line[4] == ' ';
    }

    /** Parses a line (terminator included or not); never throws. */
    static EnvelopeLine parse(byte[] line, int len) {
        if (!startsWithFrom(line, len) || len > MAX_LENGTH) {
            return new EnvelopeLine(false, null);
        }
        String[] tokens = new String(line, 5, len - 5, StandardCharsets.ISO_8859_1).trim().split("\\s+");
        return tokens.length < 2 ? new EnvelopeLine(false, null) : parseDate(tokens);
    }

    /** The line has the shape {@code From <sender> <date>} with month, day, time and year present. */
    boolean isEnvelope() {
        return envelope;
    }

    /** The date in UTC (or the line's numeric zone), null when absent, invalid, epoch 0 or git's fixed date. */
    Instant date() {
        return date;
    }

    private static EnvelopeLine parseDate(String[] tokens) {
        int month = 0;
        int day = 0;
        int year = 0;
        int[] time = null;
        ZoneOffset zone = ZoneOffset.UTC;
        int i = 1;
        for (; i < tokens.length && !(month > 0 && day > 0 && year > 0 && time != null); i++) {
            String t = tokens[i].toLowerCase(Locale.ROOT);
            if (t.endsWith(",")) {
                t = t.substring(0, t.length() - 1);
            }
            if (i == 1 && indexOf(WEEKDAYS, t) >= 0) {
                continue;
            } else if (month == 0 && indexOf(MONTHS, t) >= 0) {
                month = indexOf(MONTHS, t) + 1;
            } else if (day == 0 && t.matches("\\d{1,2}")) {
                day = Integer.parseInt(t);
            } else if (time == null && t.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
                time = parseTime(t);
            } else if (year == 0 && t.matches("\\d{4}")) {
                year = Integer.parseInt(t);
            } else if (t.matches("[+-]\\d{4}")) {
                zone = parseZone(t);
            } else {
                return new EnvelopeLine(false, null);
            }
        }
        if (month == 0 || day == 0 || year == 0 || time == null) {
            return new EnvelopeLine(false, null);
        }
        if (i < tokens.length && tokens[i].matches("[+-]\\d{4}")) {
            zone = parseZone(tokens[i]);
        }
        return new EnvelopeLine(true, toInstant(year, month, day, time, zone));
    }

    private static Instant toInstant(int year, int month, int day, int[] time, ZoneOffset zone) {
        try {
            Instant at = LocalDateTime.of(year, month, day, time[0], time[1], time[2]).toInstant(zone);
            return at.equals(Instant.EPOCH) || at.equals(GIT_FORMAT_PATCH_DATE) ? null : at;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int[] parseTime(String t) {
        String[] parts = t.split(":");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                parts.length > 2 ? Integer.parseInt(parts[2]) : 0};
    }

    private static ZoneOffset parseZone(String t) {
        int hours = Integer.parseInt(t.substring(1, 3));
        int minutes = Integer.parseInt(t.substring(3, 5));
        int sign = t.charAt(0) == '-' ? -1 : 1;
        try {
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static int indexOf(String[] names, String t) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(t)) {
                return i;
            }
        }
        return -1;
    }
}
