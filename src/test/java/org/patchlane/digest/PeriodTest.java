package org.patchlane.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {
    @ParameterizedTest
    @CsvSource({
            "2026-W47, 2026-11-16T00:00:00Z, 2026-11-23T00:00:00Z",
            "2026-W01, 2025-12-29T00:00:00Z, 2026-01-05T00:00:00Z",
            "2026-W53, 2026-12-28T00:00:00Z, 2027-01-04T00:00:00Z",
            "2027-W01, 2027-01-04T00:00:00Z, 2027-01-11T00:00:00Z",
    })
    void isoWeeksStartOnMondayUtc(String label, String since, String until) {
        Period p = Period.isoWeek(label);
        assertEquals(label, p.label());
        assertEquals(Instant.parse(since), p.since());
        assertEquals(Instant.parse(until), p.until());
        assertTrue(p.week());
        assertEquals(p, Period.weekOf(Instant.parse(since).plusSeconds(6 * 86400 + 86399)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-47", "2026-W54", "2025-W53", "2026-W00", "W47", ""})
    void notWeeksAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> Period.isoWeek(text));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-W47, 2026-W46, 2026-W48",
            "2026-W01, 2025-W52, 2026-W02",
            "2026-W53, 2026-W52, 2027-W01",
    })
    void weeksHaveNeighbours(String week, String previous, String next) {
        assertEquals(previous, Period.isoWeek(week).previous().label());
        assertEquals(next, Period.isoWeek(week).next().label());
    }

    @ParameterizedTest
    @CsvSource({"2026-11-01, 2026-11-08, 2026-10-25..2026-11-01", "2026-11-10, 2026-11-11, 2026-11-09..2026-11-10"})
    void rangesAreHalfOpenAndHaveAPreviousAsLong(String since, String until, String previous) {
        Period p = Period.range(since, until);
        assertEquals(since + ".." + until, p.label());
        assertEquals(previous, p.previous().label());
    }

    @ParameterizedTest
    @CsvSource({"2026-11-08, 2026-11-01", "2026-11-01, 2026-11-01", "2026-13-01, 2026-11-01", "yesterday, 2026-11-01"})
    void badRangesAreRefused(String since, String until) {
        assertThrows(IllegalArgumentException.class, () -> Period.range(since, until));
    }

    @ParameterizedTest
    @CsvSource({"2026-W47,, this week, last week, week",
            "2026-11-01, 2026-11-11, these 10 days, the 10 days before, 10 days",
            "2026-11-10, 2026-11-11, this day, the day before, day"})
    void aPeriodNamesItselfAndTheOneBefore(String since, String until, String own, String previous, String unit) {
        Period p = until == null ? Period.isoWeek(since) : Period.range(since, until);
        assertEquals(own, p.ownName());
        assertEquals(previous, p.previousName());
        assertEquals(unit, p.unit());
    }
}
