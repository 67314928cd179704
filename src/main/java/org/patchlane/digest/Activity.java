package org.patchlane.digest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.patchlane.mail.Address;
import org.patchlane.thread.Applied;
import org.patchlane.thread.GivenTrailer;
import org.patchlane.thread.Post;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * The dated events of a set of series, each at the date of the mail that made it: versions posted, review trailers
 * given, "Applied"/merged notices, first responses. Computed once per digest and counted for each period compared,
 * so the figures of a week and the lines of that week come from the same facts.
 */
final class Activity {
    /** The follow-up trailers a digest reports; the author's chain ({@code Signed-off-by}...) is not review. */
    static final Set<String> REVIEW_KINDS = Set.of("Acked-by", "Reviewed-by", "Tested-by", "Nacked-by");

    /** A version posted. */
    record Posted(Series series, SeriesVersion version, boolean first, long at) {
    }

    /** One person's trailer of one kind, in one mail, on one version (a cover reply's counts once). */
    record Given(Series series, SeriesVersion version, String kind, Address by, String patches, String messageId,
                 long at) {
    }

    /** One notice: the patches an "Applied" reply names, or a pull request's merge. */
    record Notice(Series series, SeriesVersion version, Merge.Kind kind, Applied applied, List<String> commits) {
    }

    /** A version posted, and when someone other than its sender first answered it (-1: nobody yet). */
    record Response(SeriesVersion version, long posted, long first) {
    }

    final List<Posted> posted = new ArrayList<>();
    final List<Given> given = new ArrayList<>();
    final List<Notice> notices = new ArrayList<>();
    final List<Response> responses = new ArrayList<>();
    /** Dates of each series' versions and replies, by series id: what makes a series active in a period. */
    final Map<String, long[]> mailDates = new LinkedHashMap<>();

    static Activity of(Collection<Series> series, Map<String, Post> posts) {
        Activity a = new Activity();
        for (Series s : series) a.add(s, posts);
        return a;
    }

    private void add(Series s, Map<String, Post> posts) {
        List<SeriesVersion> versions = s.versions();
        List<Post> replies = s.members().stream().map(posts::get)
                .filter(p -> p != null && !p.seriesPart() && p.date() > 0).toList();
        for (int i = 0; i < versions.size(); i++) {
            SeriesVersion v = versions.get(i);
            posted.add(new Posted(s, v, i == 0, v.date()));
            trailers(s, v, posts);
            notices(s, v);
            responses.add(new Response(v, v.date(), firstResponse(v, replies)));
        }
        // Its versions' postings and the replies about it (the posts asked are the replies').
        long[] dates = java.util.stream.LongStream.concat(versions.stream().mapToLong(SeriesVersion::date),
                s.members().stream().map(posts::get).filter(p -> p != null && p.date() > 0).mapToLong(Post::date))
                .toArray();
        mailDates.put(s.id(), dates);
    }

    private void trailers(Series s, SeriesVersion v, Map<String, Post> posts) {
        // (mail, kind, person) -> the patches it covers, in patch order
        Map<String, TreeSet<Integer>> patches = new LinkedHashMap<>();
        Map<String, GivenTrailer> first = new LinkedHashMap<>();
        for (SeriesPatch p : v.patches()) {
            for (GivenTrailer t : p.trailers()) {
                if (t.inPatch() || t.carried() || !REVIEW_KINDS.contains(t.kind())) continue;
                String key = t.givenIn() + "\n" + t.kind() + "\n" + person(t);
                patches.computeIfAbsent(key, k -> new TreeSet<>()).add(p.index());
                first.putIfAbsent(key, t);
            }
        }
        for (Map.Entry<String, GivenTrailer> e : first.entrySet()) {
            GivenTrailer t = e.getValue();
            Post mail = posts.get(t.givenIn());
            if (mail == null || mail.date() <= 0) continue; // undated: no period can claim it
            given.add(new Given(s, v, t.kind(), new Address(t.name(), t.email()),
                    patches(patches.get(e.getKey()), v), t.givenIn(), mail.date()));
        }
    }

