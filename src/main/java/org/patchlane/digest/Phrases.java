package org.patchlane.digest;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.patchlane.view.Plural;

/**
 * The words of a digest line after its series' title, shared by the text and the HTML writer so both say the same
 * facts the same way (the title itself is a footnote in text and a link in HTML).
 */
public final class Phrases {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Phrases() {
    }

    /** {@code Name <email>}, or whichever of the two is known. */
    public static String person(Person p) {
        if (p == null) return "someone";
        if (p.name() == null || p.name().isBlank()) return p.email() == null ? "someone" : p.email();
        return p.email() == null || p.email().isBlank() ? p.name() : p.name() + " <" + p.email() + ">";
    }

    /** Names only, for the people a line waits on: {@code Leon Romanovsky, Jason Gunthorpe}. */
    public static String names(List<Person> people) {
        return people.stream().map(p -> p.name() == null || p.name().isBlank() ? p.email() : p.name())
                .collect(Collectors.joining(", "));
    }

    /** The series and its version: {@code "title" v3}. */
    public static String series(SeriesRef s) {
        return s.title() + (s.version() == null || s.version().isBlank() || s.version().equals("1") ? ""
                : " v" + s.version());
    }

    /** {@code new series, 4 patches, by Name <email>} or {@code v3, 4 patches, RFC, by ...}. */
    public static String posting(Posting p) {
        String what = p.kind() == Posting.Kind.NEW_SERIES ? "new series" : "new version v" + p.series().version();
        return what + ", " + Plural.of(p.patches(), "patch", "patches") + (p.rfc() ? ", RFC" : "") + ", by "
                + person(p.by());
    }

    /** {@code Acked-by on patches 1/4, 2/4} or {@code Acked-by on all patches}. */
    public static String trailer(TrailerGiven t) {
        String on = t.patches() == null || t.patches().isBlank() || t.patches().equals("all") ? "all patches"
                : "patches " + t.patches();
        return t.kind() + " on " + on;
    }

    /** {@code Nacked-by Name <email> on patches 2/4}. */
    public static String nack(TrailerGiven t) {
        return t.kind() + " " + person(t.by()) + " on " + (t.patches() == null || t.patches().equals("all")
                ? "all patches" : "patches " + t.patches());
    }

    /** {@code from Name <email>: URL REF}. */
    public static String pull(PullLine p) {
        return "from " + person(p.by()) + ": " + p.url() + (p.ref() == null || p.ref().isBlank() ? "" : " " + p.ref());
    }

    /** A pull request's verdict: {@code pass late: sent 2 days before the merge window}. */
    public static String verdict(Finding f) {
        return (f.pass() ? "pass " : "FAIL ") + f.rule() + ": " + f.summary();
    }

    /** {@code merged into TREE (v6.19-rc1), commit abc1234} or {@code applied to TREE}. */
    public static String merge(Merge m) {
        StringBuilder sb = new StringBuilder(m.kind() == Merge.Kind.MERGED ? "merged" : "applied");
        if (!m.tree().isBlank()) sb.append(m.kind() == Merge.Kind.MERGED ? " into " : " to ").append(m.tree());
        if (!m.release().isBlank()) sb.append(" (").append(m.release()).append(')');
        if (!m.commits().isEmpty()) {
            sb.append(m.commits().size() == 1 ? ", commit " : ", commits ")
                    .append(m.commits().stream().map(c -> c.length() > 12 ? c.substring(0, 12) : c)
                            .collect(Collectors.joining(" ")));
        }
        return sb.toString();
    }

    /** {@code required-acks: no ack from the RDMA maintainers}, and who must act. */
    public static String finding(Finding f) {
        // The summary of a missing ack often names the people already; they are added only when it does not.
        boolean named = f.people().stream().allMatch(p -> p.name() != null && !p.name().isBlank()
                && f.summary().contains(p.name()));
        return f.rule() + ": " + f.summary() + (f.people().isEmpty() || named ? "" : " (waiting on "
                + names(f.people()) + ")");
    }

    /** {@code no reply for 9 days}, {@code 5 days waiting on a driver ack: detail (on ...)}. */
    public static String waiting(Waiting w) {
        String days = Plural.of(w.days(), "day");
        String s = switch (w.reason()) {
            case NO_REPLY -> "no reply for " + days;
            case DRIVER_ACK -> "waiting " + days + " on a driver ack";
            case AREA_ACK -> "waiting " + days + " on an area maintainer's ack";
            case PREREQUISITE -> "waiting " + days + " on an unmerged prerequisite";
        };
        if (w.detail() != null && !w.detail().isBlank()) s += ": " + w.detail();
        if (!w.on().isEmpty()) s += " (on " + names(w.on()) + ")";
        return s;
    }

    /** {@code under-review -> accepted by Name on 2026-11-18: note}. */
    public static String stateChange(StateChange c) {
        String s = (c.from() == null || c.from().isBlank() ? "" : c.from() + " -> ") + c.to() + " by "
                + person(c.by()) + " on " + DAY.format(c.at());
        return c.note() == null || c.note().isBlank() ? s : s + ": " + c.note().strip().replaceAll("\\s+", " ");
    }

    /** A group's heading: {@code linux-rdma: RDMA CORE (infrastructure)}. */
    public static String group(Group g) {
        String area = g.area() == null || g.area().isBlank() ? "files no area covers" : g.area();
        return g.list() + ": " + area + (g.areaKind() == null || g.areaKind().isBlank() || g.area().isBlank()
                ? "" : " (" + g.areaKind() + ")");
    }

    /** What the digest covers: {@code linux-rdma 2026-W47} or {@code all lists 2026-W47}. */
    public static String scope(Digest d) {
        return (d.list() == null || d.list().isBlank() ? "all lists" : d.list()) + " " + d.period().label();
    }

    /** The dates a period covers, until inclusive: {@code 2026-11-16 to 2026-11-22}. */
    public static String dates(Period p) {
        return DAY.format(p.since()) + " to " + DAY.format(p.until().minusSeconds(1));
    }

    /** True when nothing happened and nothing waits: the writers then say so in one line. */
    public static boolean empty(Digest d) {
        Figures f = d.figures();
        return d.groups().isEmpty() && d.waitingOnYou().isEmpty() && f.series() + f.versions() + f.acks() + f.reviews()
                + f.tests() + f.nacks() + f.pulls() + f.merged() == 0;
    }

    /** That one line. */
    public static String nothing(Digest d) {
        return "Nothing happened on " + (d.list() == null || d.list().isBlank() ? "the lists" : d.list()) + " in "
                + d.period().label() + " (" + dates(d.period()) + ").";
    }

    /** The series waiting at the period's end, each once. */
    public static long waitingCount(Digest d) {
        return d.groups().stream().flatMap(g -> g.waiting().stream()).map(w -> w.series().id()).distinct().count();
    }

    /**
     * The digest in one short line, for a mail's subject and a feed entry's title:
     * {@code linux-rdma 2026-W47: 5 new series, 12 acks, 2 waiting}.
     */
    public static String summary(Digest d) {
        if (empty(d)) return scope(d) + ": nothing new";
        return scope(d) + ": " + Plural.of(d.figures().series(), "new series", "new series") + ", "
                + Plural.of(d.figures().acks(), "ack") + ", " + waitingCount(d) + " waiting";
    }
}
