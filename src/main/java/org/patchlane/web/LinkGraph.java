package org.patchlane.web;

import java.util.ArrayList;
import java.util.List;

import org.patchlane.thread.Series;

/**
 * The dependency graph of a series page, laid out for an inline SVG: the prerequisites in a column on the left, the
 * series in the middle, its users in a column on the right, one box per series and one arrow per linked series,
 * from the series needed to the series built on it, labelled with the strongest link's kind. An outdated
 * prerequisite (built on an older version than its latest) and a user built on an older version of this series are
 * drawn {@code outdated}; this series' box is {@code failing} when a check failed. Coordinates are whole SVG user
 * units; every string is text for the template to escape.
 *
 * @param width  the view box's width
 * @param height the view box's height
 * @param label  the graph's accessible name
 */
public record LinkGraph(int width, int height, String label, List<Box> boxes, List<Arrow> arrows) {
    static final int BOX_W = 270;
    static final int BOX_H = 46;
    static final int SELF_H = 62;
    static final int ROW = 58;
    static final int GAP = 120;
    static final int PAD = 10;
    static final int LINE = 16;
    /** Characters of a title that fit a box. */
    static final int TITLE_CHARS = 31;

    /**
     * One series' box.
     *
     * @param href  its page, null for the series of the page itself
     * @param title the box's accessible description (its SVG {@code <title>})
     * @param css   {@code box self}, {@code box}, plus {@code failing} or {@code outdated}
     */
    public record Box(int x, int y, int w, int h, String href, String title, String css, List<Text> lines) {
        int middle() {
            return y + h / 2;
        }
    }

    /** A line of text at its baseline. */
    public record Text(int x, int y, String text, String css) {
    }

    /**
     * An arrow from the series needed to the series built on it: an SVG path and its label.
     *
     * @param css {@code arrow} or {@code arrow outdated}
     */
    public record Arrow(String path, int labelX, int labelY, String label, String css) {
        /** The arrowhead marker's id for this arrow. */
        public String marker() {
            return css.contains("outdated") ? "graph-head-warn" : "graph-head";
        }
    }

    static LinkGraph of(Series self, long failedChecks, List<SeriesLinksView.Linked> prerequisites,
                        List<SeriesLinksView.Linked> users) {
        int rows = Math.max(1, Math.max(prerequisites.size(), users.size()));
        int height = PAD * 2 + Math.max(column(rows), SELF_H);
        int x = PAD;
        List<Box> left = new ArrayList<>();
        if (!prerequisites.isEmpty()) {
            left = column(prerequisites, x, height, "prerequisite");
            x += BOX_W + GAP;
        }
        Box center = selfBox(self, failedChecks, x, (height - SELF_H) / 2);
        x += BOX_W;
        List<Box> right = new ArrayList<>();
        if (!users.isEmpty()) {
            x += GAP;
            right = column(users, x, height, "user");
            x += BOX_W;
        }
        List<Box> boxes = new ArrayList<>(left);
        boxes.add(center);
        boxes.addAll(right);
        List<Arrow> arrows = new ArrayList<>();
        for (int i = 0; i < left.size(); i++) arrows.add(arrow(left.get(i), center, prerequisites.get(i)));
        for (int i = 0; i < right.size(); i++) arrows.add(arrow(center, right.get(i), users.get(i)));
        return new LinkGraph(x + PAD, height, "Dependency graph of \"" + self.title() + "\" (" + self.id() + "): "
                + count(prerequisites.size(), "prerequisite") + " on the left, " + count(users.size(), "user")
                + " on the right", boxes, arrows);
    }

    private static int column(int boxes) {
        return boxes * ROW - (ROW - BOX_H);
    }

    private static List<Box> column(List<SeriesLinksView.Linked> linked, int x, int height, String role) {
        List<Box> out = new ArrayList<>();
        int top = (height - column(linked.size())) / 2;
        for (int i = 0; i < linked.size(); i++) {
            SeriesLinksView.Linked l = linked.get(i);
            int y = top + i * ROW;
            String versions = role.equals("prerequisite")
                    ? "v" + l.builtOn() + (l.outdated() ? ", latest v" + l.latest() + " (outdated)" : "")
                    : "on v" + l.builtOn() + (l.outdated() ? " of v" + l.latest() + " (outdated)" : "");
            String title = role + ": \"" + l.title() + "\" (" + l.series() + "), "
                    + (role.equals("prerequisite") ? "built on v" + l.builtOn() + ", latest v" + l.latest()
                    : "built on v" + l.builtOn() + " of this series, whose latest is v" + l.latest())
                    + "; strongest link: " + l.kind();
            out.add(new Box(x, y, BOX_W, BOX_H, l.href(), title, l.outdated() ? "box outdated" : "box", List.of(
                    new Text(x + 10, y + 19, shorten(l.title()), "box-title"),
                    new Text(x + 10, y + 19 + LINE, l.series() + " · " + versions, "box-meta"))));
        }
        return out;
    }

    private static Box selfBox(Series self, long failedChecks, int x, int y) {
        List<Text> lines = new ArrayList<>();
        lines.add(new Text(x + 10, y + 19, shorten(self.title()), "box-title"));
        lines.add(new Text(x + 10, y + 19 + LINE, self.id() + " · v" + self.latest().label() + " (this series)",
                "box-meta"));
        String checks = failedChecks == 0 ? "no check failed" : count(failedChecks, "check") + " failed";
        lines.add(new Text(x + 10, y + 19 + 2 * LINE, checks, failedChecks == 0 ? "box-meta" : "box-fail"));
        return new Box(x, y, BOX_W, SELF_H, null, "this series: \"" + self.title() + "\" (" + self.id() + ", v"
                + self.latest().label() + "); " + checks, failedChecks == 0 ? "box self" : "box self failing", lines);
    }

    private static Arrow arrow(Box from, Box to, SeriesLinksView.Linked l) {
        int x1 = from.x() + from.w();
        int y1 = from.middle();
        int x2 = to.x() - 2;
        int y2 = to.middle();
        int mx = (x1 + x2) / 2;
        String path = "M" + x1 + "," + y1 + " C" + mx + "," + y1 + " " + mx + "," + y2 + " " + x2 + "," + y2;
        return new Arrow(path, mx, (y1 + y2) / 2 - 4, l.kind(), l.outdated() ? "arrow outdated" : "arrow");
    }

    /** A title cut to fit a box, with an ellipsis when cut. */
    static String shorten(String title) {
        if (title.codePointCount(0, title.length()) <= TITLE_CHARS) return title;
        return title.substring(0, title.offsetByCodePoints(0, TITLE_CHARS - 1)).stripTrailing() + "…";
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
