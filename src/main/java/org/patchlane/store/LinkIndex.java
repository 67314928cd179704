package org.patchlane.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.patchlane.patch.DependencyRef;
import org.patchlane.review.LinkEditSet;
import org.patchlane.thread.Series;

/**
 * Reader side of the link facts: which stored covers and patches define, export or use symbols, name a
 * dependency, or reply into a thread, and which series hold given messages. The lookups are the same whatever
 * answers them: term queries over the index ({@link Searcher#links()}, no scan of the archive, right for one
 * series), or the archive's link keys held in memory ({@link Searcher#linkSnapshot()}, for calls about every
 * series). Either way the answers are as current as the index. Thread-safe.
 */
public final class LinkIndex {
    /** Most messages one lookup returns: a symbol used by more patches than this is no evidence of anything. */
    public static final int MAX_HITS = 2_000;

    private final FactsSource source;
    private final LinkEdits edits;

    LinkIndex(FactsSource source, LinkEdits edits) {
        this.source = source;
        this.edits = edits;
    }

    /**
     * The maintainers' link edits in force now ({@link LinkEdits#current}): one ref read, the files re-read only
     * when it moved. A call reads them once and passes their {@link LinkEditSet#stamp} to {@link #remembered}.
     */
    public LinkEditSet edits() throws IOException {
        return edits == null ? LinkEditSet.NONE : edits.current();
    }

    /**
     * The same lookups as the archive stood before {@code until} (epoch ms): facts of later mail and series first
     * posted later are not seen, so a digest of a past week links a series only to what was on the list by that
     * week's end. What is remembered is kept apart per {@code until}.
     */
    public LinkIndex asOf(long until) {
        FactsSource s = source;
        String prefix = "as of " + until + ": ";
        return new LinkIndex(new FactsSource() {
            @Override
            public List<LinkFacts> facts(List<Schema.Field> fields, Set<String> keys) throws IOException {
                return s.facts(fields, keys).stream().filter(f -> f.date() < until).toList();
            }

            @Override
            public List<Series> series(Schema.Field field, Set<String> keys) throws IOException {
                return s.series(field, keys).stream().filter(x -> x.versions().get(0).date() < until).toList();
            }

            @Override
            public <T> T remembered(String stamp, String key, Computation<T> compute) throws IOException {
                return s.remembered(stamp, prefix + key, compute);
            }

            @Override
            public boolean inMemory() {
                return s.inMemory();
            }
        }, edits);
    }

    /** The link facts of these messages (covers and patches; others have none), by Message-ID. */
    public Map<String, LinkFacts> facts(Collection<String> messageIds) throws IOException {
        Map<String, LinkFacts> out = new LinkedHashMap<>();
        for (LinkFacts f : source.facts(List.of(Schema.MID), bare(messageIds))) out.putIfAbsent(f.messageId(), f);
        return out;
    }

    /** Covers and patches whose added code uses any of these symbols. */
    public List<LinkFacts> using(Collection<String> symbols) throws IOException {
        return source.facts(List.of(Schema.USES), keys(symbols));
    }

    /** Covers and patches that define (or export) any of these symbols. */
    public List<LinkFacts> defining(Collection<String> symbols) throws IOException {
        return source.facts(List.of(Schema.DEFINES), keys(symbols));
    }

    /** Covers and patches that name any of these Message-IDs, change-ids or patch-ids as a dependency. */
    public List<LinkFacts> dependingOn(Collection<String> keys) throws IOException {
        return source.facts(List.of(Schema.DEPENDS), keys(keys));
    }

    /** Covers and patches posted in reply to any of these messages (their In-Reply-To or References). */
    public List<LinkFacts> repliesTo(Collection<String> messageIds) throws IOException {
        return source.facts(List.of(Schema.IRT, Schema.REF), bare(messageIds));
    }

    /** Message-IDs of the covers and patches with any of these git patch-ids. */
    public List<String> withPatchId(Collection<String> patchIds) throws IOException {
        Set<String> lower = keys(patchIds.stream().map(p -> p.toLowerCase(java.util.Locale.ROOT)).toList());
        return source.facts(List.of(Schema.PATCH_ID), lower).stream().map(LinkFacts::messageId).toList();
    }

    /** The series that hold each of these messages (as a posting or a reply about it), by Message-ID. */
    public Map<String, Series> seriesOf(Collection<String> messageIds) throws IOException {
        Set<String> ids = bare(messageIds);
        Map<String, Series> out = new LinkedHashMap<>();
        if (ids.isEmpty()) return out;
        for (Series s : source.series(Schema.MEMBER, ids)) {
            for (String m : s.members()) if (ids.contains(m)) out.putIfAbsent(m, s);
        }
        return out;
    }

    /** The series with each of these b4 change-ids, by change-id. */
    public Map<String, Series> seriesWithChangeId(Collection<String> changeIds) throws IOException {
        Map<String, Series> out = new LinkedHashMap<>();
        if (changeIds.isEmpty()) return out;
        for (Series s : source.series(Schema.CHANGE_ID, keys(changeIds))) {
            if (s.changeId() != null) out.putIfAbsent(s.changeId(), s);
        }
        return out;
    }

    /** Something computed from the answers of a {@link LinkIndex}. */
    @FunctionalInterface
    public interface Computation<T> {
        T run() throws IOException;
    }

    /**
     * A value computed from this index's answers alone (the links of a series, say), kept while the index stays
     * unchanged when the lookups are in memory, so that a second call about every series computes only what
     * changed: a new reader (new mail, a merge, a deletion) starts afresh. A computation during which the index
     * changed is not kept. Lookups by term query keep nothing and compute each time. A value that also depends on
     * the link edits names their state as {@code stamp}: another stamp forgets everything kept under the old one,
     * so an edit (made by any process) is seen by the next call without waiting for new mail.
     *
     * @param stamp the {@link LinkEditSet#stamp} the value was computed with
     * @param key   names the value; the caller makes it unique to what it computes
     */
    public <T> T remembered(String stamp, String key, Computation<T> compute) throws IOException {
        return source.remembered(stamp, key, compute);
    }

    /** Whether lookups are answered from memory, so that asking one twice costs no more than remembering it. */
    public boolean inMemory() {
        return source.inMemory();
    }

    /**
     * The series with a version or patch of each of these titles, by title key ({@link DependencyRef#titleKey});
     * the newest first when several share one.
     */
    public Map<String, List<Series>> seriesWithTitle(Collection<String> titles) throws IOException {
        Map<String, List<Series>> out = new LinkedHashMap<>();
        Set<String> wanted = new LinkedHashSet<>();
        for (String t : titles) if (!t.isBlank()) wanted.add(DependencyRef.titleKey(t));
        if (wanted.isEmpty()) return out;
        for (Series s : source.series(Schema.TITLE_KEY, wanted)) {
            Set<String> own = SeriesDocument.titleKeys(s);
            for (String key : wanted) if (own.contains(key)) out.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        out.values().forEach(l -> l.sort(java.util.Comparator.comparingLong(Series::lastActivity).reversed()));
        return out;
    }

    private static Set<String> keys(Collection<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) if (!v.isEmpty()) out.add(v);
        return out;
    }

    private static Set<String> bare(Collection<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            String bare = MessageDocument.bareId(id);
            if (!bare.isEmpty()) out.add(bare);
        }
        return out;
    }
}
