package org.patchlane.review;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.patchlane.patch.ParseProblem;

/**
 * A parsed kernel-format MAINTAINERS file: its sections, the lines it could not understand, and an index that
 * answers "which sections cover this path" without trying every section. Immutable; a reader.
 *
 * <p>The index files each F: pattern under its literal prefix (the components before the first glob, e.g.
 * {@code drivers/net/ethernet} for {@code drivers/net/ethernet/*}). A lookup probes the path's own prefixes
 * ({@code ""}, {@code drivers}, {@code drivers/net}, ..., the whole path), so it costs one hash probe per path
 * component, a test of the sections filed there, and the sections with N: expressions (about 60 in a 2024 file),
 * which no prefix can index.
 */
public final class Maintainers {
    /** No file: no section covers anything. */
    public static final Maintainers NONE = parse("");

    private final List<Section> sections;
    private final List<ParseProblem> problems;
    private final Map<String, int[]> byPrefix;
    private final int[] withRegexes;

    private Maintainers(List<Section> sections, List<ParseProblem> problems) {
        this.sections = List.copyOf(sections);
        this.problems = List.copyOf(problems);
        Map<String, BitSet> index = new HashMap<>();
        BitSet regex = new BitSet();
        for (int i = 0; i < this.sections.size(); i++) {
            Section s = this.sections.get(i);
            for (PathPattern f : s.files()) index.computeIfAbsent(f.literalPrefix(), k -> new BitSet()).set(i);
            if (!s.regexes().isEmpty()) regex.set(i);
        }
        Map<String, int[]> frozen = new HashMap<>(index.size() * 2);
        index.forEach((k, v) -> frozen.put(k, v.stream().toArray()));
        this.byPrefix = frozen;
        this.withRegexes = regex.stream().toArray();
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
        BitSet candidates = new BitSet(sections.size());
        mark(candidates, "");
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            mark(candidates, path.substring(0, slash));
        }
        mark(candidates, path);
        for (int i : withRegexes) candidates.set(i);
        List<SectionMatch> out = new ArrayList<>();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            OptionalInt d = sections.get(i).depthFor(path);
            if (d.isPresent()) out.add(new SectionMatch(sections.get(i), d.getAsInt()));
        }
        out.sort(Comparator.comparingInt(SectionMatch::depth).reversed()); // stable: ties stay in file order
        return out;
    }

    /** The sections of {@link #matches}, without their depths. */
    public List<Section> sectionsFor(String path) {
        return matches(path).stream().map(SectionMatch::section).toList();
    }

    private void mark(BitSet into, String prefix) {
        int[] ids = byPrefix.get(prefix);
        if (ids != null) for (int i : ids) into.set(i);
    }
}