    private void notices(Series s, SeriesVersion v) {
        Map<String, List<SeriesPatch>> byNotice = new LinkedHashMap<>();
        for (SeriesPatch p : v.patches()) {
            if (p.applied() != null) byNotice.computeIfAbsent(p.applied().messageId(), k -> new ArrayList<>()).add(p);
        }
        for (List<SeriesPatch> same : byNotice.values()) {
            Applied a = same.get(0).applied();
            List<String> commits = same.stream().map(p -> p.applied().commit()).filter(c -> !c.isEmpty()).toList();
            notices.add(new Notice(s, v, Merge.Kind.APPLIED, a, commits));
        }
        if (v.merged() != null) {
            Applied m = v.merged();
            notices.add(new Notice(s, v, Merge.Kind.MERGED, m, m.commit().isEmpty() ? List.of() : List.of(m.commit())));
        }
    }

    /** The first reply from someone other than the sender into one of the version's own mails; -1 when none. */
    private static long firstResponse(SeriesVersion v, List<Post> replies) {
        if (replies.isEmpty()) return -1;
        Set<String> own = new HashSet<>();
        if (v.cover() != null) own.add(v.cover());
        for (SeriesPatch p : v.patches()) own.addAll(p.postings());
        long first = -1;
        for (Post p : replies) {
            if (p.date() < v.date() || p.from().samePerson(v.sender())) continue;
            if (p.parents().stream().noneMatch(own::contains)) continue;
            if (first < 0 || p.date() < first) first = p.date();
        }
        return first;
    }

    /** The figures of {@code [since, until)}; {@code pulls} counted by the caller (pull requests are no series). */
    Figures figures(long since, long until, int pulls) {
        int series = 0, versions = 0, acks = 0, reviews = 0, tests = 0, nacks = 0, merged = 0;
        for (Posted p : posted) {
            if (p.at() < since || p.at() >= until) continue;
            if (p.first()) series++;
            else versions++;
        }
        for (Given g : given) {
            if (g.at() < since || g.at() >= until) continue;
            switch (g.kind()) {
                case "Acked-by" -> acks++;
                case "Reviewed-by" -> reviews++;
                case "Tested-by" -> tests++;
                default -> nacks++;
            }
        }
        for (Notice n : notices) if (n.applied().date() >= since && n.applied().date() < until) merged++;
        List<Long> waits = new ArrayList<>();
        for (Response r : responses) {
            if (r.posted() >= since && r.posted() < until && r.first() >= 0) waits.add(r.first() - r.posted());
        }
        return new Figures(series, versions, acks, reviews, tests, nacks, pulls, merged, median(waits));
    }

    /** Whether any mail of the series is dated in {@code [since, until)}. */
    boolean active(String seriesId, long since, long until) {
        for (long d : mailDates.getOrDefault(seriesId, new long[0])) if (d >= since && d < until) return true;
        return false;
    }

    static Duration median(List<Long> millis) {
        if (millis.isEmpty()) return null;
        List<Long> sorted = new ArrayList<>(millis);
        sorted.sort(null);
        int n = sorted.size();
        long m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return Duration.ofMillis(m);
    }

    /** "all" when every patch of the version, else "2/5" or "1-3,5/5". */
    static String patches(TreeSet<Integer> indexes, SeriesVersion v) {
        int total = v.patches().isEmpty() ? 0 : v.patches().get(0).total();
        if (v.patches().size() > 1 && indexes.size() == v.patches().size()) return "all";
        TreeMap<Integer, Integer> runs = new TreeMap<>();
        int start = -1, end = -1;
        for (int i : indexes) {
            if (start >= 0 && i == end + 1) {
                end = i;
                continue;
            }
            if (start >= 0) runs.put(start, end);
            start = end = i;
        }
        if (start >= 0) runs.put(start, end);
        StringBuilder out = new StringBuilder();
        runs.forEach((a, b) -> out.append(out.length() == 0 ? "" : ",").append(a == b.intValue() ? a : a + "-" + b));
        return out + "/" + total;
    }

    private static String person(GivenTrailer t) {
        return t.email().isEmpty() ? "n:" + t.name() : t.email();
    }
}
