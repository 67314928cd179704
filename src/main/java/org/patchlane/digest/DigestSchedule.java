package org.patchlane.digest;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a week's digest goes out: a weekday and a time in UTC ({@code mon 07:00}), the first such moment after the
 * week has ended (so {@code mon 07:00} sends week 47 on the Monday of week 48 at 07:00).
 */
public record DigestSchedule(DayOfWeek day, LocalTime time) {
    public static final DigestSchedule DEFAULT = new DigestSchedule(DayOfWeek.MONDAY, LocalTime.of(7, 0));
    private static final Pattern TEXT = Pattern.compile("([a-z]{3})[a-z]*\\s+(\\d{1,2}:\\d{2})");
    private static final Map<String, DayOfWeek> DAYS = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);

    /**
     * {@code mon 07:00}, {@code friday 17:30}; null or blank gives {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static DigestSchedule parse(String text) {
        if (text == null || text.isBlank()) return DEFAULT;
        Matcher m = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
        DayOfWeek day = m.matches() ? DAYS.get(m.group(1)) : null;
        if (day == null || !day.name().toLowerCase(Locale.ROOT).startsWith(m.group(0).split("\\s+")[0]))
            throw new IllegalArgumentException("[digest] schedule must be a day and a time in UTC, as mon 07:00: " + text);
        try {
            String hm = m.group(2);
            return new DigestSchedule(day, LocalTime.parse(hm.length() == 4 ? "0" + hm : hm));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("[digest] schedule has no such time: " + text);
        }
    }

    /** When the digest of {@code week} is due. */
    public Instant due(Period week) {
        if (!week.week()) throw new IllegalArgumentException("only a week's digest is scheduled: " + week.label());
        // week.until is the next week's Monday 00:00 UTC.
        return week.until().plus(Duration.ofDays(day.getValue() - 1L)).plus(Duration.ofSeconds(time.toSecondOfDay()));
    }

    @Override
    public String toString() {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT) + " " + time;
    }
}
