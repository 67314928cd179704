package org.patchlane.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.patchlane.link.Check;
import org.patchlane.link.Link;
import org.patchlane.link.SeriesCheck;
import org.patchlane.link.Verdict;
import org.patchlane.review.AreaTouch;
import org.patchlane.review.LinkAction;
import org.patchlane.review.LinkEdit;
import org.patchlane.thread.Series;

/**
 * The checks, prerequisites and users panels of a series page, and its dependency graph: what {@code check} and
 * {@code links} print, grouped per linked series for people. Every string is mail-derived text for the template
 * to escape.
 *
 * @param infrastructure true when the latest version touches an infrastructure area
 * @param areas          each area touched, as "NAME (kind)"
 * @param checks         one row per check, in the checks' order
 * @param prerequisites  the series this one depends on, strongest link first
 * @param users          the series that depend on this one
 * @param graph          the dependency graph drawn from the above
 * @param removedPrerequisites prerequisites a maintainer removed (in no check), each with who, when and why
 * @param removedUsers   users a maintainer removed
 */
public record SeriesLinksView(boolean infrastructure, List<String> areas, List<CheckRow> checks,
                              List<Linked> prerequisites, List<Linked> users, LinkGraph graph,
                              List<Linked> removedPrerequisites, List<Linked> removedUsers) {
    /**
     * One check.
     *
     * @param verdict {@code pass}, {@code fail} or {@code n/a}
     * @param missing the people whose ack is missing
     */
    public record CheckRow(String name, String verdict, boolean failed, List<String> evidence, List<Missing> missing) {
        /** The CSS class of the verdict: {@code verdict-pass}, {@code verdict-fail}, {@code verdict-na}. */
        public String css() {
            return "verdict-" + verdict.replace("/", "").toLowerCase(Locale.ROOT);
        }
    }

    /** A person whose Acked-by or Reviewed-by is missing, as "Name &lt;email&gt;", and the area they maintain. */
    public record Missing(String person, String area) {
    }

    /**
     * A linked series with every link to it.
     *
     * @param builtOn the version built on: of the prerequisite (for a prerequisite), of this series (for a user)
     * @param latest  the latest version of that same series
     * @param links   every link, strongest first
     * @param edit    for a removed link, "removed by NAME on DATE: why"; else null
     */
    public record Linked(String series, String title, String href, int builtOn, int latest, List<Evidence> links,
                         String edit) {
        /** True when a newer version exists than the one it was built on. */
        public boolean outdated() {
            return builtOn < latest;
        }

        /** The kind of the strongest link. */
        public String kind() {
            return links.get(0).kind();
        }
    }

    /** One link: its kind, confidence (two decimals), the line that proves it, and the mail holding it. */
    public record Evidence(String kind, String confidence, String evidence, String givenIn, String givenInHref) {
        static Evidence of(Link l) {
            return new Evidence(l.kind().jsonName(), String.format(Locale.ROOT, "%.2f", l.confidence()), l.evidence(),
                    l.givenIn(), l.givenIn() == null ? null : Links.message("", l.givenIn()));
        }
    }

    public static SeriesLinksView of(SeriesCheck c) {
        Series self = c.series();
        List<CheckRow> checks = new ArrayList<>();
        for (Check k : c.checks()) {
            checks.add(new CheckRow(k.name().jsonName(), k.verdict().jsonName(), k.verdict() == Verdict.FAIL,
                    k.evidence(), k.missing().stream().map(m -> new Missing(m.person().display(), m.area())).toList()));
        }
        List<String> areas = c.areas().areas().stream()
                .map((AreaTouch t) -> t.area().name() + " (" + t.area().kind().configName() + ")").toList();
        List<Linked> prerequisites = grouped(c.links().prerequisites(), true, self);
        List<Linked> users = grouped(c.links().users(), false, self);
        long failed = checks.stream().filter(CheckRow::failed).count();
        return new SeriesLinksView(c.infrastructure(), areas, checks, prerequisites, users,
                LinkGraph.of(self, failed, prerequisites, users), grouped(c.links().removedPrerequisites(), true, self),
                grouped(c.links().removedUsers(), false, self));
    }

    /** The links per other series, in the order of their strongest link. */
    private static List<Linked> grouped(List<Link> links, boolean prerequisite, Series self) {
        Map<String, List<Link>> byOther = new LinkedHashMap<>();
        for (Link l : links) byOther.computeIfAbsent(l.other().id(), k -> new ArrayList<>()).add(l);
        List<Linked> out = new ArrayList<>();
        for (List<Link> ls : byOther.values()) {
            Series other = ls.get(0).other();
            int builtOn = ls.stream().mapToInt(prerequisite ? Link::version : Link::ownVersion).max().orElseThrow();
            int latest = prerequisite ? other.latest().version() : self.latest().version();
            // A removed link's edit is the same for every link to that series: one edit per pair.
            LinkEdit first = ls.get(0).edit();
            String edit = first != null && first.action() == LinkAction.REMOVE ? first.summary() : null;
            out.add(new Linked(other.id(), other.title(), "/series/" + Links.encode(other.id()), builtOn, latest,
                    ls.stream().map(Evidence::of).toList(), edit));
        }
        return out;
    }
}
