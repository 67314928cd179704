package org.patchlane.report;

import java.util.List;

import org.patchlane.link.Link;
import org.patchlane.link.Links;
import org.patchlane.review.LinkEdit;

/**
 * {@code links SERIES --json} and {@code /api/series/{id}/links}: a series' prerequisites and users, with the links
 * a maintainer removed apart.
 *
 * @param prerequisites        the series it depends on, strongest link first (added ones: kind {@code manual})
 * @param users                the series that depend on it
 * @param removedPrerequisites prerequisite links a maintainer removed, each with its {@code edit}
 * @param removedUsers         user links a maintainer removed
 */
public record LinkJson(String series, String title, List<Entry> prerequisites, List<Entry> users,
                       List<Entry> removedPrerequisites, List<Entry> removedUsers) {
    /**
     * One link (docs/json.md, LINK).
     *
     * @param version       the linked series' version the link concerns (a prerequisite: the one built on)
     * @param latestVersion the linked series' latest version
     * @param ownVersion    this series' version the link concerns
     * @param givenIn       the Message-ID holding the evidence (null for a maintainer's link)
     * @param edit          the maintainer's edit that added (kind manual) or removed it, else null
     */
    public record Entry(String series, String title, int version, int latestVersion, int ownVersion, String kind,
                        String evidence, String givenIn, double confidence, EditJson edit) {
        static Entry of(Link l) {
            return new Entry(l.other().id(), l.other().title(), l.version(), l.latestVersion(), l.ownVersion(),
                    l.kind().jsonName(), l.evidence(), l.givenIn(), Math.round(l.confidence() * 100) / 100.0,
                    l.edit() == null ? null : EditJson.of(l.edit()));
        }
    }

    /**
     * A maintainer's link edit (docs/json.md, LINK EDIT).
     *
     * @param action       {@code add} or {@code remove}
     * @param series       the series that depends (or not)
     * @param prerequisite the series it depends on (or not)
     * @param at           when, ISO-8601 UTC
     */
    public record EditJson(String action, String series, String prerequisite, PersonJson by, String at, String why) {
        public static EditJson of(LinkEdit e) {
            return new EditJson(e.action().jsonName(), e.series(), e.prerequisite(), new PersonJson(e.name(), e.email()),
                    SeriesJson.date(e.at()), e.why());
        }
    }

    public static LinkJson of(Links links) {
        return new LinkJson(links.series().id(), links.series().title(), entries(links.prerequisites()),
                entries(links.users()), entries(links.removedPrerequisites()), entries(links.removedUsers()));
    }

    static List<Entry> entries(List<Link> links) {
        return links.stream().map(Entry::of).toList();
    }

    /**
     * What {@code link add|remove --json} and {@code POST /api/series/{id}/links} answer: the edit made and the
     * series' links after it.
     */
    public record Edited(EditJson edit, LinkJson links) {
        public static Edited of(LinkEdit e, Links links) {
            return new Edited(EditJson.of(e), LinkJson.of(links));
        }
    }
}
