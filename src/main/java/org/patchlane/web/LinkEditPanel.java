package org.patchlane.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.patchlane.review.LinkEdit;

/**
 * The series page's "Link edits" panel, beside its State panel: the maintainers' link edits about this series,
 * newest first (its own prerequisites' and those naming it as a prerequisite), and for a logged-in maintainer the
 * form to add or remove one. Every string is for the template to escape.
 *
 * @param history each edit, newest first
 * @param action  where the form posts, null when no maintainer is logged in (no form)
 * @param csrf    the form's CSRF token
 */
public record LinkEditPanel(List<Entry> history, String action, String csrf) {
    public LinkEditPanel {
        history = List.copyOf(history);
    }

    /**
     * One edit.
     *
     * @param at       when, as the State panel writes times
     * @param by       the maintainer, "Name &lt;email&gt;"
     * @param action   {@code add} or {@code remove}
     * @param series   the series that depends (or not), and its page
     * @param prerequisite the series depended on (or not), and its page
     */
    public record Entry(String at, String by, String action, String series, String seriesHref, String prerequisite,
                        String prerequisiteHref, String why) {
        static Entry of(LinkEdit e) {
            return new Entry(org.patchlane.report.SeriesJson.date(e.at()),
                    new org.patchlane.mail.Address(e.name(), e.email()).display(), e.action().jsonName(), e.series(),
                    "/series/" + Links.encode(e.series()), e.prerequisite(), "/series/" + Links.encode(e.prerequisite()),
                    e.why());
        }
    }

    /**
     * @param own    the series' own edits, newest first (each as it was made)
     * @param naming the edits in force that name it as a prerequisite
     */
    static LinkEditPanel of(String seriesId, List<LinkEdit> own, List<LinkEdit> naming, boolean maintainer,
                            String csrf) {
        List<LinkEdit> all = new ArrayList<>(own);
        all.addAll(naming);
        all.sort(Comparator.comparingLong(LinkEdit::at).reversed());
        return new LinkEditPanel(all.stream().map(Entry::of).toList(),
                maintainer ? "/api/series/" + Links.encode(seriesId) + "/links" : null, csrf);
    }
}
