package org.patchlane.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time a digest covers, half open: {@code [since, until)}, in UTC as list archives date mail.
 *
 * @param label an ISO week ({@code 2026-W47}) or the range as {@code 2026-11-01..2026-11-08} (until exclusive)
 * @param since first instant covered
 * @param until first instant after it
 * @param week  true when the period is an ISO week (Monday 00:00 UTC to the next Monday), so it has neighbours
 *              that are weeks too
 */
public record Period(String label, Instant since, Instant until, boolean week) {
    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    public Period {
        if (!since.isBefore(until)) throw new IllegalArgumentException("a period must end after it starts: " + label);
    }

    /**
     * The ISO week written as {@code 2026-W47}.
     *
     * @throws IllegalArgumentException when it is not one (week 53 only in years that have it)
     */
    public static Period isoWeek(String text) {
        Matcher m = ISO_WEEK.matcher(text.strip());
        if (!m.matches()) throw new IllegalArgumentException("not an ISO week (2026-W47): " + text);
        int year = Integer.parseInt(m.group(1)), week = Integer.parseInt(m.group(2));
        LocalDate mid = LocalDate.of(year, 7, 1);
        if (week < 1 || week > mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum())
            throw new IllegalArgumentException(year + " has no week " + week + ": " + text);
        LocalDate monday = mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
        return ofWeek(monday);
    }

    /** The ISO week containing an instant. */
    public static Period weekOf(Instant at) {
        return ofWeek(at.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    /**
     * The days from {@code since} up to but not including {@code until}, both {@code YYYY-MM-DD}.
     *
     * @throws IllegalArgumentException when either is not a date or the range is empty
     */
    public static Period range(String since, String until) {
        LocalDate from = date(since), to = date(until);
        if (!from.isBefore(to))
            throw new IllegalArgumentException("--until must be after --since: " + since + ".." + until);
        return new Period(from + ".." + to, start(from), start(to), false);
    }

    /** The period just before this one, as long; a week's is the previous week. */
    public Period previous() {
        if (week) return ofWeek(monday().minusWeeks(1));
        java.time.Duration length = java.time.Duration.between(since, until);
        Instant from = since.minus(length);
        return new Period(day(from) + ".." + day(since), from, since, false);
    }

    /** How long it is, as its comparisons say it: {@code week}, {@code day}, {@code 10 days}. */
    public String unit() {
        if (week) return "week";
        long days = java.time.Duration.between(since, until).toDays();
        return days == 1 ? "day" : days + " days";
    }

    /** What the period before it is called: {@code last week}, {@code the 10 days before}. */
    public String previousName() {
        return week ? "last week" : "the " + unit() + " before";
    }

    /** What it is called itself: {@code this week}, {@code these 10 days}. */
    public String ownName() {
        return week ? "this week" : unit().equals("day") ? "this day" : "these " + unit();
    }

    /** The week after this week. */
    public Period next() {
        if (!week) throw new IllegalStateException("only a week has a next week: " + label);
        return ofWeek(monday().plusWeeks(1));
    }

    private LocalDate monday() {
        return since.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static Period ofWeek(LocalDate monday) {
        String label = String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new Period(label, start(monday), start(monday.plusWeeks(1)), true);
    }

    private static Instant start(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date (YYYY-MM-DD): " + text);
        }
    }
}
