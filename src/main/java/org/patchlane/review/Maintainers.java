package org.patchlane.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.patchlane.patch.ParseProblem;

/**
 * A parsed kernel-format MAINTAINERS file: its sections, the lines it could not understand, and an index that
 * answers "which sections cover this path" without trying every section. Immutable; a reader.
 *
 * <p>The index files each F: pattern under its literal prefix (the components before the first glob, e.g.
 * {@code drivers/net/ethernet} for {@code drivers/net/ethernet/*}). A lookup probes the path's own prefixes
 * ({@code ""}, {@code drivers}, {@code drivers/net}, ..., the whole path), so it costs one hash probe per path
 * component, a test of each pattern filed there, and a search for each N: expression (95 in the 6.12 file; a
 * plain word is searched as text), which no prefix can index; then the X: patterns of the sections found.
 */
public final class Maintainers {
    /** No file: no section covers anything. */
    public static final Maintainers NONE = parse("");

    /** An F: pattern filed under its literal prefix. */
    private record Filed(int section, PathPattern pattern) {
    }

    /** An N: expression; a plain word ({@code owl}, {@code imx}) is searched as text, without the regex engine. */
    private record Searched(int section, Pattern regex, String word) {
        boolean found(String path) {
            return word != null ? path.contains(word) : regex.matcher(path).find();
        }
    }

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_-]+");

    private final List<Section> sections;
    private final List<ParseProblem> problems;
    private final Map<String, Filed[]> byPrefix;
    private final Searched[] regexes;

    private Maintainers(List<Section> sections, List<ParseProblem> problems) {
        this.sections = List.copyOf(sections);
        this.problems = List.copyOf(problems);
        Map<String, List<Filed>> index = new HashMap<>();
        List<Searched> searched = new ArrayList<>();
        for (int i = 0; i < this.sections.size(); i++) {
            Section s = this.sections.get(i);
            for (PathPattern f : s.files()) {
                index.computeIfAbsent(f.literalPrefix(), k -> new ArrayList<>()).add(new Filed(i, f));
            }
            for (Pattern n : s.regexes()) {
                searched.add(new Searched(i, n, WORD.matcher(n.pattern()).matches() ? n.pattern() : null));
            }
        }
        Map<String, Filed[]> frozen = new HashMap<>(index.size() * 2);
        index.forEach((k, v) -> frozen.put(k, v.toArray(Filed[]::new)));
        this.byPrefix = frozen;
        this.regexes = searched.toArray(Searched[]::new);
    }

    /** Parses a whole file; never throws: what it cannot understand is in {@link #problems()}. */
    public static Maintainers parse(String text) {
        MaintainersReader r = new MaintainersReader();
        r.read(text == null ? "" : text);
        return new Maintainers(r.sections(), r.problems());
    }

    /** Every section, in file order. */
    public List<Section> sections() {
        return sections;
    }

    /** Lines not understood (0-based line numbers), in file order; each was reported, not silently skipped. */
    public List<ParseProblem> problems() {
        return problems;
    }

    /**
     * The sections covering {@code path}, most specific first (deepest pattern; an equal depth keeps file order),
     * as {@code get_maintainer.pl} orders them. Empty when none does.
     *
     * @param path a path relative to the tree's top ({@code drivers/net/foo.c}), without {@code a/} or leading slash
     */
    public List<SectionMatch> matches(String path) {
        Map<Integer, Integer> depth = new HashMap<>();
        probe(depth, path, "");
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            probe(depth, path, path.substring(0, slash));
        }
        probe(depth, path, path);
        for (Searched n : regexes) {
            Integer d = depth.get(n.section());
            if ((d == null || d < 0) && n.found(path)) depth.put(n.section(), 0); // an F: match deeper than 0 wins
        }
        List<SectionMatch> out = new ArrayList<>(depth.size());
        depth.forEach((i, d) -> {
            Section s = sections.get(i);
            if (s.excludes().stream().noneMatch(x -> x.matches(path))) out.add(new SectionMatch(s, d));
        });
        out.sort(Comparator.comparingInt(SectionMatch::depth).reversed()
                .thenComparingInt(m -> m.section().line()));
        return out;
    }

    /** The sections of {@link #matches}, without their depths. */
    public List<Section> sectionsFor(String path) {
        return matches(path).stream().map(SectionMatch::section).toList();
    }

    private void probe(Map<Integer, Integer> depth, String path, String prefix) {
        Filed[] filed = byPrefix.get(prefix);
        if (filed == null) return;
        for (Filed f : filed) {
            if (f.pattern().matches(path)) depth.merge(f.section(), f.pattern().depth(), Math::max);
        }
    }
}
