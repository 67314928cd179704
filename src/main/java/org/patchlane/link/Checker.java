package org.patchlane.link;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.patchlane.mail.Address;
import org.patchlane.review.AreaKind;
import org.patchlane.review.AreaTouch;
import org.patchlane.review.Policy;
import org.patchlane.review.TouchedAreas;
import org.patchlane.store.LinkFacts;
import org.patchlane.store.LinkIndex;
import org.patchlane.thread.GivenTrailer;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * Runs the maintainers' rules on a series: {@link CheckName#POSTED_TOGETHER}, {@link CheckName#EXPORTS},
 * {@link CheckName#REQUIRED_ACKS} and {@link CheckName#PREREQUISITE_STATE}. Everything is computed from the index
 * when asked, so a verdict follows the mail: an ack that lands, or a user series posted later, changes it.
 * An ack counts when it is an {@code Acked-by} or {@code Reviewed-by} given by its own person (one typed by someone
 * else does not), on the patch or carried from an earlier version where the patch did not change.
 */
public final class Checker {
    private static final Set<String> ACKS = Set.of("acked-by", "reviewed-by");

    private final LinkIndex index;
    private final Linker linker;
    private final Policy policy;

    public Checker(LinkIndex index, Policy policy) {
        this.index = index;
        this.linker = new Linker(index);
        this.policy = policy;
    }

    /** Every check of one series. */
    public SeriesCheck check(Series series) throws IOException {
        return check(series, new Lookups(index));
    }

    /** Every check of one series, with the lookups of the call this is part of ({@link Together}'s). */
    SeriesCheck check(Series series, Lookups index) throws IOException {
        Links links = linker.links(series, index);
        SeriesVersion latest = series.latest();
        TouchedAreas areas = index.areas(series, policy);
        Map<String, LinkFacts> facts = index.facts(postings(latest));
        Set<String> defined = new LinkedHashSet<>();
        Set<String> exported = new LinkedHashSet<>();
        // In patch order, so that the lists read the same whatever order the mail was stored in.
        for (String id : postings(latest)) {
            LinkFacts f = facts.get(id);
            if (f == null) continue;
            defined.addAll(f.symbols().defined());
            exported.addAll(f.symbols().exported());
        }
        List<Check> checks = List.of(postedTogether(series, areas, defined, links), exports(exported, links, index),
                requiredAcks(series, areas, links, index), prerequisiteState(links));
        return new SeriesCheck(links, areas, List.copyOf(exported), checks);
    }

    private Check postedTogether(Series series, TouchedAreas areas, Set<String> defined, Links links) {
        if (!areas.infrastructure()) {
            return na(CheckName.POSTED_TOGETHER, "not infrastructure: touches " + areaNames(areas));
        }
        if (defined.isEmpty()) return na(CheckName.POSTED_TOGETHER, "adds no API and no exports");
        Duration window = policy.window();
        List<String> evidence = new ArrayList<>();
        boolean together = false;
        for (List<Link> of : byOther(links.users()).values()) {
            Link first = of.get(0);
            Series user = first.other();
            boolean sameThread = of.stream().anyMatch(l -> l.kind() == LinkKind.SAME_THREAD);
            long gap = Math.abs(dateOf(user, first.version()) - dateOf(series, first.ownVersion()));
            String who = describe(user, first.version());
            if (sameThread) {
                together = true;
                evidence.add(who + ": posted in the thread of v" + first.ownVersion());
            } else if (gap <= window.toMillis()) {
                together = true;
                evidence.add(who + ": posted " + days(gap) + " from v" + first.ownVersion() + ", within the "
                        + window(window) + " (" + first.kind().jsonName() + ")");
            } else {
                evidence.add(who + ": linked by " + first.kind().jsonName() + " but posted " + days(gap) + " from v"
                        + first.ownVersion() + ", outside the " + window(window));
            }
        }
        if (!together) evidence.add(0, "no user: no series that uses it was posted in its thread or within "
                + days(window.toMillis()));
        return new Check(CheckName.POSTED_TOGETHER, together ? Verdict.PASS : Verdict.FAIL, evidence, List.of());
    }

    private static Check exports(Set<String> exported, Links links, Lookups index) throws IOException {
        if (exported.isEmpty()) return na(CheckName.EXPORTS, "the latest version adds no EXPORT_SYMBOL");
        Map<String, List<String>> usersOf = new LinkedHashMap<>();
        for (String e : exported) usersOf.put(e, new ArrayList<>());
        for (List<Link> of : byOther(links.users()).values()) {
            Series user = of.get(0).other();
            Set<String> used = new TreeSet<>();
            for (LinkFacts f : index.facts(Linker.postings(user).keySet()).values()) used.addAll(f.symbols().used());
            for (String e : exported) if (used.contains(e)) usersOf.get(e).add(describe(user, user.latest().version()));
        }
        List<String> evidence = new ArrayList<>();
        boolean unused = false;
        for (Map.Entry<String, List<String>> e : usersOf.entrySet()) {
            if (e.getValue().isEmpty()) {
                unused = true;
                evidence.add(e.getKey() + ": exported, but no linked series uses it");
            } else {
                evidence.add(e.getKey() + ": used by " + String.join(", ", e.getValue()));
            }
        }
        return new Check(CheckName.EXPORTS, unused ? Verdict.FAIL : Verdict.PASS, evidence, List.of());
    }

    private Check requiredAcks(Series series, TouchedAreas areas, Links links, Lookups index) {
        if (!areas.infrastructure()) {
            return na(CheckName.REQUIRED_ACKS, "not infrastructure: touches " + areaNames(areas));
        }
        SeriesVersion latest = series.latest();
        List<String> evidence = new ArrayList<>();
        List<Check.Missing> missing = new ArrayList<>();
        for (AreaTouch touch : areas.areas()) {
            if (touch.area().kind() != AreaKind.INFRASTRUCTURE) continue;
            List<Address> maintainers = touch.area().contacts().maintainers();
            String area = touch.area().name();
            if (maintainers.isEmpty()) {
                evidence.add(area + ": no maintainer (M:) listed, no ack can be required");
                continue;
            }
            List<String> with = new ArrayList<>();
            List<String> without = new ArrayList<>();
            for (SeriesPatch p : latest.patches()) {
                if (p.files().stream().noneMatch(touch.paths()::contains)) continue;
                (ackedBy(p, maintainers) == null ? without : with).add(p.index() + "/" + p.total());
            }
            if (without.isEmpty()) {
                evidence.add(area + ": acked or reviewed by its maintainer on " + String.join(", ", with));
            } else {
                evidence.add(area + ": no Acked-by or Reviewed-by from " + people(maintainers) + " on "
                        + String.join(", ", without) + (with.isEmpty() ? "" : " (given on " + String.join(", ", with) + ")"));
                for (Address m : maintainers) missing.add(new Check.Missing(m, area));
            }
        }
        for (List<Link> of : byOther(links.users()).values()) {
            Series user = of.get(0).other();
            for (AreaTouch touch : index.areas(user, policy).areas()) {
                if (touch.area().kind() != AreaKind.DRIVER) continue;
                List<Address> maintainers = touch.area().contacts().maintainers();
                if (maintainers.isEmpty()) continue;
                String area = touch.area().name();
                String given = latest.patches().stream().map(p -> ackedBy(p, maintainers))
                        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
                String why = area + " (uses it in " + describe(user, user.latest().version()) + ")";
                if (given != null) {
                    evidence.add(why + ": " + given);
                } else {
                    evidence.add(why + ": no Acked-by or Reviewed-by from " + people(maintainers));
                    for (Address m : maintainers) missing.add(new Check.Missing(m, area));
                }
            }
        }
        if (evidence.isEmpty()) evidence.add("no area with a maintainer is touched");
        return new Check(CheckName.REQUIRED_ACKS, missing.isEmpty() ? Verdict.PASS : Verdict.FAIL, evidence,
                distinct(missing));
    }

    private static Check prerequisiteState(Links links) {
        Map<String, List<Link>> prerequisites = byOther(links.prerequisites());
        if (prerequisites.isEmpty()) return na(CheckName.PREREQUISITE_STATE, "no prerequisite found");
        List<String> evidence = new ArrayList<>();
        boolean outdated = false;
        for (List<Link> of : prerequisites.values()) {
            Series t = of.get(0).other();
            // The strongest evidence says which version it was built on: a marker naming v1 outweighs symbols v2 kept.
            int builtOn = of.get(0).version();
            SeriesVersion latest = t.latest();
            long acks = latest.patches().stream().flatMap(p -> p.trailers().stream())
                    .filter(g -> g.bySender() && ACKS.contains(g.kind().toLowerCase(java.util.Locale.ROOT))).count();
            String line = describe(t, latest.version()) + ": " + latest.state() + ", " + acks
                    + (acks == 1 ? " ack or review" : " acks and reviews") + " on v" + latest.version();
            if (builtOn < latest.version()) {
                outdated = true;
                line += "; built on v" + builtOn + ", but v" + latest.version() + " is the latest";
            } else {
                line += "; built on the latest version";
            }
            evidence.add(line + " (" + of.get(0).kind().jsonName() + ")");
        }
        return new Check(CheckName.PREREQUISITE_STATE, outdated ? Verdict.FAIL : Verdict.PASS, evidence, List.of());
    }

    /** Who of these people gave an ack or review on the patch themselves, as "Acked-by NAME on k/N", or null. */
    private static String ackedBy(SeriesPatch p, List<Address> people) {
        for (GivenTrailer g : p.trailers()) {
            if (!g.bySender() || !ACKS.contains(g.kind().toLowerCase(java.util.Locale.ROOT))) continue;
            Address who = new Address(g.name(), g.email());
            if (people.stream().anyMatch(who::samePerson)) {
                return g.kind() + " " + g.name() + " on " + p.index() + "/" + p.total() + (g.carried() ? " (carried)" : "");
            }
        }
        return null;
    }

    /** Links grouped by the other series, strongest first within each, in the order the series first appear. */
    private static Map<String, List<Link>> byOther(List<Link> links) {
        Map<String, List<Link>> grouped = new LinkedHashMap<>();
        for (Link l : links) grouped.computeIfAbsent(l.other().id(), k -> new ArrayList<>()).add(l);
        return grouped;
    }

    private static List<Check.Missing> distinct(List<Check.Missing> missing) {
        return List.copyOf(new LinkedHashSet<>(missing));
    }

    private static Check na(CheckName name, String why) {
        return new Check(name, Verdict.NOT_APPLICABLE, List.of(why), List.of());
    }

    private static Set<String> postings(SeriesVersion v) {
        Set<String> out = new LinkedHashSet<>();
        if (v.cover() != null) out.add(v.cover());
        for (SeriesPatch p : v.patches()) out.addAll(p.postings());
        return out;
    }

    private static long dateOf(Series s, int version) {
        for (SeriesVersion v : s.versions()) if (v.version() == version) return v.date();
        return s.latest().date();
    }

    static String describe(Series s, int version) {
        return "\"" + s.title() + "\" (" + s.id() + ", v" + version + ")";
    }

    private static String areaNames(TouchedAreas areas) {
        if (areas.areas().isEmpty()) return "no known area";
        return String.join(", ", areas.areas().stream().map(t -> t.area().name() + " (" + t.area().kind().configName()
                + ")").toList());
    }

    private static String people(List<Address> people) {
        return String.join(" or ", people.stream().map(a -> a.name().isEmpty() ? a.email() : a.name()).toList());
    }

    /** "7.2 days": one decimal, since a window's edge is where a verdict turns. */
    private static String days(long millis) {
        // Tenths of a day, rounded half up as %.1f does; a whole number without ".0". (Formatted for every user of
        // every infrastructure series by together: no Formatter, no regex.)
        long tenths = Math.round(millis / 8_640_000.0);
        String n = tenths % 10 == 0 ? Long.toString(tenths / 10) : tenths / 10 + "." + tenths % 10;
        return n + (n.equals("1") ? " day" : " days");
    }

    private static String window(Duration window) {
        return days(window.toMillis()).replace(" days", "-day").replace(" day", "-day") + " window";
    }
}
