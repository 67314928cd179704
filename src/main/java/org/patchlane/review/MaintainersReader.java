package org.patchlane.review;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.patchlane.mail.Address;
import org.patchlane.mail.AddressList;
import org.patchlane.patch.ParseProblem;
import org.patchlane.patch.ParseProblem.Severity;

/**
 * Reads MAINTAINERS text line by line into {@link Section}s. A section is a title line followed directly by
 * tagged lines ({@code X:} plus a value) up to a blank or untagged line. Untagged lines before the first section
 * are the preamble and ignored; after it, an untagged line that titles no section, a tagged line with no title,
 * an unknown tag, an empty value, a bad pattern, expression or address is a {@link ParseProblem}, and reading goes
 * on. One-shot and not thread-safe: {@link Maintainers#parse} owns it.
 */
final class MaintainersReader {
    private static final Pattern TAGGED = Pattern.compile("([A-Z]):\\s*(.*)");
    /** "F&lt;tab&gt;path": a tag whose colon was forgotten (4.2.8's INTEL MIC DRIVERS has two). */
    private static final Pattern COLONLESS = Pattern.compile("([A-Z])\\t+(\\S.*)");
    private static final Pattern NAMED = Pattern.compile("(.*?)\\s*<([^<>\\s]+@[^<>\\s]+)>(.*)");
    /** "(SCHED_DEADLINE)" after an address: the part of the section the person looks after; kept in values. */
    private static final Pattern ROLE = Pattern.compile("\\s*\\([^()]*\\)\\s*");
    private static final Pattern BARE = Pattern.compile("<?([^<>\\s\"]+@[^<>\\s\"]+?)>?");

    private final List<Section> sections = new ArrayList<>();
    private final List<ParseProblem> problems = new ArrayList<>();
    private Builder current;
    private String pending;
    private int pendingLine = -1;
    private boolean started;

    void read(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            line(i, line);
        }
        finish();
        unclaimed();
    }

    List<Section> sections() {
        return sections;
    }

    List<ParseProblem> problems() {
        return problems;
    }

    private void line(int i, String line) {
        if (line.isBlank()) {
            finish();
            unclaimed();
            return;
        }
        Matcher m = TAGGED.matcher(line);
        boolean tagged = m.matches();
        if (!tagged && current != null) {
            m = COLONLESS.matcher(line);
            if (m.matches() && Tag.of(m.group(1).charAt(0)) != null) {
                problem(Severity.WARNING, i, "missing ':' after the tag, read as " + m.group(1) + ": " + line.strip());
                tagged = true;
            }
        }
        if (tagged) {
            if (current == null) {
                if (pending == null || pendingLine != i - 1) {
                    problem(Severity.ERROR, i, "tagged line outside any section (no title line above it): " + line);
                    return;
                }
                current = new Builder(pending.strip(), pendingLine);
                pending = null;
                started = true;
            }
            entry(i, m.group(1).charAt(0), m.group(2).strip());
            return;
        }
        if (current != null) {
            problem(Severity.WARNING, i, "section " + current.name + " ends without a blank line");
            finish();
        }
        unclaimed();
        pending = line;
        pendingLine = i;
    }

    /** An untagged line that titled nothing: prose in the preamble, a problem after the first section. */
    private void unclaimed() {
        if (pending != null && started) {
            problem(Severity.WARNING, pendingLine, "line belongs to no section: " + pending.strip());
        }
        pending = null;
    }

    private void entry(int i, char letter, String value) {
        Tag tag = Tag.of(letter);
        if (tag == null) {
            problem(Severity.WARNING, i, "unknown tag " + letter + ": in section " + current.name + ", ignored");
            return;
        }
        if (value.isEmpty()) {
            problem(Severity.WARNING, i, "empty " + tag + ": in section " + current.name);
            return;
        }
        current.values.computeIfAbsent(tag, k -> new ArrayList<>()).add(value);
        try {
            switch (tag) {
                case M -> current.maintainers.add(person(i, value));
                case R -> current.reviewers.add(person(i, value));
                case L -> current.lists.add(value.split("\\s+", 2)[0]);
                case S -> {
                    if (current.status.isEmpty()) current.status = value; // later ones qualify parts; kept in values
                }
                case F -> current.files.add(PathPattern.parse(value));
                case X -> current.excludes.add(PathPattern.parse(value));
                case N -> current.regexes.add(Pattern.compile(value, Pattern.COMMENTS));
                default -> {
                    // W Q B C P T K: kept in values; none is a path rule
                }
            }
        } catch (IllegalArgumentException e) { // PatternSyntaxException is one
            String why = e instanceof PatternSyntaxException p ? p.getDescription() : e.getMessage();
            problem(Severity.ERROR, i, "bad " + tag + ": in section " + current.name + " (" + why + "), ignored: "
                    + value);
        }
        current.previousP = tag == Tag.P ? value : null;
    }

    /**
     * "Name &lt;email&gt;", a bare address, or (2015-era files) a bare address whose name is the P: line above.
     * Names may hold unquoted commas and dots ("Lee, Chun-Yi"), which an RFC 5322 list parser would split.
     */
    private Address person(int i, String value) {
        Matcher m = NAMED.matcher(value);
        if (m.matches()) {
            if (!m.group(3).isBlank() && !ROLE.matcher(m.group(3)).matches()) {
                problem(Severity.WARNING, i, "text after the address ignored in " + current.name + ": " + value);
            }
            return new Address(unquote(m.group(1)), m.group(2));
        }
        m = BARE.matcher(value);
        if (m.matches()) return new Address(current.previousP == null ? "" : current.previousP, m.group(1));
        List<Address> parsed = AddressList.parse(value);
        if (parsed.size() == 1 && !parsed.get(0).email().isEmpty()) return parsed.get(0);
        throw new IllegalArgumentException("not a name and address");
    }

    private static String unquote(String name) {
        String n = name.strip();
        if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) n = n.substring(1, n.length() - 1);
        return n.replace("\\\"", "\"");
    }

    private void finish() {
        if (current == null) return;
        Builder b = current;
        current = null;
        sections.add(new Section(b.name, b.line, new Contacts(b.maintainers, b.reviewers, b.lists), b.status,
                b.files, b.excludes, b.regexes, b.values));
    }

    private void problem(Severity severity, int line, String message) {
        problems.add(new ParseProblem(severity, line, message));
    }

    private static final class Builder {
        final String name;
        final int line;
        final List<Address> maintainers = new ArrayList<>();
        final List<Address> reviewers = new ArrayList<>();
        final List<String> lists = new ArrayList<>();
        final List<PathPattern> files = new ArrayList<>();
        final List<PathPattern> excludes = new ArrayList<>();
        final List<Pattern> regexes = new ArrayList<>();
        final Map<Tag, List<String>> values = new EnumMap<>(Tag.class);
        String status = "";
        String previousP;

        Builder(String name, int line) {
            this.name = name;
            this.line = line;
        }
    }
}
