package org.patchlane.view;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.patchlane.store.DailyCounts;

/**
 * A bar chart laid out in Java and drawn as SVG by the {@code barchart} template (so every label is escaped by jte
 * and the chart needs no script or chart library): the status page's messages per day and the digest's weekly
 * activity and time to first review. Coordinates are SVG user units in a fixed viewBox; the SVG scales to its box.
 * Each bar carries its fill as an attribute, not only a CSS class, since a mail client may drop the stylesheet.
 *
 * @param title  the chart's title (also its SVG {@code <title>})
 * @param width  viewBox width
 * @param height viewBox height
 * @param bars   one per column and layer, each with its tooltip
 * @param yTicks value labels on the left axis, 0 first
 * @param xTicks labels under the columns
 * @param yLabel what the left axis counts
 * @param xLabel what the columns are
 * @param legend one key per layer, empty for a single layer
 */
public record BarChart(String title, int width, int height, List<Bar> bars, List<Tick> yTicks, List<Tick> xTicks,
                       String yLabel, String xLabel, List<Key> legend) {
    public static final int WIDTH = 720;
    public static final int HEIGHT = 240;
    /** Room for the axis labels: left, bottom, top, right. */
    static final int LEFT = 44, BOTTOM = 36, TOP = 24, RIGHT = 8;
    /** The status page's bar colour (the stylesheet's {@code .chart .bar}). */
    static final String BLUE = "#4f86c6";

    public BarChart {
        bars = List.copyOf(bars);
        yTicks = List.copyOf(yTicks);
        xTicks = List.copyOf(xTicks);
        legend = List.copyOf(legend);
    }

    /** One bar; {@code tooltip} is its {@code <title>}: the column and its value. */
    public record Bar(double x, double y, double w, double h, long value, String tooltip, String fill) {
    }

    /** An axis label at a position along its axis. */
    public record Tick(double at, String label) {
    }

    /** A legend entry: a swatch at (x, y) and its label. */
    public record Key(double x, double y, String label, String fill) {
    }

    /** What one layer of bars counts, and its colour. */
    public record Layer(String name, String fill) {
    }

    /**
     * One column of the chart: its axis label and one value and tooltip per layer.
     *
     * @param label    under the axis; "" for none (a thinned label)
     */
    public record Column(String label, List<Long> values, List<String> tooltips) {
        public Column {
            values = List.copyOf(values);
            tooltips = List.copyOf(tooltips);
        }
    }

    /** How the layers of a column share it: side by side, or one on another. */
    public enum Mode { GROUPED, STACKED }

    /** The chart of daily counts; no bars when there are no days. */
    public static BarChart of(String title, DailyCounts days) {
        List<Column> columns = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(days.counts().size() / 8.0));
        for (int i = 0; i < days.counts().size(); i++) {
            long v = days.counts().get(i);
            LocalDate d = days.first().plusDays(i);
            columns.add(new Column(i % every == 0 ? d.toString().substring(5) : "", List.of(v),
                    List.of(d + ": " + Plural.of(v, "message"))));
        }
        return layout(title, "messages", "day (UTC)", List.of(new Layer("messages", BLUE)), columns, Mode.GROUPED);
    }

    /**
     * Lays the columns out over the plot: the value axis runs from 0 to a round top above the largest bar (or stack),
     * a column's layers stand side by side or stacked, and a legend names the layers when there are several.
     */
    public static BarChart layout(String title, String yLabel, String xLabel, List<Layer> layers, List<Column> columns,
                                  Mode mode) {
        long max = 0;
        for (Column c : columns) {
            long v = mode == Mode.STACKED ? c.values().stream().mapToLong(Long::longValue).sum()
                    : c.values().stream().mapToLong(Long::longValue).max().orElse(0);
            max = Math.max(max, v);
        }
        long top = niceTop(max);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double slot = columns.isEmpty() ? 0 : plotW / columns.size();
        double gap = slot > 4 ? Math.max(1, slot / 8) : 0;
        int across = mode == Mode.GROUPED ? Math.max(1, layers.size()) : 1;
        double barW = Math.max((slot - gap) / across, 0.5);
        List<Bar> bars = new ArrayList<>();
        List<Tick> xTicks = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            double x = LEFT + i * slot;
            double stacked = 0;
            for (int l = 0; l < c.values().size() && l < layers.size(); l++) {
                long v = c.values().get(l);
                double h = top == 0 ? 0 : plotH * v / top;
                double bx = mode == Mode.GROUPED ? x + gap / 2 + l * barW : x + gap / 2;
                double by = TOP + plotH - h - stacked;
                bars.add(new Bar(round(bx), round(by), round(barW), round(h), v, c.tooltips().get(l),
                        layers.get(l).fill()));
                if (mode == Mode.STACKED) stacked += h;
            }
            if (!c.label().isEmpty()) xTicks.add(new Tick(round(x + slot / 2), c.label()));
        }
        List<Tick> yTicks = new ArrayList<>();
        // Four steps when the top divides by four, else five, else two: every label a whole number.
        int steps = top % 4 == 0 ? 4 : top % 5 == 0 ? 5 : 2;
        for (int i = 0; i <= steps; i++) {
            long value = top * i / steps;
            if (i > 0 && value == top * (i - 1) / steps) continue;
            yTicks.add(new Tick(round(TOP + plotH - plotH * value / Math.max(top, 1)), Long.toString(value)));
        }
        List<Key> legend = new ArrayList<>();
        if (layers.size() > 1) {
            double kx = WIDTH - RIGHT;
            for (int l = layers.size() - 1; l >= 0; l--) {
                kx -= 16 + 7 * layers.get(l).name().length();
                legend.add(0, new Key(round(kx), TOP - 18, layers.get(l).name(), layers.get(l).fill()));
            }
        }
        return new BarChart(title, WIDTH, HEIGHT, bars, yTicks, xTicks, yLabel, xLabel, legend);
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
    public static long niceTop(long max) {
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
