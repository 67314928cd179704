package org.patchlane.cli.measure;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The benchmarks' summaries of repeated measurements: one definition of a percentile and of a median. */
public final class Stats {
    private Stats() {
    }

    /** The nearest-rank percentile ({@code p} in (0, 1]) of some figures, in any order; at least one. */
    public static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p) - 1)));
    }

    /** The median: the middle figure, or the mean of the two middle ones. */
    public static double median(List<Double> values) {
        List<Double> s = values.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** The run whose figure is the median (the upper middle one of an even count): a run's figures kept together. */
    public static <T> T medianRun(List<T> runs, ToDoubleFunction<T> figure) {
        return runs.stream().sorted(Comparator.comparingDouble(figure)).toList().get(runs.size() / 2);
    }
}
