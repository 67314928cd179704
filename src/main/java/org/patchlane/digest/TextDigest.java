package org.patchlane.digest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A digest as plain text for a mailing list: at most 80 columns, words wrapped with a hanging indent, sections in
 * a fixed order under underlined headings, empty sections left out. Each line naming a series (its title line)
 * ends with a footnote number {@code [n]}, one per series, and the footnotes at the end give the series pages'
 * URLs, so the text reads as a mail and every line still links to where a maintainer acts on it.
 */
public final class TextDigest {
    /** The column limit of list mail. */
    public static final int WIDTH = 80;
    /** Joins two words that must stay on one line; written as a space. */
    private static final char GLUE = '\u00a0';
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[ \t\n\r\f\u000b]+");

    private final Digest digest;
    private final DigestLinks links;
    private final List<String> out = new ArrayList<>();
    /** The pages linked, by URL, with their footnote numbers. */
    private final Map<String, Integer> notes = new LinkedHashMap<>();

    private TextDigest(Digest digest, DigestLinks links) {
        this.digest = digest;
        this.links = links;
    }

    /** The digest's text, lines ending in {@code \n}. */
    public static String write(Digest digest, DigestLinks links) {
        return String.join("\n", new TextDigest(digest, links).lines()) + "\n";
    }

    /** The digest's lines. */
    public static List<String> lines(Digest digest, DigestLinks links) {
        return new TextDigest(digest, links).lines();
    }

    private List<String> lines() {
        if (Phrases.empty(digest)) return List.of(Phrases.nothing(digest));
        heading("Patchlane digest: " + Phrases.scope(digest) + " (" + Phrases.dates(digest.period()) + ")", '=');
        out.add("");
        heading("Figures", '-');
        for (FigureRow r : FigureRow.of(digest)) wrap(r.line(), 2, 4);
        for (Group g : digest.groups()) group(g);
        if (!digest.waitingOnYou().isEmpty()) {
            out.add("");
            heading("Waiting on you", '-');
            for (PersonQueue q : digest.waitingOnYou()) {
                wrap(Phrases.person(q.person()), 2, 4);
                for (Waiting w : q.waiting()) item(w.series(), 4, Phrases.waiting(w));
            }
        }
        if (!notes.isEmpty()) {
            out.add("");
            heading("Links", '-');
            notes.forEach((url, n) -> out.add("[" + n + "] " + url));
        }
        if (digest.period().week() && !links.base().isEmpty()) {
            out.add("");
            out.add("-- ");
            wrap("This digest on the web: " + links.digest(digest.period().label()), 0, 2);
        }
        return out;
    }

    private void group(Group g) {
        out.add("");
        heading(Phrases.group(g), '-');
        if (!g.postings().isEmpty()) {
            section("New series and versions");
            for (Posting p : g.postings()) {
                item(p.series(), 2, Phrases.posting(p));
                for (String c : p.changes()) wrap("- " + c, 6, 8);
            }
        }
        if (!g.reviews().isEmpty()) {
            section("Acks, reviews and tests");
            for (PersonReviews r : g.reviews()) {
                wrap(Phrases.person(r.person()), 2, 4);
                for (TrailerGiven t : r.given()) item(t.series(), 4, Phrases.trailer(t));
            }
        }
        if (!g.nacks().isEmpty()) {
            section("NACKs");
            for (TrailerGiven t : g.nacks()) item(t.series(), 2, Phrases.nack(t));
        }
        if (!g.pulls().isEmpty()) {
            section("Pull requests");
            for (PullLine p : g.pulls()) {
                item(p.series(), links.pull(p), 2, Phrases.pull(p));
                for (Finding f : p.verdicts()) wrap(Phrases.verdict(f), 6, 8);
            }
        }
        if (!g.merges().isEmpty()) {
            section("Merged and applied");
            for (Merge m : g.merges()) item(m.series(), 2, Phrases.merge(m));
        }
        if (!g.findings().isEmpty()) {
            section("Rules broken");
            for (Finding f : g.findings()) {
                item(f.series(), 2, Phrases.finding(f));
                for (String e : f.evidence()) wrap("- " + e, 6, 8);
            }
        }
        if (!g.waiting().isEmpty()) {
            section("Waiting");
            for (Waiting w : g.waiting()) item(w.series(), 2, Phrases.waiting(w));
        }
        if (!g.stateChanges().isEmpty()) {
            section("State changes");
            for (StateChange c : g.stateChanges()) item(c.series(), 2, Phrases.stateChange(c));
        }
    }

    /** A series' title line ending in its footnote, then the line's facts indented under it. */
    private void item(SeriesRef s, int indent, String facts) {
        item(s, links.series(s.id()), indent, facts);
    }

    /** A line whose footnote is {@code url}: one number per page linked. */
    private void item(SeriesRef s, String url, int indent, String facts) {
        int n = notes.computeIfAbsent(url, u -> notes.size() + 1);
        // A no-break space keeps the footnote on the line of the title's last word.
        wrap("* " + Phrases.series(s) + GLUE + "[" + n + "]", indent, indent + 2);
        wrap(facts, indent + 2, indent + 4);
    }

    private void section(String title) {
        out.add("");
        out.add(title);
    }

    private void heading(String title, char underline) {
        List<String> lines = wrapped(title, 0, 0);
        out.addAll(lines);
        int longest = lines.stream().mapToInt(String::length).max().orElse(0);
        out.add(String.valueOf(underline).repeat(longest));
    }

    private void wrap(String text, int first, int rest) {
        out.addAll(wrapped(text, first, rest));
    }

    /**
     * The text in lines of at most {@link #WIDTH} columns: whitespace (newlines and tabs of mail text too) becomes
     * single spaces, and a word too long for a whole line is cut where the line ends.
     */
    static List<String> wrapped(String text, int first, int rest) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(" ".repeat(first));
        int indent = first;
        boolean empty = true;
        for (String word : SPACES.split(text.strip())) {
            if (word.isEmpty()) continue;
            while (true) {
                int room = WIDTH - line.length() - (empty ? 0 : 1);
                if (word.length() <= room) {
                    if (!empty) line.append(' ');
                    line.append(word);
                    empty = false;
                    break;
                }
                if (!empty) {
                    lines.add(line.toString());
                    line = new StringBuilder(" ".repeat(rest));
                    indent = rest;
                    empty = true;
                    continue;
                }
                // A word longer than a whole line: cut it where the line ends.
                int cut = WIDTH - indent;
                line.append(word, 0, cut);
                lines.add(line.toString());
                word = word.substring(cut);
                line = new StringBuilder(" ".repeat(rest));
                indent = rest;
            }
        }
        if (!empty) lines.add(line.toString());
        lines.replaceAll(l -> l.replace(GLUE, ' '));
        return lines;
    }
}
