package org.patchlane.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The words the text and HTML writers share. */
class PhrasesTest {
    private static final SeriesRef S = new SeriesRef("abc123", "net: fix it", "2", "new");
    private static final Person P = new Person("Ann Maint", "ann@example.org");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "NO_REPLY|0||no reply for 0 days",
            "NO_REPLY|1||no reply for 1 day",
            "DRIVER_ACK|6|Acked-by from MLX5|waiting 6 days on a driver ack: Acked-by from MLX5 (on Ann Maint)",
            "AREA_ACK|3|DRIVER CORE|waiting 3 days on an area maintainer's ack: DRIVER CORE (on Ann Maint)",
            "PREREQUISITE|9|needs v3|waiting 9 days on an unmerged prerequisite: needs v3 (on Ann Maint)"})
    void everyWaitingReasonSaysWhy(Waiting.Reason reason, long days, String detail, String words) {
        List<Person> on = reason == Waiting.Reason.NO_REPLY ? List.of() : List.of(P);
        assertEquals(words, Phrases.waiting(new Waiting(S, reason, Instant.EPOCH, days, on, detail == null ? "" : detail)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0m", "59|59m", "60|1h", "90|1h 30m", "600|10h", "605|10h", "1440|1d",
            "1500|1d 1h", "4380|3d 1h"})
    void durations(long minutes, String words) {
        assertEquals(words, FigureRow.duration(Duration.ofMinutes(minutes)));
    }

    @Test
    void peopleSeriesAndMerges() {
        assertEquals("Ann Maint <ann@example.org>", Phrases.person(P));
        assertEquals("ann@example.org", Phrases.person(new Person("", "ann@example.org")));
        assertEquals("Ann Maint", Phrases.person(new Person("Ann Maint", "")));
        assertEquals("net: fix it v2", Phrases.series(S));
        assertEquals("net: fix it", Phrases.series(new SeriesRef("a", "net: fix it", "1", "new")));
        assertEquals("applied", Phrases.merge(new Merge(S, Merge.Kind.APPLIED, Instant.EPOCH, "", List.of(), "", "")));
        assertEquals("merged into linus (v6.19), commits 0123456789ab fedcba987654", Phrases.merge(new Merge(S,
                Merge.Kind.MERGED, Instant.EPOCH, "linus", List.of("0123456789abcdef", "fedcba9876543210"), "v6.19", "")));
    }

    @Test
    void aFindingNamesWhoMustActUnlessItsSummaryDoes() {
        Finding unnamed = new Finding("required-acks", S, false, "no ack from DRIVER CORE", List.of(), List.of(P));
        assertEquals("required-acks: no ack from DRIVER CORE (waiting on Ann Maint)", Phrases.finding(unnamed));
        Finding named = new Finding("required-acks", S, false, "missing Acked-by from Ann Maint (X)", List.of(), List.of(P));
        assertEquals("required-acks: missing Acked-by from Ann Maint (X)", Phrases.finding(named));
    }

    @Test
    void chartLabelsAreThinnedFromTheNewestWeek() {
        List<WeekFigures> twelve = new java.util.ArrayList<>();
        Figures f = new Figures(1, 0, 0, 0, 0, 0, 0, 0, null);
        for (int w = 37; w <= 48; w++) twelve.add(new WeekFigures("2026-W" + w, f));
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) labels.add(DigestCharts.label(twelve, i));
        assertEquals(List.of("", "W38", "", "W40", "", "W42", "", "W44", "", "W46", "", "W48"), labels);
        assertEquals("W47", DigestCharts.label(twelve.subList(0, 11), 10));
        assertEquals(List.of("W37", "W38"), List.of(DigestCharts.label(twelve.subList(0, 2), 0),
                DigestCharts.label(twelve.subList(0, 2), 1)));
    }

    @Test
    void aFigureWithoutAPreviousWeekHasNoComparison() {
        Figures f = new Figures(2, 0, 0, 0, 0, 0, 0, 0, null);
        Digest d = new Digest(Period.isoWeek("2026-W47"), Instant.EPOCH, null, f, null, null, List.of(), List.of(),
                List.of());
        assertEquals("2 series", FigureRow.of(d).get(0).line());
        assertEquals("no first review", FigureRow.of(d).get(8).line());
        assertEquals("all lists 2026-W47: 2 new series, 0 acks, 0 waiting", Phrases.summary(d));
    }
}
