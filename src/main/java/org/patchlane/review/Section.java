package org.patchlane.review;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One section of a MAINTAINERS file: its title line and tagged lines. Immutable.
 *
 * @param name     the title (the line before the tagged lines), stripped
 * @param line     0-based line of the title in the file
 * @param contacts its M:, R: and L: entries
 * @param status   its S: value, "" when absent
 * @param files    its F: patterns, in file order
 * @param excludes its X: patterns: a path one of them matches is not this section's, whatever F: or N: say
 * @param regexes  its N: expressions (Perl's {@code /x}: unanchored, blanks ignored), searched in the path
 * @param values   every tagged line's value by tag, as written, in file order (nothing is dropped)
 */
public record Section(String name, int line, Contacts contacts, String status, List<PathPattern> files,
                      List<PathPattern> excludes, List<Pattern> regexes, Map<Tag, List<String>> values) {
    public Section {
        files = List.copyOf(files);
        excludes = List.copyOf(excludes);
        regexes = List.copyOf(regexes);
        Map<Tag, List<String>> copy = new EnumMap<>(Tag.class);
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        values = Collections.unmodifiableMap(copy);
    }

    /** The values of one tag, in file order; empty when the section has none. */
    public List<String> get(Tag tag) {
        return values.getOrDefault(tag, List.of());
    }

    @Override
    public String toString() {
        return name;
    }
}
