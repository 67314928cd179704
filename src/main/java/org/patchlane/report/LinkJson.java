package org.patchlane.report;

import java.util.List;

import org.patchlane.link.Link;
import org.patchlane.link.Links;

/**
 * {@code links SERIES --json} and {@code /api/series/{id}/links}: a series' prerequisites and users.
 *
 * @param prerequisites the series it depends on, strongest link first
 * @param users         the series that depend on it
 */
public record LinkJson(String series, String title, List<Entry> prerequisites, List<Entry> users) {
    /**
     * One link (docs/json.md, LINK).
     *
     * @param version       the linked series' version the link concerns (a prerequisite: the one built on)
     * @param latestVersion the linked series' latest version
     * @param ownVersion    this series' version the link concerns
     * @param givenIn       the Message-ID holding the evidence
     */
    public record Entry(String series, String title, int version, int latestVersion, int ownVersion, String kind,
                        String evidence, String givenIn, double confidence) {
        static Entry of(Link l) {
            return new Entry(l.other().id(), l.other().title(), l.version(), l.latestVersion(), l.ownVersion(),
                    l.kind().jsonName(), l.evidence(), l.givenIn(), Math.round(l.confidence() * 100) / 100.0);
        }
    }

    public static LinkJson of(Links links) {
        return new LinkJson(links.series().id(), links.series().title(), entries(links.prerequisites()),
                entries(links.users()));
    }

    static List<Entry> entries(List<Link> links) {
        return links.stream().map(Entry::of).toList();
    }
}
