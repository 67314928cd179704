package org.patchlane.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the unified diffs in a mail text the way {@code git apply --check} would read them syntactically:
 * header paths agree, each hunk's line counts match its body, hunks of a file are ordered and their new-side
 * starts follow from the earlier hunks' net change, and a diffstat above the diff agrees with it.
 */
final class DiffCheck {
    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*");
    private static final Pattern STAT = Pattern.compile("^ (\\S+)\\s+\\|\\s+(\\d+) ([+-]*)$");
    private static final Pattern SUMMARY = Pattern.compile(
            "^ (\\d+) files? changed(?:, (\\d+) insertions?\\(\\+\\))?(?:, (\\d+) deletions?\\(-\\))?$");

    final List<String> problems = new ArrayList<>();
    int files;
    int hunks;

    /** Checks every diff in {@code text}; {@code where} labels the problems. */
    void check(String text, String where) {
        String[] lines = text.split("\n", -1);
        List<int[]> stats = new ArrayList<>();
        List<String> statPaths = new ArrayList<>();
        int[] summary = null;
        int i = 0;
        int diffFiles = 0;
        int totalIns = 0;
        int totalDel = 0;
        while (i < lines.length) {
            String line = lines[i];
            Matcher sm = STAT.matcher(line);
            Matcher sum = SUMMARY.matcher(line);
            if (sm.matches()) {
                statPaths.add(sm.group(1));
                stats.add(new int[] {Integer.parseInt(sm.group(2)), count(sm.group(3), '+'), count(sm.group(3), '-')});
                i++;
            } else if (sum.matches()) {
                summary = new int[] {Integer.parseInt(sum.group(1)), num(sum.group(2)), num(sum.group(3))};
                i++;
            } else if (line.startsWith("diff --git ")) {
                int[] counts = new int[2];
                String path = line.substring(line.lastIndexOf(" b/") + 3);
                i = file(lines, i, where, counts);
                files++;
                diffFiles++;
                totalIns += counts[0];
                totalDel += counts[1];
                int s = statPaths.indexOf(path);
                if (s >= 0 && stats.get(s)[0] != counts[0] + counts[1]) {
                    problems.add(where + ": diffstat says " + stats.get(s)[0] + " for " + path + ", diff has "
                            + (counts[0] + counts[1]));
                }
            } else {
                i++;
            }
        }
        if (summary != null && diffFiles > 0 && (summary[0] != diffFiles || summary[1] != totalIns
                || summary[2] != totalDel)) {
            problems.add(where + ": diffstat summary " + summary[0] + "/" + summary[1] + "/" + summary[2]
                    + " but diff has " + diffFiles + "/" + totalIns + "/" + totalDel);
        }
    }

    /** Checks one file's diff starting at its {@code diff --git} line; returns the index after it. */
    private int file(String[] lines, int i, String where, int[] counts) {
        String header = lines[i];
        String[] parts = header.substring("diff --git ".length()).split(" ");
        if (parts.length != 2 || !parts[0].startsWith("a/") || !parts[1].startsWith("b/")) {
            problems.add(where + ": bad diff header " + header);
        }
        i++;
        String minus = null;
        String plus = null;
        while (i < lines.length && !lines[i].startsWith("@@") && !lines[i].startsWith("diff --git ")) {
            if (lines[i].startsWith("--- ")) {
                minus = lines[i].substring(4);
            } else if (lines[i].startsWith("+++ ")) {
                plus = lines[i].substring(4);
            }
            i++;
        }
        if (minus == null || plus == null) {
            problems.add(where + ": no ---/+++ pair after " + header);
            return i;
        }
        if (!minus.equals("/dev/null") && !minus.equals(parts[0])) {
            problems.add(where + ": --- " + minus + " does not match " + header);
        }
        if (!plus.equals("/dev/null") && !plus.equals(parts[1])) {
            problems.add(where + ": +++ " + plus + " does not match " + header);
        }
        int lastOldEnd = 0;
        int delta = 0;
        while (i < lines.length && lines[i].startsWith("@@")) {
            Matcher m = HUNK.matcher(lines[i]);
            if (!m.matches()) {
                problems.add(where + ": bad hunk header " + lines[i]);
                return i + 1;
            }
            int a = Integer.parseInt(m.group(1));
            int b = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int c = Integer.parseInt(m.group(3));
            int d = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
            hunks++;
            if (a < lastOldEnd) {
                problems.add(where + ": hunk " + lines[i] + " overlaps the previous one");
            }
            int expectedNew = b == 0 ? a + delta + 1 : a + delta;
            if (!(a == 0 && b == 0 && c == 1) && !(d == 0 ? c == expectedNew - 1 : c == expectedNew)) {
                problems.add(where + ": hunk " + lines[i] + " new start should be " + expectedNew);
            }
            i++;
            int old = 0;
            int neu = 0;
            while (i < lines.length && (old < b || neu < d)) {
                String l = lines[i];
                if (l.startsWith(" ")) {
                    old++;
                    neu++;
                } else if (l.startsWith("-")) {
                    old++;
                    counts[1]++;
                } else if (l.startsWith("+")) {
                    neu++;
                    counts[0]++;
                } else if (!l.startsWith("\\")) {
                    break;
                }
                i++;
            }
            if (i < lines.length && lines[i].startsWith("\\")) {
                i++;
            }
            if (old != b || neu != d) {
                problems.add(where + ": hunk " + lines[i - 1 < 0 ? 0 : i - 1] + " body has -" + old + " +" + neu
                        + " lines, header says -" + b + " +" + d);
            }
            if (i < lines.length) {
                String next = lines[i];
                boolean ends = next.isEmpty() || next.startsWith("@@") || next.startsWith("diff --git ")
                        || next.equals("-- ") || next.startsWith("base-commit:") || next.startsWith("--");
                if (!ends) {
                    problems.add(where + ": hunk body longer than its header says, at: " + next);
                }
            }
            lastOldEnd = a + b;
            delta += d - b;
        }
        return i;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static int num(String s) {
        return s == null ? 0 : Integer.parseInt(s);
    }
}
