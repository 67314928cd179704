package org.patchlane.digest;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.patchlane.ingest.Analyzer;
import org.patchlane.link.Check;
import org.patchlane.link.CheckName;
import org.patchlane.link.Checker;
import org.patchlane.link.Link;
import org.patchlane.link.Linker;
import org.patchlane.link.Links;
import org.patchlane.link.SeriesCheck;
import org.patchlane.link.Verdict;
import org.patchlane.mail.Address;
import org.patchlane.patch.Changelog;
import org.patchlane.patch.MessageKind;
import org.patchlane.patch.PatchAnalyzer;
import org.patchlane.patch.PullRequest;
import org.patchlane.review.AreaKind;
import org.patchlane.review.AreaTouch;
import org.patchlane.review.Decision;
import org.patchlane.review.Policy;
import org.patchlane.review.ReviewState;
import org.patchlane.review.TouchedAreas;
import org.patchlane.store.LinkIndex;
import org.patchlane.store.Searcher;
import org.patchlane.store.StoredRecord;
import org.patchlane.thread.Post;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * The archive's {@link DigestSource}: reads the series active around a period, their mail's dates, the links and
 * checks, and the maintainers' decisions, and writes each fact into the period its mail (or decision) is dated in.
 * Dated lines (postings, trailers, pulls, merges, state changes) are exact to the period; rule findings and waiting
 * series are the series as their mail stood at the period's end ({@link SeriesAt}). Waiting series are those whose
 * latest version was posted in the {@link #TREND_WEEKS} weeks before the period's end; older ones are left to
 * {@code patchlane series}. Thread-safe: each call keeps what it reads to itself.
 */
public final class DigestBuilder implements DigestSource {
    /** {@code [digest] quiet} when unset: a week without a reply from anyone but the sender. */
    public static final Duration QUIET = Duration.ofDays(7);
    /** Weeks of the trend; also how far back a series may have been posted to be listed as waiting. */
    public static final int TREND_WEEKS = 12;
    /** Periods before the previous one whose mean is compared. */
    static final int MEAN_OF = 4;
    private static final long DAY = 86_400_000L;

    private final Searcher searcher;
    private final Policy policy;
    private final Duration quiet;
    private final Clock clock;
    private final PullVerdicts pulls;

    /**
     * @param quiet how long a series may go without a reply from anyone but its sender before it is waiting
     * @param clock the digest's generation time
     */
    public DigestBuilder(Searcher searcher, Policy policy, Duration quiet, Clock clock) {
        this(searcher, policy, quiet, clock, PullVerdicts.NONE);
    }

    /** @param pulls the pending pull requests' checks, for the pull-request lines' verdicts */
    public DigestBuilder(Searcher searcher, Policy policy, Duration quiet, Clock clock, PullVerdicts pulls) {
        this.searcher = searcher;
        this.policy = policy;
        this.quiet = quiet;
        this.clock = clock;
        this.pulls = pulls;
    }

    @Override
    public Digest digest(Period period, String list) throws IOException {
        String only = list == null || list.isBlank() ? null : list.strip();
        long since = period.since().toEpochMilli(), until = period.until().toEpochMilli();
        List<Period> compared = new ArrayList<>();
        Period p = period.previous();
        compared.add(p);
        for (int i = 0; i < MEAN_OF; i++) compared.add(p = p.previous());
        List<Period> trend = trendWeeks(period);
        long from = Math.min(compared.get(compared.size() - 1).since().toEpochMilli(),
                Math.min(trend.get(0).since().toEpochMilli(), until - TREND_WEEKS * 7 * DAY));
        long to = Math.max(until, trend.get(trend.size() - 1).until().toEpochMilli());

        List<Series> series = new ArrayList<>();
        for (Series s : searcher.seriesActiveSince(Instant.ofEpochMilli(from))) {
            if (only == null || s.lists().contains(only)) series.add(s);
        }
        Map<String, Post> posts = searcher.posts(replies(series), Instant.ofEpochMilli(from));
        Activity activity = Activity.of(series, posts);
        List<StoredRecord> pulls = pulls(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to), only);

        Call call = new Call(period, only, posts);
        for (Series s : series) call.add(s);

        Groups groups = new Groups(only);
        postings(activity, since, until, call, groups);
        trailers(activity, since, until, call, groups);
        merges(activity, since, until, call, groups);
        pullLines(pulls, since, until, groups);
        stateChanges(period, call, groups);
        Map<String, List<Waiting>> onYou = new TreeMap<>();
        Map<String, Person> people = new HashMap<>();
        checks(activity, call, groups, onYou, people);

        List<PersonQueue> queues = new ArrayList<>();
        onYou.forEach((key, waiting) -> queues.add(new PersonQueue(people.get(key), waiting)));
        queues.sort(Comparator.comparing((PersonQueue q) -> q.person().name().toLowerCase(Locale.ROOT))
                .thenComparing(q -> q.person().email()));

        Figures figures = activity.figures(since, until, count(pulls, since, until));
        Figures previous = figuresOf(activity, pulls, compared.get(0));
        List<Figures> before = new ArrayList<>();
        for (Period c : compared.subList(1, compared.size())) before.add(figuresOf(activity, pulls, c));
        List<WeekFigures> weeks = new ArrayList<>();
        for (Period w : trend) weeks.add(new WeekFigures(w.label(), figuresOf(activity, pulls, w)));
        return new Digest(period, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), only, figures, previous, mean(before), weeks, groups.build(), queues);
    }

    /**
     * The Message-IDs of the mail about these series that is not one of their covers or patches: the replies, whose
     * posts give the trailers' dates and who answered when. The covers' and patches' dates are their versions'.
     */
    private static Set<String> replies(List<Series> series) {
        Set<String> out = new LinkedHashSet<>();
        for (Series s : series) {
            Set<String> own = new java.util.HashSet<>();
            for (SeriesVersion v : s.versions()) {
                if (v.cover() != null) own.add(v.cover());
                for (SeriesPatch p : v.patches()) own.addAll(p.postings());
            }
            for (String m : s.members()) if (!own.contains(m)) out.add(m);
        }
        return out;
    }

    /** The {@link #TREND_WEEKS} ISO weeks up to the one holding the period's last instant, oldest first. */
    static List<Period> trendWeeks(Period period) {
        Period w = Period.weekOf(period.until().minusMillis(1));
        List<Period> out = new ArrayList<>();
        out.add(w);
        for (int i = 1; i < TREND_WEEKS; i++) out.add(0, w = w.previous());
        return out;
    }

    private static Figures figuresOf(Activity activity, List<StoredRecord> pulls, Period p) {
        long s = p.since().toEpochMilli(), u = p.until().toEpochMilli();
        return activity.figures(s, u, count(pulls, s, u));
    }

    /** The mean of each count, rounded half up; of the medians that exist for the time to first review. */
    static Figures mean(List<Figures> all) {
        int n = all.size();
        long[] sums = new long[8];
        List<Long> waits = new ArrayList<>();
        for (Figures f : all) {
            int[] v = {f.series(), f.versions(), f.acks(), f.reviews(), f.tests(), f.nacks(), f.pulls(), f.merged()};
            for (int i = 0; i < v.length; i++) sums[i] += v[i];
            if (f.firstReview() != null) waits.add(f.firstReview().toMillis());
        }
        int[] m = new int[8];
        for (int i = 0; i < 8; i++) m[i] = (int) Math.round((double) sums[i] / n);
        Duration wait = waits.isEmpty() ? null
                : Duration.ofMillis(Math.round(waits.stream().mapToLong(Long::longValue).average().orElse(0)));
        return new Figures(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], wait);
    }

    // ---- sections ----

    private void postings(Activity a, long since, long until, Call call, Groups groups) throws IOException {
        for (Activity.Posted p : a.posted) {
            if (p.at() < since || p.at() >= until) continue;
            SeriesVersion v = p.version();
            String first = v.cover() != null ? v.cover() : v.patches().isEmpty() ? "" : v.patches().get(0).messageId();
            List<String> changes = p.first() ? List.of() : changes(v);
            groups.of(call.key(p.series())).postings.add(new Posting(call.ref(p.series(), v.label()),
                    p.first() ? Posting.Kind.NEW_SERIES : Posting.Kind.NEW_VERSION, person(v.sender()),
                    Instant.ofEpochMilli(v.date()), first, v.patches().size(), changes, v.rfc()));
        }
    }

    /** What a new version changed: its patches against the previous version, then its cover's changelog lines. */
    private List<String> changes(SeriesVersion v) throws IOException {
        int changed = 0, added = 0, same = 0;
        for (SeriesPatch p : v.patches()) {
            if ("changed".equals(p.change())) changed++;
            else if ("new".equals(p.change())) added++;
            else if ("unchanged".equals(p.change())) same++;
        }
        int total = v.patches().size();
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        line.append(changed).append(" of ").append(total).append(total == 1 ? " patch changed" : " patches changed");
        if (added > 0) line.append(", ").append(added).append(" new");
        if (same > 0) line.append(", ").append(same).append(" unchanged");
        if (v.partial()) line.append(" (a partial re-post: the others are v").append(v.predecessor()).append("'s)");
        out.add(line.toString());
        if (v.cover() != null) {
            for (StoredRecord r : searcher.get(v.cover())) {
                out.addAll(Changelog.parse(Analyzer.mail(r).body().own()).of(v.label()));
                break;
            }
        }
        return out;
    }

    private void trailers(Activity a, long since, long until, Call call, Groups groups) {
        Map<String, Map<String, List<TrailerGiven>>> byGroupPerson = new LinkedHashMap<>();
        Map<String, Person> who = new HashMap<>();
        for (Activity.Given g : a.given) {
            if (g.at() < since || g.at() >= until) continue;
            TrailerGiven t = new TrailerGiven(g.kind(), person(g.by()), call.ref(g.series(), g.version().label()),
                    g.patches(), g.messageId(), Instant.ofEpochMilli(g.at()));
            Key key = call.key(g.series());
            if (g.kind().equals("Nacked-by")) {
                groups.of(key).nacks.add(t);
                continue;
            }
            String pk = personKey(g.by());
            who.putIfAbsent(pk, person(g.by()));
            byGroupPerson.computeIfAbsent(key.id(), k -> new TreeMap<>()).computeIfAbsent(pk, k -> new ArrayList<>()).add(t);
            groups.of(key);
        }
        for (Groups.Lines lines : groups.all()) {
            Map<String, List<TrailerGiven>> people = byGroupPerson.get(lines.key.id());
            if (people == null) continue;
            people.forEach((pk, given) -> {
                given.sort(Comparator.comparing(TrailerGiven::at));
                lines.reviews.add(new PersonReviews(who.get(pk), given));
            });
            lines.reviews.sort(Comparator.comparing((PersonReviews r) -> r.person().name().toLowerCase(Locale.ROOT))
                    .thenComparing(r -> r.person().email()));
        }
    }

    private void merges(Activity a, long since, long until, Call call, Groups groups) {
        for (Activity.Notice n : a.notices) {
            long at = n.applied().date();
            if (at < since || at >= until) continue;
            groups.of(call.key(n.series())).merges.add(new Merge(call.ref(n.series(), n.version().label()), n.kind(),
                    Instant.ofEpochMilli(at), n.applied().tree(), n.commits(), "", n.applied().messageId()));
        }
    }

    private List<StoredRecord> pulls(Instant from, Instant to, String only) throws IOException {
        Map<String, StoredRecord> once = new LinkedHashMap<>();
        for (StoredRecord r : searcher.messages(MessageKind.PULL, from, to)) {
            if (only != null && !only.equals(r.list())) continue;
            once.putIfAbsent(r.messageId(), r);
        }
        return List.copyOf(once.values());
    }

    private static int count(List<StoredRecord> pulls, long since, long until) {
        int n = 0;
        for (StoredRecord r : pulls) {
            long at = r.date() == null ? -1 : r.date().toEpochMilli();
            if (at >= since && at < until) n++;
        }
        return n;
    }

    private void pullLines(List<StoredRecord> pulls, long since, long until, Groups groups) throws IOException {
        Map<String, List<Check>> verdicts = null;
        for (StoredRecord r : pulls) {
            long at = r.date() == null ? -1 : r.date().toEpochMilli();
            if (at < since || at >= until) continue;
            // checking means trial merges: only for a period that received a pull request
            if (verdicts == null) verdicts = this.pulls.current();
            PullRequest pr = PatchAnalyzer.analyze(Analyzer.mail(r)).pull();
            List<String> files = pr == null ? List.of() : pr.files();
            Key key = groups.only != null ? keyOf(groups.only, files) : keyOf(r.list(), files);
            // A pull request is no series: its ref has no series id, and writers link its message instead.
            SeriesRef ref = new SeriesRef("", r.subject(), "", "");
            List<Finding> checks = new ArrayList<>();
            for (Check c : verdicts.getOrDefault(r.messageId(), List.of()))
                checks.add(new Finding(c.name().jsonName(), ref, c.verdict() != Verdict.FAIL,
                        c.evidence().isEmpty() ? c.verdict().jsonName() : String.join("; ", c.evidence()), c.evidence(),
                        List.of()));
            groups.of(key).pulls.add(new PullLine(ref, person(r.from()), r.date(),
                    r.messageId(), pr == null || pr.url() == null ? "" : pr.url(),
                    pr == null || pr.ref() == null ? "" : pr.ref(), checks));
        }
    }

    private void stateChanges(Period period, Call call, Groups groups) throws IOException {
        long since = period.since().toEpochMilli(), until = period.until().toEpochMilli();
        for (Map.Entry<String, Decision> latest : searcher.decisions().latestAll().entrySet()) {
            // the latest decision is the newest: a series last decided before the period has none in it
            if (latest.getValue().at() < since) continue;
            String id = latest.getKey();
            List<Decision> made = new ArrayList<>();
            for (Decision d : call.history(id)) if (d.at() >= since && d.at() < until) made.add(d);
            if (made.isEmpty()) continue;
            Series s = call.series.get(id);
            if (s == null) {
                Optional<Series> found = searcher.seriesOf(id);
                if (found.isEmpty() || call.only != null && !found.get().lists().contains(call.only)) continue;
                s = found.get();
                call.add(s);
            }
            for (Decision d : made) {
                groups.of(call.key(s)).stateChanges.add(new StateChange(call.ref(s, d.version()),
                        d.from() == null ? "" : d.from().jsonName(), d.to().jsonName(), new Person(d.name(), d.email()),
                        Instant.ofEpochMilli(d.at()), d.note()));
            }
        }
    }

    /**
     * Findings of the series active in the period, and what waits at its end: no reply, acks missing, prerequisites
     * not merged. Each waiting line also goes to the queue of every maintainer it waits on.
     */
    private void checks(Activity a, Call call, Groups groups, Map<String, List<Waiting>> onYou,
                        Map<String, Person> people) throws IOException {
        long since = call.period.since().toEpochMilli(), until = call.period.until().toEpochMilli();
        long horizon = until - TREND_WEEKS * 7 * DAY;
        boolean reachesNow = until > clock.millis(); // the week under way: all mail is before its end
        for (Series now : List.copyOf(call.series.values())) {
            Series s = call.at(now);
            if (s == null) continue;
            boolean active = a.active(now.id(), since, until);
            ReviewState state = call.state(now);
            boolean open = !state.closed() && state != ReviewState.DEFERRED && s.latest().date() >= horizon;
            if (!active && !open) continue;
            // Links as the list stood at the period's end: a user series posted later was not there to link.
            LinkIndex index = reachesNow ? searcher.linkSnapshot() : searcher.linkSnapshot().asOf(until);
            SeriesCheck check;
            if (active || call.areas(now).infrastructure()) {
                check = new Checker(index, policy).check(s);
            } else {
                // Quiet and no infrastructure: no finding to report and no ack to wait for, only its prerequisites.
                check = new SeriesCheck(new Links(s, new Linker(index).prerequisites(s), List.of()), call.areas(now),
                        List.of(), List.of());
            }
            Key key = call.key(now);
            SeriesRef ref = call.ref(now, s.latest().label());
            Map<String, Waiting.Reason> ackAreas = ackAreas(s, check, until, call);
            if (active) {
                for (Check c : check.checks()) {
                    Finding f = c.verdict() == Verdict.FAIL ? finding(c, ref, ackAreas) : null;
                    if (f != null) groups.of(key).findings.add(f);
                }
            }
            if (!open) continue;
            for (Waiting w : waiting(s, check, ref, until, call, ackAreas)) {
                groups.of(key).waiting.add(w);
                if (w.reason() == Waiting.Reason.PREREQUISITE) continue;
                for (Person p : w.on()) {
                    String pk = personKey(new Address(p.name(), p.email()));
                    people.putIfAbsent(pk, p);
                    onYou.computeIfAbsent(pk, k -> new ArrayList<>()).add(w);
                }
            }
        }
        for (Groups.Lines l : groups.all()) {
            l.findings.sort(Comparator.comparing((Finding f) -> f.series().title()).thenComparing(Finding::rule));
            l.waiting.sort(Comparator.comparingLong(Waiting::days).reversed().thenComparing(w -> w.series().title()));
        }
        onYou.values().forEach(l -> l.sort(Comparator.comparingLong(Waiting::days).reversed()
                .thenComparing(w -> w.series().title())));
    }

    /**
     * The areas whose maintainers' acks an infrastructure series needed at the period's end: its own
     * infrastructure areas, and the driver areas of the users posted by then (the index links users posted later
     * too, which the period could not have waited on).
     */
    private Map<String, Waiting.Reason> ackAreas(Series s, SeriesCheck check, long until, Call call) {
        Map<String, Waiting.Reason> out = new LinkedHashMap<>();
        for (AreaTouch t : call.areas(s).areas()) {
            if (t.area().kind() == AreaKind.INFRASTRUCTURE) out.put(t.area().name(), Waiting.Reason.AREA_ACK);
        }
        for (Link l : check.links().users()) {
            if (l.other().versions().get(0).date() >= until) continue;
            for (AreaTouch t : policy.areas(l.other().latest().files()).areas()) {
                if (t.area().kind() == AreaKind.DRIVER) out.putIfAbsent(t.area().name(), Waiting.Reason.DRIVER_ACK);
            }
        }
        return out;
    }

    private List<Waiting> waiting(Series s, SeriesCheck check, SeriesRef ref, long until, Call call,
                                  Map<String, Waiting.Reason> ackAreas) {
        List<Waiting> out = new ArrayList<>();
        SeriesVersion v = s.latest();
        // a week under way is measured up to now, not up to its end
        long end = Math.min(until, clock.millis());
        long days = Math.max(0, end - v.date()) / DAY;
        Instant posted = Instant.ofEpochMilli(v.date());
        if (end - v.date() >= quiet.toMillis() && !answered(s, v, end, call.posts)) {
            out.add(new Waiting(ref, Waiting.Reason.NO_REPLY, posted, days, maintainers(call.areas(s)),
                    "no reply from anyone but " + name(v.sender()) + " since v" + v.label() + " was posted"));
        }
        for (Check c : check.checks()) {
            if (c.name() != CheckName.REQUIRED_ACKS || c.verdict() != Verdict.FAIL) continue;
            Map<Waiting.Reason, List<Check.Missing>> byReason = new TreeMap<>();
            for (Check.Missing m : c.missing()) {
                Waiting.Reason r = ackAreas.get(m.area());
                if (r != null) byReason.computeIfAbsent(r, k -> new ArrayList<>()).add(m);
            }
            byReason.forEach((reason, missing) -> out.add(new Waiting(ref, reason, posted, days,
                    missing.stream().map(m -> person(m.person())).distinct().toList(),
                    "needs an Acked-by or Reviewed-by from " + String.join(", ", missing.stream()
                            .map(m -> name(m.person()) + " (" + m.area() + ")").distinct().toList()))));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Link l : check.links().prerequisites()) {
            Series pre = l.other();
            if (pre.versions().get(0).date() >= until || !seen.add(pre.id())) continue;
            ReviewState state = call.state(pre);
            if (state == ReviewState.APPLIED || state == ReviewState.MERGED) continue;
            out.add(new Waiting(ref, Waiting.Reason.PREREQUISITE, posted, days, List.of(person(pre.submitter())),
                    "needs \"" + pre.title() + "\" (" + pre.id() + ", v" + pre.latest().label() + "), still "
                            + state.jsonName()));
        }
        return out;
    }

    /**
     * Whether anyone but the sender replied to the series after its latest version was posted and before
     * {@code end}: a reply after the period answered nothing in it.
     */
    private static boolean answered(Series s, SeriesVersion v, long end, Map<String, Post> posts) {
        for (String id : s.members()) {
            Post p = posts.get(id);
            if (p != null && !p.seriesPart() && p.date() >= v.date() && p.date() < end
                    && !p.from().samePerson(v.sender())) return true;
        }
        return false;
    }

    /** A failed check as a finding; null for a required-acks failure whose missing acks all came due later. */
    private static Finding finding(Check c, SeriesRef ref, Map<String, Waiting.Reason> ackAreas) {
        if (c.name() == CheckName.REQUIRED_ACKS) {
            List<Check.Missing> due = c.missing().stream().filter(m -> ackAreas.containsKey(m.area())).toList();
            if (due.isEmpty()) return null;
            c = new Check(c.name(), c.verdict(), c.evidence(), due);
        }
        String summary = switch (c.name()) {
            case POSTED_TOGETHER -> "infrastructure posted without a user series in its thread or its window";
            case EXPORTS -> "exports without a user: " + String.join(", ", c.evidence().stream()
                    .filter(e -> e.endsWith(": exported, but no linked series uses it"))
                    .map(e -> e.substring(0, e.indexOf(':'))).toList());
            case REQUIRED_ACKS -> "missing Acked-by or Reviewed-by from " + String.join(", ", c.missing().stream()
                    .map(m -> name(m.person()) + " (" + m.area() + ")").distinct().toList());
            case PREREQUISITE_STATE -> "built on an outdated version of a prerequisite";
            // a pull request's checks: the first line of evidence says what is wrong
            default -> c.evidence().isEmpty() ? c.name().jsonName() : String.join("; ", c.evidence());
        };
        List<Person> people = c.missing().stream().map(m -> person(m.person())).distinct().toList();
        return new Finding(c.name().jsonName(), ref, false, summary, c.evidence(), people);
    }


    // ---- grouping ----

    /** A group: its list and deciding area. */
    record Key(String list, String area, String kind) {
        String id() {
            return list + "\n" + area;
        }
    }

    /** The deciding area of a set of files: the one with most of them, ties by name. */
    private Key keyOf(String list, Collection<String> files) {
        TouchedAreas areas = policy.areas(files);
        AreaTouch best = null;
        for (AreaTouch t : areas.areas()) {
            if (best == null || t.paths().size() > best.paths().size()
                    || t.paths().size() == best.paths().size() && t.area().name().compareTo(best.area().name()) < 0) {
                best = t;
            }
        }
        return best == null ? new Key(list, "", AreaKind.OTHER.configName())
                : new Key(list, best.area().name(), best.area().kind().configName());
    }

    private static List<Person> maintainers(TouchedAreas areas) {
        List<Person> out = new ArrayList<>();
        for (AreaTouch t : areas.areas()) {
            for (Address m : t.area().contacts().maintainers()) {
                Person p = person(m);
                if (!out.contains(p)) out.add(p);
            }
        }
        return out;
    }

    /** What one call knows of each series: as it is, as it was at the period's end, its state then, its group. */
    private final class Call {
        final Period period;
        final String only;
        final Map<String, Post> posts;
        final Map<String, Series> series = new LinkedHashMap<>();
        private final Map<String, Optional<Series>> at = new HashMap<>();
        private final Map<String, ReviewState> states = new HashMap<>();
        private final Map<String, Key> keys = new HashMap<>();
        private final Map<String, TouchedAreas> areas = new HashMap<>();
        private final Map<String, List<Decision>> histories = new HashMap<>();

        Call(Period period, String only, Map<String, Post> posts) {
            this.period = period;
            this.only = only;
            this.posts = posts;
        }

        void add(Series s) {
            series.putIfAbsent(s.id(), s);
        }

        /** A series' decisions, newest first, read once per call (a git log each). */
        List<Decision> history(String id) throws IOException {
            List<Decision> known = histories.get(id);
            if (known == null) histories.put(id, known = searcher.decisions().history(id));
            return known;
        }

        /** The series at the period's end, or null when it was not yet posted. */
        Series at(Series s) {
            return at.computeIfAbsent(s.id(), id -> Optional.ofNullable(
                    SeriesAt.of(s, period.until().toEpochMilli(), posts))).orElse(null);
        }

        /** Its effective state at the period's end: its mail then, and the latest decision made before it. */
        ReviewState state(Series s) {
            return states.computeIfAbsent(s.id(), id -> {
                Series then = series.containsKey(id) ? at(s) : s;
                if (then == null) return ReviewState.NEW;
                SeriesVersion v = then.latest();
                ReviewState mail = ReviewState.of(v.state()).orElse(ReviewState.NEW);
                return ReviewState.effective(mail, v.stateSince(), v.label(), decisionBefore(id));
            });
        }

        private Decision decisionBefore(String id) {
            try {
                Decision latest = searcher.decisions().latestAll().get(id);
                if (latest == null) return null;
                long until = period.until().toEpochMilli();
                if (latest.at() < until) return latest;
                for (Decision d : history(id)) if (d.at() < until) return d;
                return null;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        SeriesRef ref(Series s, String version) {
            Series then = at(s);
            return new SeriesRef(s.id(), (then == null ? s : then).title(), version, state(s).jsonName());
        }

        TouchedAreas areas(Series s) {
            Series then = at(s);
            return areas.computeIfAbsent(s.id(), id -> policy.areas((then == null ? s : then).latest().files()));
        }

        Key key(Series s) {
            return keys.computeIfAbsent(s.id(), id -> {
                Series then = at(s);
                Series first = then == null ? s : then;
                String list = only != null ? only
                        : first.versions().get(0).lists().isEmpty() ? (s.lists().isEmpty() ? "" : s.lists().get(0))
                        : first.versions().get(0).lists().get(0);
                return keyOf(list, first.latest().files());
            });
        }
    }

    private static Person person(Address a) {
        return new Person(a.name(), a.email());
    }

    private static String name(Address a) {
        return a.name().isEmpty() ? a.email() : a.name();
    }

    private static String personKey(Address a) {
        return a.email().isEmpty() || a.masked() ? "n:" + a.name().toLowerCase(Locale.ROOT)
                : a.email().toLowerCase(Locale.ROOT);
    }

    /** The groups of one digest, by list then area, each line in its series' group. */
    private static final class Groups {
        final String only;
        private final Map<String, Lines> byKey = new TreeMap<>();

        Groups(String only) {
            this.only = only;
        }

        static final class Lines {
            final Key key;
            final List<Posting> postings = new ArrayList<>();
            final List<PersonReviews> reviews = new ArrayList<>();
            final List<TrailerGiven> nacks = new ArrayList<>();
            final List<PullLine> pulls = new ArrayList<>();
            final List<Merge> merges = new ArrayList<>();
            final List<Finding> findings = new ArrayList<>();
            final List<Waiting> waiting = new ArrayList<>();
            final List<StateChange> stateChanges = new ArrayList<>();

            Lines(Key key) {
                this.key = key;
            }

            boolean empty() {
                return postings.isEmpty() && reviews.isEmpty() && nacks.isEmpty() && pulls.isEmpty()
                        && merges.isEmpty() && findings.isEmpty() && waiting.isEmpty() && stateChanges.isEmpty();
            }
        }

        Lines of(Key key) {
            return byKey.computeIfAbsent(key.id(), k -> new Lines(key));
        }

        Collection<Lines> all() {
            return byKey.values();
        }

        List<Group> build() {
            List<Group> out = new ArrayList<>();
            for (Lines l : byKey.values()) {
                if (l.empty()) continue;
                l.postings.sort(Comparator.comparing(Posting::at));
                l.nacks.sort(Comparator.comparing(TrailerGiven::at));
                l.pulls.sort(Comparator.comparing(PullLine::at));
                l.merges.sort(Comparator.comparing(Merge::at));
                l.stateChanges.sort(Comparator.comparing(StateChange::at));
                out.add(new Group(l.key.list(), l.key.area(), l.key.kind(), l.postings, l.reviews, l.nacks, l.pulls,
                        l.merges, l.findings, l.waiting, l.stateChanges));
            }
            return out;
        }
    }
}
