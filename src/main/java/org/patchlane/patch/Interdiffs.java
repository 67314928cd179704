package org.patchlane.patch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.patchlane.git.TextDiff;
import org.patchlane.mail.Lines;
import org.patchlane.patch.Interdiff.Change;
import org.patchlane.patch.Interdiff.FileChange;
import org.patchlane.patch.Interdiff.Line;
import org.patchlane.patch.Interdiff.LineKind;
import org.patchlane.patch.Interdiff.Method;
import org.patchlane.patch.Interdiff.Region;

/**
 * The interdiff of two versions of a patch from their mail text alone. Per file, when both diffs agree on the old
 * text they show (allowing the whole file to have moved by an offset), each version's new-side text is rebuilt
 * over the lines either diff covers and the two are diffed ({@link Method#POST_IMAGE}); otherwise the two diffs'
 * lines are diffed ({@link Method#DIFF_TEXT}). The line diff is git's histogram diff ({@link TextDiff}).
 */
public final class Interdiffs {
    /** Context lines around each change, as git shows them. */
    static final int CONTEXT = 3;
    /** Follow-up trailers: collected by b4 and Patchlane between versions, so not a change a reviewer needs. */
    private static final Pattern FOLLOW_UP = Pattern.compile(
            "^(?:Acked|Reviewed|Tested|Reported|Suggested|Nacked)-by:.*|^Cc:.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern HUNK_NUMBERS = Pattern.compile("^@@ -\\S+ \\+\\S+ @@ ?");

    private Interdiffs() {
    }

    /**
     * The changes from one version of a patch to the next.
     *
     * @param fromText the older version's mail text (its own text, then any diff attachments)
     * @param toText   the newer version's
     */
    public static Interdiff between(String fromText, String toText) {
        List<String> a = commitMessage(fromText);
        List<String> b = commitMessage(toText);
        List<Region> message = regions(a, b, 1, 1);
        return new Interdiff(message, files(Diffs.fileParts(fromText), Diffs.fileParts(toText)));
    }

    /** The commit message's lines up to the {@code ---} (or the diff), without follow-up trailers or trailing blanks. */
    static List<String> commitMessage(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        for (String l : Lines.split(text)) {
            if (Trailers.endsCommitMessage(l)) break;
            if (FOLLOW_UP.matcher(l).matches()) continue;
            // A blank line left where collected trailers were taken out is no change either.
            if (l.isBlank() && !out.isEmpty() && out.get(out.size() - 1).isBlank()) continue;
            out.add(l);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) out.remove(out.size() - 1);
        return out;
    }

    /** Files paired by path, then a rename in one version with its plain path in the other. */
    static List<FileChange> files(List<FilePatch> from, List<FilePatch> to) {
        Map<String, FilePatch> older = new LinkedHashMap<>();
        for (FilePatch f : from) older.putIfAbsent(f.file().path(), f);
        List<FileChange> out = new ArrayList<>();
        List<FilePatch> added = new ArrayList<>();
        for (FilePatch t : to) {
            FilePatch f = older.remove(t.file().path());
            if (f == null && t.file().oldPath() != null) f = older.remove(t.file().oldPath());
            if (f == null) added.add(t);
            else out.add(compare(f, t));
        }
        for (FilePatch t : added) {
            FilePatch f = older.values().stream()
                    .filter(o -> Objects.equals(o.file().oldPath(), t.file().path())).findFirst()
                    .or(() -> older.values().stream().filter(o -> samePathUnderDirectory(o, t)).findFirst()).orElse(null);
            if (f != null) {
                older.remove(f.file().path());
                out.add(compare(f, t));
            } else {
                out.add(new FileChange(t.file().path(), Change.ADDED, t.file().binary() ? Method.BINARY : Method.DIFF_TEXT,
                        t.file().binary() ? "binary" : null, regions(List.of(), diffLines(t), 1, 1)));
            }
        }
        for (FilePatch f : older.values()) {
            out.add(new FileChange(f.file().path(), Change.DROPPED, f.file().binary() ? Method.BINARY : Method.DIFF_TEXT,
                    f.file().binary() ? "binary" : null, regions(diffLines(f), List.of(), 1, 1)));
        }
        return out;
    }

    /**
     * One version's diff names the file under an extra leading directory ({@code linux-6.17/drivers/x.c}, from a
     * plain {@code diff -u} of two trees) and the other as git does ({@code drivers/x.c}).
     */
    private static boolean samePathUnderDirectory(FilePatch a, FilePatch b) {
        String x = a.file().path();
        String y = b.file().path();
        return x.endsWith("/" + y) || y.endsWith("/" + x);
    }

    /** One file in both versions. */
    static FileChange compare(FilePatch f, FilePatch t) {
        String path = t.file().path();
        String note = headerNote(f.file(), t.file());
        if (f.file().binary() || t.file().binary()) {
            // A binary's index line holds the blob ids: the only sign of its content.
            boolean same = f.text().subList(1, f.text().size()).equals(t.text().subList(1, t.text().size()));
            String n = same ? note : join(note, "binary contents differ");
            return new FileChange(path, same && note == null ? Change.UNCHANGED : Change.CHANGED, Method.BINARY, n, List.of());
        }
        List<Region> rebuilt = PostImages.regions(f.hunks(), t.hunks());
        if (rebuilt != null) {
            Change change = rebuilt.isEmpty() && note == null ? Change.UNCHANGED : Change.CHANGED;
            return new FileChange(path, change, Method.POST_IMAGE, note, rebuilt);
        }
        List<Region> text = regions(diffLines(f), diffLines(t), 1, 1);
        Change change = text.isEmpty() && note == null ? Change.UNCHANGED : Change.CHANGED;
        return new FileChange(path, change, Method.DIFF_TEXT, note, text);
    }

    /** A rename, copy, creation or deletion in one version only. */
    private static String headerNote(FileDiff f, FileDiff t) {
        // Paired files have one path; only a rename's or copy's other path is news (not a tree-prefixed name).
        boolean moves = f.change() == FileDiff.ChangeKind.RENAME || f.change() == FileDiff.ChangeKind.COPY;
        if (f.change() == t.change() && (!moves || Objects.equals(f.oldPath(), t.oldPath())
                && Objects.equals(f.newPath(), t.newPath()))) return null;
        return "older version " + describe(f) + "; newer version " + describe(t);
    }

    private static String describe(FileDiff d) {
        return switch (d.change()) {
            case ADD -> "creates " + d.newPath();
            case DELETE -> "deletes " + d.oldPath();
            case RENAME -> "renames " + d.oldPath() + " to " + d.newPath();
            case COPY -> "copies " + d.oldPath() + " to " + d.newPath();
            case MODIFY -> "modifies " + d.path();
        };
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }

    /** A part's text without its {@code index} line (blob ids change with any rebase of the base). */
    private static List<String> body(List<String> text) {
        return text.stream().filter(l -> !l.startsWith("index ")).toList();
    }

    /** The part's hunk lines, each {@code @@} header without its line numbers (they move with the base). */
    static List<String> diffLines(FilePatch f) {
        List<String> out = new ArrayList<>();
        for (org.patchlane.patch.Hunk h : f.hunks()) {
            out.add(h.context().isEmpty() ? "@@" : "@@ " + h.context());
            out.addAll(h.lines());
        }
        if (f.hunks().isEmpty()) out.addAll(body(f.text()));
        return out;
    }

    /**
     * The line diff of {@code a} and {@code b} as hunks with {@link #CONTEXT} lines of context, numbered from
     * {@code aFirst} and {@code bFirst} (the 1-based line numbers of their first lines).
     */
    static List<Region> regions(List<String> a, List<String> b, int aFirst, int bFirst) {
        List<TextDiff.Change> changes = TextDiff.changes(a, b);
        List<Region> out = new ArrayList<>();
        int i = 0;
        while (i < changes.size()) {
            int j = i;
            // Changes closer than twice the context share a hunk, as in git.
            while (j + 1 < changes.size() && changes.get(j + 1).fromStart() - changes.get(j).fromEnd() <= 2 * CONTEXT) j++;
            TextDiff.Change first = changes.get(i);
            TextDiff.Change last = changes.get(j);
            int aStart = Math.max(0, first.fromStart() - CONTEXT);
            int bStart = first.toStart() - (first.fromStart() - aStart);
            int aEnd = Math.min(a.size(), last.fromEnd() + CONTEXT);
            int bEnd = last.toEnd() + (aEnd - last.fromEnd());
            List<Line> lines = new ArrayList<>();
            int ai = aStart;
            for (int k = i; k <= j; k++) {
                TextDiff.Change c = changes.get(k);
                while (ai < c.fromStart()) lines.add(new Line(LineKind.CONTEXT, a.get(ai++)));
                for (int x = c.fromStart(); x < c.fromEnd(); x++) lines.add(new Line(LineKind.REMOVED, a.get(x)));
                for (int x = c.toStart(); x < c.toEnd(); x++) lines.add(new Line(LineKind.ADDED, b.get(x)));
                ai = c.fromEnd();
            }
            while (ai < aEnd) lines.add(new Line(LineKind.CONTEXT, a.get(ai++)));
            // As git numbers an empty side: the line before it.
            out.add(new Region(aFirst + aStart - (aEnd == aStart ? 1 : 0), aEnd - aStart,
                    bFirst + bStart - (bEnd == bStart ? 1 : 0), bEnd - bStart, lines));
            i = j + 1;
        }
        return out;
    }

    /**
     * The {@link Method#POST_IMAGE} comparison of one file's hunks. The old text both diffs show is collected by
     * old line number; where they disagree (or cover no common or adjoining lines), null: the diffs are not
     * against the same text there, and rebuilding would show the base's changes as the patch's.
     */
    static final class PostImages {
        private PostImages() {
        }

        /** The old-file lines {@code [start, end)} (1-based, in the older diff's numbering) a hunk covers. */
        private record Span(int start, int end, org.patchlane.patch.Hunk hunk) {
            /** How far the side's hunks before old line {@code n} (a region's start) move it in the new file. */
            static int delta(List<Span> spans, int n) {
                int d = 0;
                for (Span s : spans) if (s.start < n) d += s.hunk.newCount() - s.hunk.oldCount();
                return d;
            }
        }

        static List<Region> regions(List<org.patchlane.patch.Hunk> from, List<org.patchlane.patch.Hunk> to) {
            if (from.isEmpty() || to.isEmpty()) return null;
            if (lines(from).equals(lines(to))) return List.of();
            List<Integer> shifts = new ArrayList<>(List.of(0));
            int moved = to.get(0).oldStart() - from.get(0).oldStart();
            if (moved != 0) shifts.add(moved);
            for (int shift : shifts) {
                List<Region> r = at(from, to, shift);
                if (r != null) return r;
            }
            return null;
        }

        private static List<String> lines(List<org.patchlane.patch.Hunk> hunks) {
            List<String> out = new ArrayList<>();
            for (org.patchlane.patch.Hunk h : hunks) {
                out.add("@@");
                out.addAll(h.lines());
            }
            return out;
        }

        /** With the newer diff's old line numbers moved back by {@code shift}. */
        private static List<Region> at(List<org.patchlane.patch.Hunk> from, List<org.patchlane.patch.Hunk> to, int shift) {
            Map<Integer, String> base = new HashMap<>();
            List<Span> a = spans(from, 0);
            List<Span> b = spans(to, shift);
            if (!learn(base, a) || !learn(base, b)) return null;
            boolean touch = a.stream().anyMatch(x -> b.stream().anyMatch(y -> x.start <= y.end && y.start <= x.end));
            if (!touch) return null;
            List<int[]> merged = merge(a, b);
            List<Region> out = new ArrayList<>();
            for (int[] m : merged) {
                List<String> aText = rebuild(base, a, m);
                List<String> bText = rebuild(base, b, m);
                if (aText == null || bText == null) return null;
                int aFirst = m[0] + Span.delta(a, m[0]);
                int bFirst = m[0] + shift + Span.delta(b, m[0]);
                out.addAll(Interdiffs.regions(aText, bText, aFirst, bFirst));
            }
            return out;
        }

        private static List<Span> spans(List<org.patchlane.patch.Hunk> hunks, int shift) {
            List<Span> out = new ArrayList<>();
            for (org.patchlane.patch.Hunk h : hunks) {
                // A pure insertion "@@ -5,0 ..." goes after old line 5: an empty span at line 6.
                int start = (h.oldCount() == 0 ? h.oldStart() + 1 : h.oldStart()) - shift;
                out.add(new Span(start, start + h.oldCount(), h));
            }
            return out;
        }

        /** Adds each span's old lines to {@code base}; false when one disagrees with what is there. */
        private static boolean learn(Map<Integer, String> base, List<Span> spans) {
            for (Span s : spans) {
                int n = s.start;
                for (String l : s.hunk.preImage()) {
                    String had = base.putIfAbsent(n, l);
                    if (had != null && !had.equals(l)) return false;
                    n++;
                }
            }
            return true;
        }

        /** Unions of the spans of both sides that overlap or adjoin, as {@code [start, end)} pairs in order. */
        private static List<int[]> merge(List<Span> a, List<Span> b) {
            List<int[]> all = new ArrayList<>();
            for (Span s : a) all.add(new int[]{s.start, s.end});
            for (Span s : b) all.add(new int[]{s.start, s.end});
            all.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
            List<int[]> out = new ArrayList<>();
            for (int[] s : all) {
                if (!out.isEmpty() && s[0] <= out.get(out.size() - 1)[1]) {
                    out.get(out.size() - 1)[1] = Math.max(out.get(out.size() - 1)[1], s[1]);
                } else {
                    out.add(new int[]{s[0], s[1]});
                }
            }
            return out;
        }

        /** One side's new text over old lines {@code [m[0], m[1])}: its hunks' new lines, else the old text. */
        private static List<String> rebuild(Map<Integer, String> base, List<Span> side, int[] m) {
            List<String> out = new ArrayList<>();
            int n = m[0];
            for (Span s : side) {
                if (s.start < m[0] || s.start > m[1] || (s.start == m[1] && s.hunk.oldCount() > 0)) continue;
                for (; n < s.start; n++) {
                    String l = base.get(n);
                    if (l == null) return null;
                    out.add(l);
                }
                out.addAll(s.hunk.postImage());
                n = s.end;
            }
            for (; n < m[1]; n++) {
                String l = base.get(n);
                if (l == null) return null;
                out.add(l);
            }
            return out;
        }
    }
}
