package org.patchlane.patch;

import org.patchlane.mail.Lines;
import org.patchlane.patch.FileDiff.ChangeKind;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reader of the unified diffs in a text (a mail's own text followed by its diff attachments): git diffs
 * ({@code diff --git} with mode, rename, copy and binary headers) and plain {@code ---}/{@code +++} pairs
 * (GNU diff, CVS/SVN {@code Index:} style). Hunks are read by their declared lengths, so a {@code -- }
 * signature or the next MIME part right after the last hunk is never counted.
 */
public final class Diffs {
    private Diffs() {
    }

    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@ ?(.*)$");
    private static final Pattern BINARY_DATA = Pattern.compile("^(?:(?:literal|delta) \\d+|[A-Za-z][\\x21-\\x7e]*)$");
    /** GNU {@code diff -N} stamps a missing file with the epoch (in the sender's time zone). */
    private static final Pattern EPOCH = Pattern.compile("(?:1970-01-01|1969-12-31) \\d\\d:\\d\\d:\\d\\d");
    private static final Pattern BINARY_FILES = Pattern.compile("^Binary files (.+) and (.+) differ$");

    /** {@link #parse(String, List)} without problem reporting. */
    public static Diff parse(String text) {
        return parse(text, new ArrayList<>());
    }

    /**
     * The diff of {@code text}, or null when it holds no file diff. Never throws.
     *
     * @param text     diff text with anything around it; may be null
     * @param problems receives what was odd (a hunk shorter than its header says), with 0-based lines
     */
    public static Diff parse(String text, List<ParseProblem> problems) {
        if (text == null || text.isEmpty()) return null;
        Reader r = new Reader(Lines.split(text), problems);
        r.run();
        if (r.files.isEmpty()) return null;
        List<FileDiff> files = new ArrayList<>();
        int added = 0;
        int removed = 0;
        for (FileBuilder f : r.files) {
            files.add(f.build());
            added += f.added;
            removed += f.removed;
        }
        return new Diff(files, added, removed, PatchId.compute(text), String.join("\n", r.pre),
                String.join("\n", r.post), r.hunkHeaders);
    }

    /** Each file's part of the diffs in {@code text}, with its lines and hunks; empty when none. Never throws. */
    public static List<FilePatch> fileParts(String text) {
        if (text == null || text.isEmpty()) return List.of();
        String[] lines = Lines.split(text);
        Reader r = new Reader(lines, new ArrayList<>());
        r.run();
        List<FilePatch> out = new ArrayList<>();
        for (FileBuilder f : r.files) {
            out.add(new FilePatch(f.build(), java.util.Arrays.asList(lines).subList(f.first, f.end), f.hunks));
        }
        return out;
    }

    /** A file being read. */
    private static final class FileBuilder {
        String oldPath;
        String newPath;
        ChangeKind change = ChangeKind.MODIFY;
        int added;
        int removed;
        boolean binary;
        final List<Integer> runs = new ArrayList<>();
        final List<Hunk> hunks = new ArrayList<>();
        /** The part's lines: [first, end). */
        int first;
        int end;
        /** The previous hunk line was added (a removed line in between keeps the run going). */
        boolean inRun;

        void addedLine() {
            added++;
            if (inRun) runs.set(runs.size() - 1, runs.get(runs.size() - 1) + 1);
            else runs.add(1);
            inRun = true;
        }

        FileDiff build() {
            String o = change == ChangeKind.ADD ? null : oldPath;
            String n = change == ChangeKind.DELETE ? null : newPath;
            if (o == null && n == null) o = oldPath != null ? oldPath : newPath;
            return new FileDiff(o, n, change, added, removed, binary, runs);
        }
    }

    /** One pass over the lines. */
    private static final class Reader {
        final String[] lines;
        final List<ParseProblem> problems;
        final List<FileBuilder> files = new ArrayList<>();
        final List<String> pre = new ArrayList<>();
        final List<String> post = new ArrayList<>();
        final List<String> hunkHeaders = new ArrayList<>();
        int i;

        Reader(String[] lines, List<ParseProblem> problems) {
            this.lines = lines;
            this.problems = problems;
        }

        String at(int k) {
            return k < lines.length ? lines[k] : "";
        }

        void run() {
            while (i < lines.length) {
                String l = lines[i];
                if (l.startsWith("diff --git ")) {
                    gitFile();
                } else if (l.startsWith("--- ") && at(i + 1).startsWith("+++ ") && at(i + 2).startsWith("@@ -")) {
                    plainFile();
                } else {
                    i++;
                }
            }
        }

        /** {@code diff --git} header, extended header lines, optional ---/+++ pair, then hunks or binary. */
        void gitFile() {
            FileBuilder f = new FileBuilder();
            files.add(f);
            f.first = i;
            String[] paths = gitPaths(lines[i].substring("diff --git ".length()));
            f.oldPath = paths[0];
            f.newPath = paths[1];
            i++;
            while (i < lines.length) {
                String l = lines[i];
                if (l.startsWith("new file mode ")) f.change = ChangeKind.ADD;
                else if (l.startsWith("deleted file mode ")) f.change = ChangeKind.DELETE;
                else if (l.startsWith("rename from ")) rename(f, ChangeKind.RENAME, l.substring(12), true);
                else if (l.startsWith("rename to ")) rename(f, ChangeKind.RENAME, l.substring(10), false);
                else if (l.startsWith("copy from ")) rename(f, ChangeKind.COPY, l.substring(10), true);
                else if (l.startsWith("copy to ")) rename(f, ChangeKind.COPY, l.substring(8), false);
                else if (!(l.startsWith("old mode ") || l.startsWith("new mode ") || l.startsWith("index ")
                        || l.startsWith("similarity index ") || l.startsWith("dissimilarity index "))) break;
                i++;
            }
            String l = at(i);
            Matcher bin = BINARY_FILES.matcher(l);
            if (bin.matches()) {
                f.binary = true;
                i++;
                f.end = i;
            } else if (l.startsWith("GIT binary patch")) {
                f.binary = true;
                i++;
                skipBinaryData();
                f.end = i;
            } else {
                if (l.startsWith("--- ") && at(i + 1).startsWith("+++ ")) {
                    String o = diffPath(l.substring(4), true);
                    String n = diffPath(at(i + 1).substring(4), true);
                    if (o != null && f.change != ChangeKind.RENAME && f.change != ChangeKind.COPY) f.oldPath = o;
                    if (n != null && f.change != ChangeKind.RENAME && f.change != ChangeKind.COPY) f.newPath = n;
                    i += 2;
                }
                hunks(f);
            }
        }

        void rename(FileBuilder f, ChangeKind kind, String path, boolean from) {
            f.change = kind;
            if (from) f.oldPath = unquote(path);
            else f.newPath = unquote(path);
        }

        /** Base85 lines of {@code literal}/{@code delta} blocks, separated by blank lines. */
        void skipBinaryData() {
            while (i < lines.length && !lines[i].startsWith("diff ")) {
                String l = lines[i];
                if (!l.isEmpty() && !BINARY_DATA.matcher(l).matches()) break;
                i++;
            }
        }

        /** A plain {@code --- old} / {@code +++ new} pair (GNU diff, CVS), paths stripped as {@code patch -p1}. */
        void plainFile() {
            FileBuilder f = new FileBuilder();
            files.add(f);
            f.first = i;
            String rawOld = lines[i].substring(4);
            String rawNew = lines[i + 1].substring(4);
            if (diffPath(rawOld, false) == null) f.change = ChangeKind.ADD;
            if (diffPath(rawNew, false) == null) f.change = ChangeKind.DELETE;
            // "--- linux.orig/x\t1970-01-01 ..." still names the path: strip components on both names
            String[] stripped = stripFirstComponent(pathOnly(rawOld), pathOnly(rawNew));
            f.oldPath = stripped[0].equals("/dev/null") ? stripped[1] : stripped[0];
            f.newPath = stripped[1].equals("/dev/null") ? stripped[0] : stripped[1];
            i += 2;
            hunks(f);
        }

        void hunks(FileBuilder f) {
            f.end = i;
            while (i < lines.length) {
                Matcher m = HUNK.matcher(lines[i]);
                if (!m.matches()) return;
                String context = m.group(5).strip();
                if (!context.isEmpty()) hunkHeaders.add(context);
                int oldLeft = m.group(2) == null ? 1 : toInt(m.group(2));
                int newLeft = m.group(4) == null ? 1 : toInt(m.group(4));
                int start = i;
                f.inRun = false;
                i++;
                while (oldLeft > 0 || newLeft > 0) {
                    if (i >= lines.length) {
                        problem(start, "hunk ends early: the text ends");
                        return;
                    }
                    String l = lines[i];
                    char c = l.isEmpty() ? ' ' : l.charAt(0);
                    if (c == ' ') {
                        oldLeft--;
                        newLeft--;
                        f.inRun = false;
                    } else if (c == '-') {
                        oldLeft--;
                        f.removed++;
                        pre.add(l.substring(1));
                    } else if (c == '+') {
                        newLeft--;
                        f.addedLine();
                        post.add(l.substring(1));
                    } else if (c != '\\') {
                        problem(i, "hunk ends early: unexpected line inside a hunk");
                        return;
                    }
                    i++;
                }
                if (i < lines.length && lines[i].startsWith("\\")) i++;
                f.hunks.add(new Hunk(toInt(m.group(1)), m.group(2) == null ? 1 : toInt(m.group(2)), toInt(m.group(3)),
                        m.group(4) == null ? 1 : toInt(m.group(4)), context,
                        java.util.Arrays.asList(lines).subList(start + 1, i)));
                f.end = i;
            }
        }

        void problem(int line, String message) {
            problems.add(new ParseProblem(ParseProblem.Severity.WARNING, line, message));
        }
    }

    private static int toInt(String digits) {
        return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    /**
     * The two paths of {@code a/X b/Y}. Without renames both halves are equal, which settles paths holding
     * spaces; otherwise split at " b/". Quoted paths ({@code "a/t\303\251st"}) are unquoted.
     */
    static String[] gitPaths(String s) {
        if (s.startsWith("\"")) {
            int end = closingQuote(s);
            String a = unquote(s.substring(0, end + 1));
            String b = unquote(s.substring(Math.min(s.length(), end + 1)).strip());
            return new String[]{stripPrefix(a, "a/"), stripPrefix(b, "b/")};
        }
        int half = (s.length() - 1) / 2;
        if (s.length() % 2 == 1 && s.charAt(half) == ' ' && s.startsWith("a/") && s.startsWith("b/", half + 1)
                && s.substring(2, half).equals(s.substring(half + 3))) {
            String p = s.substring(2, half);
            return new String[]{p, p};
        }
        int split = s.indexOf(" b/");
        if (split < 0) split = s.indexOf(' ');
        if (split < 0) return new String[]{stripPrefix(s, "a/"), stripPrefix(s, "a/")};
        return new String[]{stripPrefix(s.substring(0, split), "a/"),
                stripPrefix(unquote(s.substring(split + 1)), "b/")};
    }

    private static int closingQuote(String s) {
        for (int k = 1; k < s.length(); k++) {
            if (s.charAt(k) == '\\') k++;
            else if (s.charAt(k) == '"') return k;
        }
        return s.length() - 1;
    }

    /** The path of a {@code ---}/{@code +++} line: timestamp after a tab dropped, /dev/null as null. */
    static String diffPath(String raw, boolean git) {
        String p = raw;
        int tab = p.indexOf('\t');
        if (tab >= 0) {
            if (EPOCH.matcher(p.substring(tab + 1)).lookingAt()) return null;
            p = p.substring(0, tab);
        }
        p = unquote(p.strip());
        if (p.equals("/dev/null")) return null;
        if (git) return p.startsWith("a/") || p.startsWith("b/") ? p.substring(2) : p;
        return p;
    }

    private static String pathOnly(String raw) {
        int tab = raw.indexOf('\t');
        return unquote((tab >= 0 ? raw.substring(0, tab) : raw).strip());
    }

    /** {@code a/x b/x} and {@code linux.orig/x linux/x} lose their first component; {@code x x} stays. */
    private static String[] stripFirstComponent(String o, String n) {
        boolean oNull = o.equals("/dev/null");
        boolean nNull = n.equals("/dev/null");
        boolean ab = (oNull || o.startsWith("a/")) && (nNull || n.startsWith("b/"));
        boolean differ = !oNull && !nNull && o.indexOf('/') > 0 && n.indexOf('/') > 0
                && !o.substring(0, o.indexOf('/')).equals(n.substring(0, n.indexOf('/')));
        if (!ab && !differ) return new String[]{o, n};
        return new String[]{oNull ? o : dropFirst(o), nNull ? n : dropFirst(n)};
    }

    private static String dropFirst(String p) {
        int slash = p.indexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }

    private static String stripPrefix(String p, String prefix) {
        return p.startsWith(prefix) ? p.substring(prefix.length()) : p;
    }

    /** git's C-style quoting of unusual paths: {@code "a/sp\"ace\303\251"}; octal escapes are UTF-8 bytes. */
    static String unquote(String p) {
        if (p.length() < 2 || !p.startsWith("\"") || !p.endsWith("\"")) return p;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        String s = p.substring(1, p.length() - 1);
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c != '\\' || k + 1 >= s.length()) {
                int cp = s.codePointAt(k);
                byte[] b = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                k += Character.charCount(cp) - 1;
                continue;
            }
            char e = s.charAt(++k);
            if (e >= '0' && e <= '7' && k + 2 < s.length()) {
                out.write(Integer.parseInt(s.substring(k, k + 3), 8) & 0xff);
                k += 2;
            } else {
                out.write(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'a' -> 7;
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'r' -> '\r';
                    case 'v' -> 0x0b;
                    default -> e;
                });
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
