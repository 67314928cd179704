package org.patchlane.thread;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A patch of one version and its counterpart in another, for an interdiff: paired by title (tags and prefixes are
 * already stripped; case and spacing ignored), else by position among the patches no title paired (a retitled
 * patch); what is left was added or dropped.
 *
 * @param from the older version's patch, null when {@code to} was added
 * @param to   the newer version's patch, null when {@code from} was dropped
 * @param by   how they were paired
 */
public record PatchPair(SeriesPatch from, SeriesPatch to, Pairing by) {
    public enum Pairing { TITLE, POSITION, ADDED, DROPPED }

    /** The patches of {@code newer} in order, each with its counterpart in {@code older}; then the dropped ones. */
    public static List<PatchPair> of(SeriesVersion older, SeriesVersion newer) {
        Map<String, List<SeriesPatch>> byTitle = new LinkedHashMap<>();
        for (SeriesPatch p : older.patches()) byTitle.computeIfAbsent(key(p), k -> new ArrayList<>()).add(p);
        Map<SeriesPatch, PatchPair> paired = new HashMap<>();
        List<SeriesPatch> left = new ArrayList<>();
        for (SeriesPatch p : newer.patches()) {
            List<SeriesPatch> same = byTitle.get(key(p));
            if (same != null && !same.isEmpty()) paired.put(p, new PatchPair(same.remove(0), p, Pairing.TITLE));
            else left.add(p);
        }
        List<SeriesPatch> unpaired = new ArrayList<>();
        byTitle.values().forEach(unpaired::addAll);
        unpaired.sort(Comparator.comparingInt(SeriesPatch::index));
        List<PatchPair> out = new ArrayList<>();
        for (SeriesPatch p : newer.patches()) {
            PatchPair pair = paired.get(p);
            if (pair == null) {
                // By position: the unpaired older patch with the same index, so a retitled 3/5 meets 3/5.
                SeriesPatch at = unpaired.stream().filter(o -> o.index() == p.index()).findFirst().orElse(null);
                if (at != null) unpaired.remove(at);
                pair = at == null ? new PatchPair(null, p, Pairing.ADDED) : new PatchPair(at, p, Pairing.POSITION);
            }
            out.add(pair);
        }
        for (SeriesPatch o : unpaired) out.add(new PatchPair(o, null, Pairing.DROPPED));
        return out;
    }

    private static String key(SeriesPatch p) {
        String t = p.title() == null ? "" : p.title();
        return t.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
