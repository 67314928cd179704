package org.patchlane.store;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * lore's date forms for {@code d:} (the subset of git's approxidate that b4 and people type), resolved against an
 * injected clock's time and zone. Each form is a span: a calendar day for {@code 20261102}, {@code 2026-11-02},
 * {@code today}, {@code yesterday}; one second for {@code 20261102153000}; an instant for {@code N.units.ago},
 * {@code last.week}. {@code A..B} runs from A's start to B's end; a lone form is its span, a lone instant its day.
 */
final class DateExpression {
    static final String FORMS = "YYYYMMDD, YYYY-MM-DD, YYYYMMDDHHMMSS, N.days.ago (seconds, minutes, hours, days, "
            + "weeks, months, years), last.week, yesterday, today, or a range A..B, A.., ..B";

    private static final Pattern AGO = Pattern.compile("(\\d{1,6})\\.([a-z]+?)s?\\.ago");
    private static final Pattern LAST = Pattern.compile("last\\.([a-z]+?)s?");
    private static final Map<String, ChronoUnit> UNITS = Map.of("second", ChronoUnit.SECONDS,
            "minute", ChronoUnit.MINUTES, "hour", ChronoUnit.HOURS, "day", ChronoUnit.DAYS, "week", ChronoUnit.WEEKS,
            "month", ChronoUnit.MONTHS, "year", ChronoUnit.YEARS);
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    /** A resolved span, both ends inclusive, in epoch milliseconds. */
    record Span(long from, long to) {
    }

    private DateExpression() {
    }

    /**
     * Resolves an expression.
     *
     * @throws IllegalArgumentException naming the part that is not a date form
     */
    static Span parse(String text, Clock clock) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        int dots = t.indexOf("..");
        if (dots < 0) {
            Span s = point(t, clock);
            return s.from() == s.to() ? day(Instant.ofEpochMilli(s.from()).atZone(clock.getZone()).toLocalDate(),
                    clock.getZone()) : s;
        }
        String left = t.substring(0, dots);
        String right = t.substring(dots + 2);
        if (left.isEmpty() && right.isEmpty()) throw new IllegalArgumentException("'..' needs a date on at least one side");
        long from = left.isEmpty() ? Long.MIN_VALUE : point(left, clock).from();
        long to = right.isEmpty() ? Long.MAX_VALUE : point(right, clock).to();
        return new Span(from, to);
    }

    private static Span point(String t, Clock clock) {
        ZoneId zone = clock.getZone();
        ZonedDateTime now = ZonedDateTime.now(clock);
        switch (t) {
            case "now" -> { return instant(now.toInstant()); }
            case "today" -> { return day(now.toLocalDate(), zone); }
            case "yesterday" -> { return day(now.toLocalDate().minusDays(1), zone); }
            default -> { }
        }
        Matcher ago = AGO.matcher(t);
        if (ago.matches()) return instant(now.minus(Long.parseLong(ago.group(1)), unit(ago.group(2), t)).toInstant());
        Matcher last = LAST.matcher(t);
        if (last.matches()) return instant(now.minus(1, unit(last.group(1), t)).toInstant());
        try {
            if (t.matches("\\d{8}")) return day(LocalDate.parse(t, BASIC), zone);
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) return day(LocalDate.parse(t), zone);
            if (t.matches("\\d{14}")) {
                long start = LocalDateTime.parse(t, STAMP).atZone(zone).toInstant().toEpochMilli();
                return new Span(start, start + 999);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + t + "' is not a valid calendar date", e);
        }
        throw new IllegalArgumentException("'" + t + "' is not a date");
    }

    private static ChronoUnit unit(String name, String whole) {
        ChronoUnit u = UNITS.get(name);
        if (u == null) throw new IllegalArgumentException("unknown time unit '" + name + "' in '" + whole + "'");
        return u;
    }

    private static Span instant(Instant i) {
        return new Span(i.toEpochMilli(), i.toEpochMilli());
    }

    private static Span day(LocalDate d, ZoneId zone) {
        long start = d.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = d.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli() - 1;
        return new Span(start, end);
    }
}
