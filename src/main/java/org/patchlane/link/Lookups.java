package org.patchlane.link;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.patchlane.review.LinkEditSet;
import org.patchlane.review.Policy;
import org.patchlane.review.TouchedAreas;
import org.patchlane.store.LinkFacts;
import org.patchlane.store.LinkIndex;
import org.patchlane.thread.Series;

/**
 * The {@link LinkIndex} lookups of one call ({@code check} of a series, or {@code together} over many), each asked
 * of the index once: the same series' link facts are read for its prerequisites, its users, its checks and again
 * for every infrastructure series it uses, and each read decompresses stored documents. A lookup's answer depends
 * only on the set of keys asked (never on their order), so a repeated set gets the first answer, unchanged. Lives
 * no longer than the call, so a verdict still follows the index from one call to the next. Not thread-safe.
 */
final class Lookups {
    private enum Op { FACTS, USING, DEFINING, DEPENDING_ON, REPLIES_TO, WITH_PATCH_ID, SERIES_OF, WITH_CHANGE_ID, WITH_TITLE }

    private record Key(Op op, Set<String> keys) {
    }

    @FunctionalInterface
    interface Lookup<T> {
        T run() throws IOException;
    }

    private final LinkIndex index;
    private final Map<Key, Object> answers = new HashMap<>();
    private final Map<String, EditedLinks> prerequisites = new HashMap<>();
    private final Map<String, TouchedAreas> areas = new HashMap<>();
    private final Map<String, EditedLinks> users = new HashMap<>();
    private LinkEditSet edits;

    Lookups(LinkIndex index) {
        this.index = index;
    }

    /**
     * The maintainers' link edits, read once per call (one ref read; the files only when they changed), so that
     * {@code together} reads no git per series and every link of the call sees the same edits.
     */
    LinkEditSet edits() throws IOException {
        if (edits == null) edits = index.edits();
        return edits;
    }

    Map<String, LinkFacts> facts(Collection<String> ids) throws IOException {
        return memo(Op.FACTS, ids, () -> index.facts(ids));
    }

    List<LinkFacts> using(Collection<String> symbols) throws IOException {
        return memo(Op.USING, symbols, () -> index.using(symbols));
    }

    List<LinkFacts> defining(Collection<String> symbols) throws IOException {
        return memo(Op.DEFINING, symbols, () -> index.defining(symbols));
    }

    List<LinkFacts> dependingOn(Collection<String> keys) throws IOException {
        return memo(Op.DEPENDING_ON, keys, () -> index.dependingOn(keys));
    }

    List<LinkFacts> repliesTo(Collection<String> ids) throws IOException {
        return memo(Op.REPLIES_TO, ids, () -> index.repliesTo(ids));
    }

    List<String> withPatchId(Collection<String> patchIds) throws IOException {
        return memo(Op.WITH_PATCH_ID, patchIds, () -> index.withPatchId(patchIds));
    }

    Map<String, Series> seriesOf(Collection<String> ids) throws IOException {
        return memo(Op.SERIES_OF, ids, () -> index.seriesOf(ids));
    }

    Map<String, Series> seriesWithChangeId(Collection<String> changeIds) throws IOException {
        return memo(Op.WITH_CHANGE_ID, changeIds, () -> index.seriesWithChangeId(changeIds));
    }

    Map<String, List<Series>> seriesWithTitle(Collection<String> titles) throws IOException {
        return memo(Op.WITH_TITLE, titles, () -> index.seriesWithTitle(titles));
    }

    /**
     * The prerequisites of a series, computed once per call: {@code together} asks them of every candidate user of
     * every infrastructure series, and one driver series is a candidate of many.
     */
    EditedLinks prerequisites(Series series, Lookup<EditedLinks> compute) throws IOException {
        EditedLinks known = prerequisites.get(series.id());
        if (known != null) return known;
        EditedLinks links = index.remembered(edits().stamp(), "prerequisites of " + series.id(), compute::run);
        prerequisites.put(series.id(), links);
        return links;
    }

    /**
     * The areas a series' latest version touches, once per call: {@code together} asks them of every infrastructure
     * series and again of each user for its driver maintainers.
     */
    TouchedAreas areas(Series series, Policy policy) {
        return areas.computeIfAbsent(series.id(), id -> policy.areas(series.latest().files()));
    }

    /** The users of a series, kept as its prerequisites are. */
    EditedLinks users(Series series, Lookup<EditedLinks> compute) throws IOException {
        EditedLinks known = users.get(series.id());
        if (known != null) return known;
        EditedLinks links = index.remembered(edits().stamp(), "users of " + series.id(), compute::run);
        users.put(series.id(), links);
        return links;
    }

    @SuppressWarnings("unchecked")
    private <T> T memo(Op op, Collection<String> keys, Lookup<T> lookup) throws IOException {
        if (index.inMemory()) return lookup.run();
        Key key = new Key(op, Set.copyOf(keys));
        Object known = answers.get(key);
        if (known != null) return (T) known;
        T answer = lookup.run();
        answers.put(key, answer);
        return answer;
    }
}
