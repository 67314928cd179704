package org.patchlane.cli.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The one percentile (nearest rank) and median every bench reports. */
class StatsTest {
    @Test
    void nearestRankPercentilesAndTheMedianInAnyOrder() {
        List<Double> ten = List.of(10.0, 3.0, 1.0, 9.0, 2.0, 8.0, 4.0, 7.0, 5.0, 6.0);
        assertEquals(5, Stats.percentile(ten, 0.5));
        assertEquals(9, Stats.percentile(ten, 0.9));
        assertEquals(10, Stats.percentile(ten, 0.99));
        assertEquals(1, Stats.percentile(ten, 0.01));
        assertEquals(5.5, Stats.median(ten));
        assertEquals(7, Stats.percentile(List.of(7.0), 0.9));
        assertEquals(2, Stats.median(List.of(3.0, 1.0, 2.0)));
    }

    @Test
    void theMedianRunKeepsItsFigures() {
        record Run(String name, double rate) {
        }
        assertEquals("b", Stats.medianRun(List.of(new Run("a", 3), new Run("b", 2), new Run("c", 1)), Run::rate).name());
        assertEquals("a", Stats.medianRun(List.of(new Run("a", 3), new Run("b", 2)), Run::rate).name());
    }
}
