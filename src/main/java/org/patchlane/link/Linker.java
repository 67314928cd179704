package org.patchlane.link;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.patchlane.patch.ChangeRef;
import org.patchlane.patch.DependencyRef;
import org.patchlane.review.LinkAction;
import org.patchlane.review.LinkEdit;
import org.patchlane.store.LinkFacts;
import org.patchlane.store.LinkIndex;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * Finds the links of a series from the link facts in the index, every version of it counted:
 * <ol>
 * <li>explicit: b4's {@code prerequisite-message-id/-change-id/-patch-id}, {@code Depends-on:}, {@code Based-on:},
 * {@code Link:} lines and message URLs, and prose ("depends on ...") naming a Message-ID, change-id or quoted
 * title;</li>
 * <li>same thread: a cover or patch posted in reply to a message of another series;</li>
 * <li>symbol: its added code uses symbols another series defines on added header lines or exports. The version
 * it was built on is the one whose definitions cover most of the symbols it uses (a later version that dropped
 * one is not it).</li>
 * </ol>
 * A series' users are the series whose prerequisites include it, found through the reverse lookups and then
 * checked with the same rules, so that a link reads the same from both ends. Cost: a handful of term-set queries
 * per series, plus one prerequisite computation per candidate user.
 */
public final class Linker {
    /** A mention of a message elsewhere in the text (often a previous version, or a discussion) is weak evidence. */
    private static final double MENTION_CONFIDENCE = 0.5;
    /**
     * How long before a series a symbol link may reach: an API posted longer ago is in the tree by now, and a
     * symbol in common says nothing more than that the driver calls it (on the linux-watchdog archive, drivers of
     * 2025 "used" a clk helper series of 2022).
     */
    static final long SYMBOL_HORIZON_MS = 180L * 24 * 3600 * 1000;
    /** A definition may arrive a little after its user (one git send-email run posts both, in any order). */
    private static final long SAME_POSTING_MS = 3600L * 1000;

    private final LinkIndex index;

    public Linker(LinkIndex index) {
        this.index = index;
    }

    /** Both directions, with the maintainers' edits: added links in, removed ones apart. */
    public Links links(Series series) throws IOException {
        return links(series, new Lookups(index));
    }

    /** The series this one depends on, strongest first, each series' links together. */
    public List<Link> prerequisites(Series series) throws IOException {
        return prerequisites(series, new Lookups(index)).kept();
    }

    /** The series that depend on this one, strongest first, each series' links together. */
    public List<Link> users(Series series) throws IOException {
        return users(series, new Lookups(index)).kept();
    }

    /** Both directions, with the lookups of the call this is part of. */
    Links links(Series series, Lookups index) throws IOException {
        EditedLinks prerequisites = prerequisites(series, index);
        EditedLinks users = users(series, index);
        return new Links(series, prerequisites.kept(), users.kept(), prerequisites.removed(), users.removed());
    }

    private EditedLinks prerequisites(Series series, Lookups index) throws IOException {
        return index.prerequisites(series, () -> edited(series, computePrerequisites(series, index), index));
    }

    private List<Link> computePrerequisites(Series series, Lookups index) throws IOException {
        Map<String, Integer> own = postings(series);
        Map<String, LinkFacts> facts = index.facts(own.keySet());
        List<Claim> claims = new ArrayList<>();
        for (LinkFacts f : facts.values()) claims.addAll(claims(f, own.get(f.messageId())));
        Found found = new Found(series);
        resolve(claims, found, index);
        symbols(series, own, facts, found, index);
        return found.links().stream().filter(l -> !sameWork(series, l.other())).toList();
    }

