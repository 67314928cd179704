package org.patchlane.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.patchlane.mail.Caseless;
import org.patchlane.mail.Lines;

/**
 * A {@code git request-pull} message. Fields not found are null (lists empty).
 *
 * @param base     the 40-hex (or abbreviated) commit the changes are since
 * @param url      the repository URL
 * @param ref      the tag or branch to pull
 * @param head     the commit to fetch up to
 * @param shortlog authors with their commit subjects
 * @param files    files named in the diffstat
 */
public record PullRequest(String base, String url, String ref, String head, List<ShortlogEntry> shortlog,
                          List<String> files) {
    public PullRequest {
        shortlog = List.copyOf(shortlog);
        files = List.copyOf(files);
    }

    private static final String SHA = "([0-9a-fA-F]{7,64})";
    private static final Pattern SINCE =
            Pattern.compile("(?i)^\\s*the following changes since commit\\s*" + SHA + "?\\s*:?$");
    /** One pass over the text before splitting it into lines: nearly no mail is a pull request. */
    private static final Pattern CANDIDATE = Pattern.compile("(?i)changes since commit|are\\s+(?:available|found)");
    /** A break between two words of a sentence: blanks, or one line end (a folded line), never a blank line. */
    private static final String GAP = "(?:[ \\t]*\n[ \\t]*|[ \\t]+)";
    /**
     * "are available in the Git repository at:" (git's wording; "are found" in the oldest git; hand-shortened
     * "are available at:"): up to eight words between "available" and the final "at", which ends its line or
     * takes a colon.
     */
    private static final Pattern AVAILABLE = Pattern.compile("(?i)(?<![\\w-])are" + GAP + "(?:available|found)"
            + "(?:" + GAP + "\\S+){0,8}?" + GAP + "at[ \\t]*(?::|(?=\n|$))");
    private static final Pattern FETCH =
            Pattern.compile("(?i)^\\s*for you to fetch changes up to\\s*" + SHA + "?\\s*:?$");
    private static final Pattern WRAPPED_SHA = Pattern.compile("^\\s*" + SHA + ":?$");
    private static final Pattern AUTHOR = Pattern.compile("^(\\S.*?) \\((\\d+)\\):$");
    private static final Pattern STAT =
            Pattern.compile("^\\s+(\\S.*?)\\s+\\|\\s+(?:\\d+(?:\\s+[+-]+)?|Bin\\b.*)$");
    private static final Pattern SUMMARY = Pattern.compile("^\\s*\\d+ files? changed\\b.*");

    /** {@link #parse(String, List)} without problem reporting. */
    public static PullRequest parse(String text) {
        return parse(text, new ArrayList<>());
    }

    /** Whether CANDIDATE can match: words looked up first, since nearly no mail is a pull request. */
    private static boolean candidate(String text) {
        return (Caseless.contains(text, "changes since commit") || Caseless.contains(text, "available")
                || Caseless.contains(text, "found")) && CANDIDATE.matcher(text).find();
    }

    /**
     * Reads {@code git request-pull} output from a body: all its historic shapes ("Git repository" and
     * "git repository", URL and ref on one line or the ref on the next, a URL wrapped after a '/', base or
     * head commit wrapped onto the next line, trailing spaces, the old format without "for you to fetch"), and
     * hand-edited ones whose maintainer wrote prose before "are available in the Git repository at:", on the
     * lines before it or on its own line, with its words folded across lines: the repository is then the first
     * non-blank line after that sentence wherever it starts.
     * Quoted ({@code >}) lines never match. Null when the text has neither the "following changes since"
     * nor the "are available in the ... repository at" line.
     *
     * @param problems receives a warning per missing field, with the 0-based line of the pull request's start
     */
    public static PullRequest parse(String text, List<ParseProblem> problems) {
        if (text == null || !candidate(text)) return null;
        String[] lines = Lines.split(text);
        for (int k = 0; k < lines.length; k++) lines[k] = lines[k].stripTrailing();
        int since = find(lines, SINCE, 0);
        Sentence available = Sentence.find(lines, Math.max(since, 0), since >= 0);
        if (since < 0 && available == null) return null;
        String base = since < 0 ? null : sha(lines, since, SINCE);
        String url = null;
        String ref = null;
        int after = since;
        if (available != null) {
            after = available.endLine();
            String first = available.rest();
            int u = available.endLine();
            if (first.isBlank()) {
                u = nextNonBlank(lines, available.endLine() + 1);
                first = u < 0 ? null : lines[u];
            }
            if (first != null && !FETCH.matcher(first).matches()) {
                String[] tokens = first.strip().split("\\s+");
                url = tokens[0];
                ref = tokens.length > 1 ? tokens[1] : null;
                String next = u + 1 < lines.length ? lines[u + 1].strip() : "";
                String[] more = next.split("\\s+");
                if (!next.isEmpty() && !FETCH.matcher(lines[u + 1]).matches() && more.length <= 2) {
                    if (ref == null && url.endsWith("/")) {
                        url = url + more[0];
                        ref = more.length > 1 ? more[1] : null;
                        u++;
                    } else if (ref == null && more.length == 1) {
                        ref = more[0];
                        u++;
                    }
                }
                after = u;
            }
        }
        int fetch = find(lines, FETCH, Math.max(after, 0));
        String head = fetch < 0 ? null : sha(lines, fetch, FETCH);
        int start = Math.max(after, fetch) + 1;
        List<ShortlogEntry> shortlog = new ArrayList<>();
        List<String> files = new ArrayList<>();
        readShortlogAndStat(lines, start, shortlog, files);
        int at = since >= 0 ? since : available.startLine();
        if (base == null) problems.add(missing(at, "base commit"));
        if (url == null) problems.add(missing(at, "repository URL"));
        if (head == null) problems.add(missing(at, "head commit (\"for you to fetch changes up to\")"));
        return new PullRequest(base, url, ref, head, shortlog, files);
    }

    private static ParseProblem missing(int line, String what) {
        return new ParseProblem(ParseProblem.Severity.WARNING, line, "pull request without " + what);
    }

    /** Shortlog groups ("Name (N):" then indented subjects) and the first diffstat, up to its summary. */
    private static void readShortlogAndStat(String[] lines, int start, List<ShortlogEntry> shortlog,
                                            List<String> files) {
        String author = null;
        for (int k = start; k < lines.length; k++) {
            String l = lines[k];
            if (SUMMARY.matcher(l).matches() || l.startsWith("diff --git ")) return;
            Matcher a = AUTHOR.matcher(l);
            Matcher stat = STAT.matcher(l);
            if (a.matches()) {
                author = a.group(1);
            } else if (stat.matches()) {
                files.add(stat.group(1));
                author = null;
            } else if (author != null && !l.isBlank() && Character.isWhitespace(l.charAt(0))) {
                shortlog.add(new ShortlogEntry(author, l.strip()));
            } else {
                author = null;
            }
        }
    }

    /**
     * Where the "are available ... at:" sentence is: the lines it starts and ends on and the text after it on its
     * last line (blank as git writes it). After a "following changes since" line it may start anywhere, also
     * mid-line after the maintainer's own words ("(which corresponds to my tag ...) are available ..."), and its
     * words may be folded across lines; without one it must start a line, so that prose saying something "is
     * available at:" is not a pull request. Quoted lines are skipped.
     */
    private record Sentence(int startLine, int endLine, String rest) {
        static Sentence find(String[] lines, int from, boolean anywhere) {
            StringBuilder text = new StringBuilder();
            int[] starts = new int[lines.length - from];
            for (int k = from; k < lines.length; k++) {
                starts[k - from] = text.length();
                if (!lines[k].startsWith(">")) text.append(lines[k]);
                text.append('\n');
            }
            Matcher m = AVAILABLE.matcher(text);
            while (m.find()) {
                int start = lineOf(starts, m.start());
                if (!anywhere && !text.substring(starts[start], m.start()).isBlank()) continue;
                int end = lineOf(starts, m.end());
                int eol = text.indexOf("\n", m.end());
                return new Sentence(from + start, from + end, text.substring(m.end(), eol));
            }
            return null;
        }

        private static int lineOf(int[] starts, int offset) {
            int k = java.util.Arrays.binarySearch(starts, offset);
            return k >= 0 ? k : -k - 2;
        }
    }

    private static int find(String[] lines, Pattern p, int from) {
        for (int k = from; k < lines.length; k++) if (p.matcher(lines[k]).matches()) return k;
        return -1;
    }

    private static int nextNonBlank(String[] lines, int from) {
        for (int k = from; k < lines.length; k++) if (!lines[k].isBlank()) return k;
        return -1;
    }

    /** The commit on the marker line, or on the next line when the sender's mailer wrapped it. */
    private static String sha(String[] lines, int at, Pattern marker) {
        Matcher m = marker.matcher(lines[at]);
        if (m.matches() && m.group(1) != null) return m.group(1).toLowerCase(java.util.Locale.ROOT);
        if (at + 1 < lines.length) {
            Matcher w = WRAPPED_SHA.matcher(lines[at + 1]);
            if (w.matches()) return w.group(1).toLowerCase(java.util.Locale.ROOT);
        }
        return null;
    }

    /** One commit of the shortlog: its author (from the "Name (N):" group header) and subject. */
    public record ShortlogEntry(String author, String subject) {
    }
}
