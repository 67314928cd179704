package org.patchlane.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.patchlane.digest.Digest;
import org.patchlane.digest.Figures;
import org.patchlane.digest.Finding;
import org.patchlane.digest.Group;
import org.patchlane.digest.Merge;
import org.patchlane.digest.Period;
import org.patchlane.digest.Person;
import org.patchlane.digest.PersonQueue;
import org.patchlane.digest.PersonReviews;
import org.patchlane.digest.Posting;
import org.patchlane.digest.PullLine;
import org.patchlane.digest.SeriesRef;
import org.patchlane.digest.StateChange;
import org.patchlane.digest.TrailerGiven;
import org.patchlane.digest.Waiting;
import org.patchlane.digest.WeekFigures;

/**
 * {@code digest --json}: a digest's content as JSON, field for field the model every format renders. Dates are
 * ISO-8601 instants, the time to first review an ISO-8601 duration ({@code PT26H5M}), enum values kebab-case.
 */
public record DigestJson(PeriodJson period, String generated, String list, FiguresJson figures, FiguresJson previous,
                         FiguresJson fourWeeks, List<WeekJson> trend, List<GroupJson> groups,
                         List<QueueJson> waitingOnYou) {
    public record PeriodJson(String label, String since, String until, boolean week) {
    }

    public record FiguresJson(int series, int versions, int acks, int reviews, int tests, int nacks, int pulls,
                              int merged, String firstReview) {
    }

    public record WeekJson(String week, FiguresJson figures) {
    }

    public record SeriesJson(String id, String title, String version, String state) {
    }

    public record PostingJson(SeriesJson series, String kind, PersonJson by, String at, String messageId, int patches,
                              List<String> changes, boolean rfc) {
    }

    public record TrailerJson(String kind, PersonJson by, SeriesJson series, String patches, String messageId,
                              String at) {
    }

    public record ReviewsJson(PersonJson person, List<TrailerJson> given) {
    }

    public record FindingJson(String rule, SeriesJson series, boolean pass, String summary, List<String> evidence,
                              List<PersonJson> people) {
    }

    public record PullJson(SeriesJson series, PersonJson by, String at, String messageId, String url, String ref,
                           List<FindingJson> verdicts) {
    }

    public record MergeJson(SeriesJson series, String kind, String at, String tree, List<String> commits,
                            String release, String messageId) {
    }

    public record WaitingJson(SeriesJson series, String reason, String since, long days, List<PersonJson> on,
                              String detail) {
    }

    public record StateChangeJson(SeriesJson series, String from, String to, PersonJson by, String at, String note) {
    }

    public record GroupJson(String list, String area, String areaKind, List<PostingJson> postings,
                            List<ReviewsJson> reviews, List<TrailerJson> nacks, List<PullJson> pulls,
                            List<MergeJson> merges, List<FindingJson> findings, List<WaitingJson> waiting,
                            List<StateChangeJson> stateChanges) {
    }

    public record QueueJson(PersonJson person, List<WaitingJson> waiting) {
    }

    public static DigestJson of(Digest d) {
        Period p = d.period();
        return new DigestJson(new PeriodJson(p.label(), date(p.since()), date(p.until()), p.week()), date(d.generated()),
                d.list(), figures(d.figures()), figures(d.previous()), figures(d.fourWeeks()),
                d.trend().stream().map(DigestJson::week).toList(), d.groups().stream().map(DigestJson::group).toList(),
                d.waitingOnYou().stream().map(DigestJson::queue).toList());
    }

    static FiguresJson figures(Figures f) {
        return new FiguresJson(f.series(), f.versions(), f.acks(), f.reviews(), f.tests(), f.nacks(), f.pulls(),
                f.merged(), duration(f.firstReview()));
    }

    private static WeekJson week(WeekFigures w) {
        return new WeekJson(w.week(), figures(w.figures()));
    }

    private static GroupJson group(Group g) {
        return new GroupJson(g.list(), g.area(), g.areaKind(), g.postings().stream().map(DigestJson::posting).toList(),
                g.reviews().stream().map(DigestJson::reviews).toList(), g.nacks().stream().map(DigestJson::trailer).toList(),
                g.pulls().stream().map(DigestJson::pull).toList(), g.merges().stream().map(DigestJson::merge).toList(),
                g.findings().stream().map(DigestJson::finding).toList(),
                g.waiting().stream().map(DigestJson::waiting).toList(),
                g.stateChanges().stream().map(DigestJson::stateChange).toList());
    }

    private static PostingJson posting(Posting p) {
        return new PostingJson(series(p.series()), kebab(p.kind()), person(p.by()), date(p.at()), p.messageId(),
                p.patches(), p.changes(), p.rfc());
    }

    private static ReviewsJson reviews(PersonReviews r) {
        return new ReviewsJson(person(r.person()), r.given().stream().map(DigestJson::trailer).toList());
    }

    private static TrailerJson trailer(TrailerGiven t) {
        return new TrailerJson(t.kind(), person(t.by()), series(t.series()), t.patches(), t.messageId(), date(t.at()));
    }

    private static PullJson pull(PullLine p) {
        return new PullJson(series(p.series()), person(p.by()), date(p.at()), p.messageId(), p.url(), p.ref(),
                p.verdicts().stream().map(DigestJson::finding).toList());
    }

    private static MergeJson merge(Merge m) {
        return new MergeJson(series(m.series()), kebab(m.kind()), date(m.at()), m.tree(), m.commits(), m.release(),
                m.messageId());
    }

    private static FindingJson finding(Finding f) {
        return new FindingJson(f.rule(), series(f.series()), f.pass(), f.summary(), f.evidence(),
                f.people().stream().map(DigestJson::person).toList());
    }

    private static WaitingJson waiting(Waiting w) {
        return new WaitingJson(series(w.series()), kebab(w.reason()), date(w.since()), w.days(),
                w.on().stream().map(DigestJson::person).toList(), w.detail());
    }

    private static StateChangeJson stateChange(StateChange c) {
        return new StateChangeJson(series(c.series()), c.from(), c.to(), person(c.by()), date(c.at()), c.note());
    }

    private static QueueJson queue(PersonQueue q) {
        return new QueueJson(person(q.person()), q.waiting().stream().map(DigestJson::waiting).toList());
    }

    private static SeriesJson series(SeriesRef r) {
        return new SeriesJson(r.id(), r.title(), r.version(), r.state());
    }

    private static PersonJson person(Person p) {
        return new PersonJson(p.name(), p.email());
    }

    private static String date(Instant at) {
        return Json.date(at);
    }

    private static String duration(Duration d) {
        return d == null ? null : d.withNanos(0).toString();
    }

    /** NEW_SERIES → new-series. */
    private static String kebab(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