    /**
     * The maintainers' edits of a series' prerequisites applied to what the mail gives: a removed prerequisite's
     * links move apart (all of them, whatever their kind), an added one is a {@link LinkKind#MANUAL} link. A manual
     * link names the version the mail's strongest link to that series names, else its latest: a maintainer says
     * that it depends, the mail says on what.
     */
    private static EditedLinks edited(Series series, List<Link> derived, Lookups index) throws IOException {
        Map<String, LinkEdit> edits = index.edits().of(series.id());
        if (edits.isEmpty()) return new EditedLinks(derived, List.of());
        Map<String, Series> anchored = index.seriesOf(edits.values().stream().map(LinkEdit::prerequisiteAnchor)
                .filter(a -> !a.isEmpty()).toList());
        // By the id the edit names and by the id its anchor has now (a regrouping may rename a series).
        Map<String, LinkEdit> byId = new LinkedHashMap<>(edits);
        Map<LinkEdit, Series> target = new LinkedHashMap<>();
        for (LinkEdit e : edits.values()) {
            Series other = anchored.get(e.prerequisiteAnchor());
            if (other == null || other.id().equals(series.id())) continue;
            target.put(e, other);
            byId.putIfAbsent(other.id(), e);
        }
        List<Link> kept = new ArrayList<>();
        List<Link> removed = new ArrayList<>();
        Map<LinkEdit, Link> strongest = new LinkedHashMap<>();
        for (Link l : derived) {
            LinkEdit e = byId.get(l.other().id());
            if (e != null && e.action() == LinkAction.REMOVE) {
                removed.add(l.removedBy(e));
            } else {
                kept.add(l);
            }
            if (e != null) strongest.putIfAbsent(e, l);
        }
        for (Map.Entry<LinkEdit, Series> t : target.entrySet()) {
            LinkEdit e = t.getKey();
            Series other = t.getValue();
            Link mail = strongest.get(e);
            if (e.action() == LinkAction.REMOVE && mail != null) continue;
            int version = mail == null ? other.latest().version() : mail.version();
            int ownVersion = mail == null ? series.latest().version() : mail.ownVersion();
            Link manual = new Link(other, version, other.latest().version(), ownVersion, LinkKind.MANUAL, e.summary(),
                    null, LinkKind.MANUAL.confidence(), e);
            (e.action() == LinkAction.ADD ? kept : removed).add(manual);
        }
        return new EditedLinks(grouped(kept), grouped(removed));
    }

    /**
     * True when the other series is this one's work posted again rather than something it needs: a patch with the
     * same patch-id (a stable backport, a repost), or the same title from the same submitter (an earlier version
     * that version grouping did not join, which a "Link to v1" names).
     */
    static boolean sameWork(Series series, Series other) {
        if (series.submitter().samePerson(other.submitter())
                && DependencyRef.titleKey(series.title()).equals(DependencyRef.titleKey(other.title()))) {
            return true;
        }
        Set<String> ids = new java.util.HashSet<>();
        for (SeriesVersion v : series.versions()) {
            for (SeriesPatch p : v.patches()) if (p.patchId() != null) ids.add(p.patchId());
        }
        for (SeriesVersion v : other.versions()) {
            for (SeriesPatch p : v.patches()) if (p.patchId() != null && ids.contains(p.patchId())) return true;
        }
        return false;
    }

    private EditedLinks users(Series series, Lookups index) throws IOException {
        return index.users(series, () -> computeUsers(series, index));
    }

    private EditedLinks computeUsers(Series series, Lookups index) throws IOException {
        Map<String, Integer> own = postings(series);
        Map<String, LinkFacts> facts = index.facts(own.keySet());
        Set<String> keys = new LinkedHashSet<>(own.keySet());
        if (series.changeId() != null) keys.add(series.changeId());
        for (String title : series.titles()) keys.add(DependencyRef.titleKey(title));
        for (SeriesVersion v : series.versions()) {
            for (SeriesPatch p : v.patches()) if (p.patchId() != null) keys.add(p.patchId());
        }
        Set<String> defined = new LinkedHashSet<>();
        for (LinkFacts f : facts.values()) defined.addAll(f.symbols().defined());
        Set<String> candidates = new LinkedHashSet<>();
        for (LinkFacts f : index.dependingOn(keys)) candidates.add(f.messageId());
        for (LinkFacts f : index.repliesTo(own.keySet())) candidates.add(f.messageId());
        if (!defined.isEmpty()) for (LinkFacts f : index.using(defined)) candidates.add(f.messageId());
        // The series a maintainer said depend on it (or not), so that an edit reads the same from both ends.
        for (LinkEdit e : index.edits().naming(series.id())) if (!e.seriesAnchor().isEmpty()) candidates.add(e.seriesAnchor());
        candidates.removeAll(own.keySet());
        Map<String, Series> bySeries = new LinkedHashMap<>();
        for (Series s : index.seriesOf(candidates).values()) {
            if (!s.id().equals(series.id())) bySeries.putIfAbsent(s.id(), s);
        }
        List<Link> users = new ArrayList<>();
        List<Link> removed = new ArrayList<>();
        for (Series user : bySeries.values()) {
            EditedLinks of = prerequisites(user, index);
            for (Link l : of.kept()) if (l.other().id().equals(series.id())) users.add(asUser(user, l));
            for (Link l : of.removed()) if (l.other().id().equals(series.id())) removed.add(asUser(user, l));
        }
        return new EditedLinks(grouped(users), grouped(removed));
    }

