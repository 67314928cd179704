package org.patchlane.link;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.patchlane.review.AreaTouch;
import org.patchlane.review.Policy;
import org.patchlane.review.TouchedAreas;
import org.patchlane.store.QuerySyntaxException;
import org.patchlane.store.Searcher;
import org.patchlane.store.SeriesPage;
import org.patchlane.thread.Series;

/**
 * Series queries with link terms ({@link LinkTerm}): the index answers the rest of the query, and its hits are
 * kept when every link term holds. Without link terms this is the index's own series search. Cost with them: the
 * areas of every hit, plus its checks when a term needs them ({@code missing:}, {@code check:}), so they suit a
 * narrowed query on a large archive.
 */
public final class SeriesSearch {
    private static final int PAGE = 1_000;

    private final Searcher searcher;
    private final Policy policy;

    public SeriesSearch(Searcher searcher, Policy policy) {
        this.searcher = searcher;
        this.policy = policy;
    }

    /** One page of the series matching {@code query}, most recent activity first. */
    public SeriesPage page(String query, int offset, int limit) throws IOException, QuerySyntaxException {
        LinkTerm.Split split = LinkTerm.split(query);
        if (split.terms().isEmpty()) return searcher.series(query, offset, limit);
        List<Series> kept = matching(split);
        List<Series> page = kept.subList(Math.min(offset, kept.size()), Math.min(kept.size(), offset + limit));
        return new SeriesPage(query == null ? "" : query, kept.size(), offset, page);
    }

    /** Every series matching {@code query}, most recent activity first. */
    public List<Series> all(String query) throws IOException, QuerySyntaxException {
        return matching(LinkTerm.split(query));
    }

    private List<Series> matching(LinkTerm.Split split) throws IOException, QuerySyntaxException {
        Set<String> usersOf = null;
        boolean needChecks = false;
        boolean needAreas = false;
        for (LinkTerm t : split.terms()) {
            if (t.prefix() == LinkTerm.Prefix.USES) usersOf = users(t.value(), usersOf);
            if (t.prefix() == LinkTerm.Prefix.MISSING || t.prefix() == LinkTerm.Prefix.CHECK) needChecks = true;
            if (t.prefix() == LinkTerm.Prefix.AREA || t.prefix() == LinkTerm.Prefix.KIND) needAreas = true;
        }
        Checker checker = needChecks ? new Checker(searcher.linkSnapshot(), policy) : null;
        // One set of lookups for the whole query, as together has: the link edits are read once, not per hit.
        Lookups lookups = needChecks ? new Lookups(searcher.linkSnapshot()) : null;
        List<Series> out = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            SeriesPage page = searcher.series(split.rest(), offset, PAGE);
            for (Series s : page.series()) {
                // Only what a term asks is computed: a query with no link term lists series (together's first step).
                TouchedAreas areas = needAreas ? policy.areas(s.latest().files()) : null;
                SeriesCheck checks = checker == null ? null : checker.check(s, lookups);
                boolean all = true;
                for (LinkTerm t : split.terms()) {
                    if (holds(t, s, areas, checks, usersOf) == t.negated()) {
                        all = false;
                        break;
                    }
                }
                if (all) out.add(s);
            }
            if (offset + PAGE >= page.total() || offset + PAGE > Searcher.MAX_OFFSET) break;
        }
        return out;
    }

    private static boolean holds(LinkTerm t, Series s, TouchedAreas areas, SeriesCheck checks, Set<String> usersOf) {
        return switch (t.prefix()) {
            case AREA -> areas.areas().stream().map(AreaTouch::area)
                    .anyMatch(a -> a.name().toLowerCase(Locale.ROOT).contains(t.value().toLowerCase(Locale.ROOT)));
            case KIND -> switch (t.value()) {
                case "infrastructure" -> areas.infrastructure();
                case "driver" -> areas.driversOnly();
                default -> !areas.infrastructure() && !areas.driversOnly();
            };
            case MISSING -> failed(checks, t.value().equals("ack") ? CheckName.REQUIRED_ACKS : CheckName.POSTED_TOGETHER);
            case CHECK -> failed(checks, switch (t.value()) {
                case "together-fail" -> CheckName.POSTED_TOGETHER;
                case "exports-fail" -> CheckName.EXPORTS;
                case "acks-fail" -> CheckName.REQUIRED_ACKS;
                default -> CheckName.PREREQUISITE_STATE;
            });
            case USES -> usersOf.contains(s.id());
        };
    }

    private static boolean failed(SeriesCheck checks, CheckName name) {
        return checks.checks().stream().anyMatch(c -> c.name() == name && c.verdict() == Verdict.FAIL);
    }

    /** The ids of the series that use the series a key names (intersected with those of earlier uses: terms). */
    private Set<String> users(String key, Set<String> before) throws IOException {
        Set<String> ids = new HashSet<>();
        Optional<Series> target = searcher.seriesOf(key);
        if (target.isPresent()) {
            for (Link l : new Linker(searcher.linkSnapshot()).users(target.get())) ids.add(l.other().id());
        }
        if (before != null) ids.retainAll(before);
        return ids;
    }
}
