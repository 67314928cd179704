package org.patchlane.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.patchlane.store.DailyCounts;

/**
 * A bar chart of messages per day, laid out in Java and drawn as SVG by the status template (so every label is
 * escaped by jte and the chart needs no script or chart library). Coordinates are SVG user units in a fixed
 * viewBox; the SVG scales to its box.
 *
 * @param title  the chart's title (also its SVG {@code <title>})
 * @param width  viewBox width
 * @param height viewBox height
 * @param bars   one per day, each with its tooltip
 * @param yTicks value labels on the left axis, 0 first
 * @param xTicks date labels under the bars
 * @param yLabel what the left axis counts
 */
public record BarChart(String title, int width, int height, List<Bar> bars, List<Tick> yTicks, List<Tick> xTicks,
                       String yLabel) {
    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    /** Room for the axis labels: left, bottom, top, right. */
    static final int LEFT = 44, BOTTOM = 36, TOP = 24, RIGHT = 8;

    public BarChart {
        bars = List.copyOf(bars);
        yTicks = List.copyOf(yTicks);
        xTicks = List.copyOf(xTicks);
    }

    /** One bar; {@code tooltip} is its {@code <title>}: the day and its count. */
    public record Bar(double x, double y, double w, double h, long value, String tooltip) {
    }

    /** An axis label at a position along its axis. */
    public record Tick(double at, String label) {
    }

    /** The chart of daily counts; no bars when there are no days. */
    public static BarChart of(String title, DailyCounts days) {
        List<Long> counts = days.counts();
        long max = counts.stream().mapToLong(Long::longValue).max().orElse(0);
        long top = niceTop(max);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double slot = counts.isEmpty() ? 0 : plotW / counts.size();
        double gap = slot > 4 ? 1 : 0;
        List<Bar> bars = new ArrayList<>();
        List<Tick> xTicks = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(counts.size() / 8.0));
        for (int i = 0; i < counts.size(); i++) {
            long v = counts.get(i);
            LocalDate d = days.first().plusDays(i);
            double h = top == 0 ? 0 : plotH * v / top;
            double x = LEFT + i * slot;
            bars.add(new Bar(round(x + gap / 2), round(TOP + plotH - h), round(Math.max(slot - gap, 0.5)), round(h), v,
                    d + ": " + v + (v == 1 ? " message" : " messages")));
            if (i % every == 0) xTicks.add(new Tick(round(x + slot / 2), d.toString().substring(5)));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            long value = top * i / 4;
            if (i > 0 && value == top * (i - 1) / 4) continue;
            yTicks.add(new Tick(round(TOP + plotH - plotH * value / Math.max(top, 1)), Long.toString(value)));
        }
        return new BarChart(title, WIDTH, HEIGHT, bars, yTicks, xTicks, "messages");
    }

    /** The bottom of the plot area (the x axis), for the template. */
    public double baseline() {
        return HEIGHT - BOTTOM;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    public int top() {
        return TOP;
    }

    /** The smallest of 1, 2, 4, 5 or 10 times a power of ten that is at least {@code max} (0 stays 0). */
    static long niceTop(long max) {
        if (max <= 0) return 0;
        long p = 1;
        while (p * 10 < max) p *= 10;
        for (long m : new long[] {1, 2, 4, 5, 10}) if (m * p >= max) return m * p;
        return 10 * p;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