    /** A user's link to its prerequisite, seen from the prerequisite. */
    private static Link asUser(Series user, Link l) {
        return new Link(user, l.ownVersion(), user.latest().version(), l.version(), l.kind(), l.evidence(), l.givenIn(),
                l.confidence(), l.edit());
    }

    /** Strongest first, each series' links together, the series in the order of their strongest link. */
    private static List<Link> grouped(List<Link> links) {
        List<Link> sorted = new ArrayList<>(links);
        sorted.sort(STRONGEST_FIRST);
        Map<String, List<Link>> bySeries = new LinkedHashMap<>();
        for (Link l : sorted) bySeries.computeIfAbsent(l.other().id(), k -> new ArrayList<>()).add(l);
        List<Link> out = new ArrayList<>();
        bySeries.values().forEach(out::addAll);
        return out;
    }

    private static final Comparator<Link> STRONGEST_FIRST = Comparator.comparingDouble(Link::confidence).reversed()
            .thenComparing(Link::kind).thenComparing(l -> l.other().id());

    /** Every cover and patch posting of every version, with its version. */
    static Map<String, Integer> postings(Series s) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (SeriesVersion v : s.versions()) {
            if (v.cover() != null) out.putIfAbsent(v.cover(), v.version());
            for (SeriesPatch p : v.patches()) for (String id : p.postings()) out.putIfAbsent(id, v.version());
        }
        return out;
    }

    /** What one cover or patch says it needs. */
    private static List<Claim> claims(LinkFacts f, int ownVersion) {
        List<Claim> out = new ArrayList<>();
        String in = f.messageId();
        for (String id : f.markers().prerequisiteMessageIds()) {
            out.add(new Claim(Target.MESSAGE, bare(id), LinkKind.MESSAGE_ID, 1.0,
                    "prerequisite-message-id: " + id, in, ownVersion, 0));
        }
        for (String id : f.markers().prerequisiteChangeIds()) {
            ChangeRef ref = ChangeRef.parse(id);
            out.add(new Claim(Target.CHANGE, ref.changeId(), LinkKind.CHANGE_ID, 1.0, "prerequisite-change-id: " + id,
                    in, ownVersion, ref.version()));
        }
        for (String id : f.markers().prerequisitePatchIds()) {
            out.add(new Claim(Target.PATCH, id, LinkKind.PREREQUISITE_PATCH_ID, 1.0, "prerequisite-patch-id: " + id,
                    in, ownVersion, 0));
        }
        for (DependencyRef d : f.dependencies()) {
            Target target = switch (d.form()) {
                case MESSAGE_ID -> Target.MESSAGE;
                case CHANGE_ID -> Target.CHANGE;
                case TITLE -> Target.TITLE;
                case URL -> null; // a patchwork page names no message
            };
            if (target == null) continue;
            LinkKind kind = switch (d.kind()) {
                case DEPENDS_ON -> LinkKind.DEPENDS_ON;
                case BASED_ON -> LinkKind.BASED_ON;
                case PROSE -> target == Target.CHANGE ? LinkKind.CHANGE_ID : LinkKind.PROSE;
                case LINK, MENTION -> LinkKind.LINK;
            };
            double confidence = d.kind() == DependencyRef.Kind.MENTION ? MENTION_CONFIDENCE
                    : d.kind() == DependencyRef.Kind.PROSE ? LinkKind.PROSE.confidence() : kind.confidence();
            out.add(new Claim(target, target == Target.MESSAGE ? bare(d.target()) : d.target(), kind, confidence,
                    d.evidence(), in, ownVersion, 0));
        }
        for (String parent : f.parents()) {
            out.add(new Claim(Target.MESSAGE, parent, LinkKind.SAME_THREAD, LinkKind.SAME_THREAD.confidence(),
                    "posted in reply to <" + parent + ">", in, ownVersion, 0));
        }
        return out;
    }

    /** Turns claims into links: a Message-ID, change-id or patch-id to the series that holds it. */
    private static void resolve(List<Claim> claims, Found found, Lookups index) throws IOException {
        Set<String> messages = new LinkedHashSet<>();
        Set<String> changes = new LinkedHashSet<>();
        Set<String> patches = new LinkedHashSet<>();
        Set<String> titles = new LinkedHashSet<>();
        for (Claim c : claims) {
            switch (c.target()) {
                case MESSAGE -> messages.add(c.key());
                case CHANGE -> changes.add(c.key());
                case PATCH -> patches.add(c.key());
                case TITLE -> titles.add(c.key());
            }
        }
        if (!patches.isEmpty()) {
            for (String id : index.withPatchId(patches)) messages.add(id);
        }
        Map<String, Series> byMessage = index.seriesOf(messages);
        Map<String, Series> byChange = index.seriesWithChangeId(changes);
        Map<String, List<Series>> byTitle = titles.isEmpty() ? Map.of() : index.seriesWithTitle(titles);
        Map<String, String> patchIdOf = patchIdsOf(byMessage.values());
        for (Claim c : claims) {
            switch (c.target()) {
                case MESSAGE -> {
                    Series t = byMessage.get(c.key());
                    if (t != null) found.add(t, versionOf(t, c.key()), c);
                }
                case CHANGE -> {
                    Series t = byChange.get(c.key());
                    if (t != null) found.add(t, c.version() > 0 ? c.version() : t.latest().version(), c);
                }
                case TITLE -> {
                    // A title names the newest series that has it (a title reused years apart is another series);
                    // the version with that title, or the latest when only a patch has it.
                    for (Series t : byTitle.getOrDefault(DependencyRef.titleKey(c.key()), List.of())) {
                        if (t.id().equals(found.self.id())) continue;
                        found.add(t, versionTitled(t, c.key()), c);
                        break;
                    }
                }
                case PATCH -> patchIdOf.forEach((message, patchId) -> {
                    if (!patchId.equalsIgnoreCase(c.key())) return;
                    Series t = byMessage.get(message);
                    if (t != null) found.add(t, versionOf(t, message), c);
                });
            }
        }
    }

    /** Links by symbols used here and defined (or exported) by another series. */
    private static void symbols(Series series, Map<String, Integer> own, Map<String, LinkFacts> facts, Found found,
                                Lookups index) throws IOException {
        Map<String, String> usedIn = new LinkedHashMap<>();
        long latest = Long.MIN_VALUE;
        for (LinkFacts f : facts.values()) {
            for (String s : f.symbols().used()) usedIn.putIfAbsent(s, f.messageId());
            latest = Math.max(latest, f.date());
        }
        if (usedIn.isEmpty()) return;
        List<LinkFacts> definers = new ArrayList<>();
        for (LinkFacts f : index.defining(usedIn.keySet())) {
            if (own.containsKey(f.messageId())) continue;
            // A prerequisite was posted before its user, and not so long before that it is in the tree already.
            if (latest != Long.MIN_VALUE && f.date() != Long.MIN_VALUE
                    && (f.date() > latest + SAME_POSTING_MS || f.date() < latest - SYMBOL_HORIZON_MS)) continue;
            definers.add(f);
        }
        Map<String, Series> seriesOf = index.seriesOf(definers.stream().map(LinkFacts::messageId).toList());
        Map<String, Series> byId = new LinkedHashMap<>();
        for (Series t : seriesOf.values()) byId.putIfAbsent(t.id(), t);
        // Per other series, per version: the used symbols that version defines.
        Map<String, Map<Integer, Set<String>>> common = new LinkedHashMap<>();
        Map<String, Set<String>> exported = new LinkedHashMap<>();
        for (LinkFacts d : definers) {
            Series t = seriesOf.get(d.messageId());
            if (t == null || t.id().equals(series.id())) continue;
            Set<String> hits = new TreeSet<>(d.symbols().defined());
            hits.retainAll(usedIn.keySet());
            if (hits.isEmpty()) continue;
            common.computeIfAbsent(t.id(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(versionOf(t, d.messageId()), k -> new TreeSet<>()).addAll(hits);
            Set<String> ex = new TreeSet<>(d.symbols().exported());
            ex.retainAll(hits);
            exported.computeIfAbsent(t.id(), k -> new TreeSet<>()).addAll(ex);
        }
        for (Map.Entry<String, Map<Integer, Set<String>>> e : common.entrySet()) {
            Series t = byId.get(e.getKey());
            // The version built on covers the most used symbols; among equals, the newest.
            Map.Entry<Integer, Set<String>> best = e.getValue().entrySet().stream()
                    .max(Comparator.<Map.Entry<Integer, Set<String>>>comparingInt(v -> v.getValue().size())
                            .thenComparingInt(Map.Entry::getKey)).orElseThrow();
            Set<String> names = best.getValue();
            double confidence = Math.min(0.95, LinkKind.SYMBOL.confidence() + 0.1 * (names.size() - 1)
                    + (exported.getOrDefault(t.id(), Set.of()).isEmpty() ? 0 : 0.1));
            String first = names.iterator().next();
            String evidence = "uses " + String.join(", ", names) + " (added by v" + best.getKey() + ")";
            found.add(t, best.getKey(), new Claim(Target.MESSAGE, first, LinkKind.SYMBOL, confidence, evidence,
                    usedIn.get(first), series.latest().version(), best.getKey()));
        }
    }

    /** The newest version of a series with this title, else the latest. */
    private static int versionTitled(Series t, String title) {
        String key = DependencyRef.titleKey(title);
        int found = t.latest().version();
        for (SeriesVersion v : t.versions()) if (DependencyRef.titleKey(v.title()).equals(key)) found = v.version();
        return found;
    }

    /** The version of a series holding a message (a posting, or a reply about one), else the latest. */
    static int versionOf(Series t, String messageId) {
        for (SeriesVersion v : t.versions()) {
            if (messageId.equals(v.cover())) return v.version();
            for (SeriesPatch p : v.patches()) if (p.postings().contains(messageId)) return v.version();
        }
        return t.latest().version();
    }

    private static Map<String, String> patchIdsOf(Iterable<Series> series) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Series s : series) {
            for (SeriesVersion v : s.versions()) {
                for (SeriesPatch p : v.patches()) {
                    if (p.patchId() == null) continue;
                    for (String id : p.postings()) out.put(id, p.patchId());
                }
            }
        }
        return out;
    }

    private static String bare(String id) {
        String s = id.strip();
        return s.startsWith("<") && s.endsWith(">") ? s.substring(1, s.length() - 1) : s;
    }

    private enum Target { MESSAGE, CHANGE, PATCH, TITLE }

    /**
     * One statement of a need, before it is resolved to a series.
     *
     * @param version the version of the target it names, or 0 when it names none
     */
    private record Claim(Target target, String key, LinkKind kind, double confidence, String evidence, String givenIn,
                         int ownVersion, int version) {
    }

    /** Links found so far: the strongest claim per other series and kind. */
    private static final class Found {
        private final Series self;
        private final Map<String, Link> byKey = new LinkedHashMap<>();

        Found(Series self) {
            this.self = self;
        }

        void add(Series other, int version, Claim c) {
            if (other.id().equals(self.id())) return;
            String key = other.id() + "\n" + c.kind();
            Link l = new Link(other, version, other.latest().version(), c.ownVersion(), c.kind(), c.evidence(),
                    c.givenIn(), c.confidence());
            Link old = byKey.get(key);
            if (old == null || l.confidence() > old.confidence()) byKey.put(key, l);
        }

        List<Link> links() {
            return grouped(new ArrayList<>(byKey.values()));
        }
    }
}
