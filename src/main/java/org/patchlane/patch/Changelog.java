package org.patchlane.patch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version changelog of a cover letter, reader: b4's {@code Changes in v3:} blocks and the hand-written shapes
 * kernel lists use ({@code Changes since v2:}, {@code v2 -> v3:}, {@code v3:} under a {@code Changelog:} heading),
 * each item one line (a wrapped item is joined). b4's {@code Link to v2:} lines and its {@code EDITME} placeholder
 * are not changes and are left out. Immutable.
 *
 * @param byVersion the items of each version label, in the cover's order
 */
public record Changelog(Map<String, List<String>> byVersion) {
    /** {@code Changes in v3:}, {@code Changes for v3}, {@code Changelog v3:}. */
    private static final Pattern IN = Pattern.compile(
            "(?i)(?:changes|changelog)\\s+(?:in|for)?\\s*v(\\d+(?:\\.\\d+)?)\\s*:?");
    /** {@code Changes since v2:}, {@code Changes from V2 [2]:}: what the version after v2 changed. */
    private static final Pattern SINCE = Pattern.compile(
            "(?i)(?:changes\\s+)?(?:since|from)\\s+v(\\d+)(?:\\s*(?:->|to)\\s*v(\\d+(?:\\.\\d+)?))?\\s*(?:\\[\\d+])?\\s*:?");
    /** {@code v2 -> v3:}, {@code Changes v2..v3:}, {@code v2->v3}. */
    private static final Pattern ARROW = Pattern.compile(
            "(?i)(?:changes\\s+)?v(\\d+(?:\\.\\d+)?)\\s*(?:->|→|\\.\\.|to)\\s*v(\\d+(?:\\.\\d+)?)\\s*:?");
    /** {@code v3:} alone, or {@code v3: one change} on one line. */
    private static final Pattern LABEL = Pattern.compile("(?i)v(\\d+(?:\\.\\d+)?)\\s*:\\s*(.*)");
    private static final Pattern ITEM = Pattern.compile("^\\s*(?:[-*+o•]|\\d+[.)])\\s+(.*)$");
    /** What ends a cover's prose: the separator, a shortlog's author line, a diffstat line. */
    private static final Pattern END = Pattern.compile("^(?:---\\s*$|\\S.* \\(\\d+\\):$|\\s\\S+\\s+\\|\\s+\\d+)");

    public Changelog {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        byVersion.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byVersion = java.util.Collections.unmodifiableMap(copy);
    }

    /** The items for one version label ({@code "3"}), empty when the cover has none. */
    public List<String> of(String version) {
        return byVersion.getOrDefault(version, List.of());
    }

    /** Reads a cover's own (unquoted) text; a cover without a changelog gives an empty one. */
    public static Changelog parse(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> items = null;
        StringBuilder item = null;
        boolean blank = false;
        for (String raw : text.split("\n", -1)) {
            String line = raw.stripTrailing();
            String heading = heading(line.strip());
            if (heading != null) {
                flush(items, item);
                item = null;
                items = out.computeIfAbsent(heading, k -> new ArrayList<>());
                blank = false;
                Matcher inline = LABEL.matcher(line.strip());
                if (inline.matches() && !inline.group(2).isBlank()) {
                    item = new StringBuilder(inline.group(2).strip());
                }
                continue;
            }
            if (items == null) continue;
            if (END.matcher(line).find()) {
                flush(items, item);
                items = null;
                item = null;
                continue;
            }
            if (line.isBlank()) {
                blank = true;
                continue;
            }
            Matcher m = ITEM.matcher(line);
            if (m.matches()) {
                flush(items, item);
                item = new StringBuilder(m.group(1).strip());
                blank = false;
            } else if (!blank && item != null && Character.isWhitespace(line.charAt(0))) {
                item.append(' ').append(line.strip());
            } else if (!blank && item == null && Character.isWhitespace(line.charAt(0))) {
                item = new StringBuilder(line.strip());
            } else {
                // Prose after the block (or an unindented line after a blank one): the changelog is over.
                flush(items, item);
                items = null;
                item = null;
            }
        }
        flush(items, item);
        out.values().removeIf(List::isEmpty);
        return new Changelog(out);
    }

    /** The version a heading line introduces, or null when it is none. */
    private static String heading(String line) {
        if (line.length() > 60) return null;
        Matcher m = ARROW.matcher(line);
        if (m.matches()) return m.group(2);
        m = IN.matcher(line);
        if (m.matches()) return m.group(1);
        m = SINCE.matcher(line);
        if (m.matches()) return m.group(2) != null ? m.group(2) : Integer.toString(Integer.parseInt(m.group(1)) + 1);
        m = LABEL.matcher(line);
        if (m.matches() && (m.group(2).isBlank() || !m.group(2).toLowerCase(Locale.ROOT).startsWith("http"))) {
            return m.group(1);
        }
        return null;
    }

    private static void flush(List<String> items, StringBuilder item) {
        if (items == null || item == null) return;
        String text = item.toString().strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (text.isEmpty() || lower.startsWith("link to v") || lower.startsWith("editme")) return;
        items.add(text);
    }
}
