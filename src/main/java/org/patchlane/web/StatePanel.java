package org.patchlane.web;

import java.util.List;

import org.patchlane.report.SeriesJson;
import org.patchlane.review.Decision;
import org.patchlane.review.ReviewState;
import org.patchlane.review.Standing;
import org.patchlane.thread.Series;

/**
 * The series page's "State" panel: the state, what mail alone says, the decisions newest first, and the form to
 * record one when a maintainer is logged in.
 *
 * @param action    where the form posts, null when no maintainer is logged in (no form)
 * @param csrf      the form's CSRF token
 * @param choices   the states the form offers
 * @param upstream  merged detection's finding on the latest version, or null
 */
public record StatePanel(String state, String mailState, String version, List<Entry> history, String action,
                         String csrf, List<String> choices, org.patchlane.report.UpstreamJson upstream) {

    public record Entry(String at, String by, String from, String to, String version, String note) {
        static Entry of(Decision d) {
            return new Entry(SeriesJson.date(d.at()), new org.patchlane.mail.Address(d.name(), d.email()).display(),
                    d.from() == null ? "?" : d.from().jsonName(), d.to().jsonName(), d.version(), d.note());
        }
    }

    static StatePanel of(Series s, Standing standing, boolean maintainer, String csrf) {
        return new StatePanel(standing.state().jsonName(), s.latest().state(), s.latest().label(),
                standing.history().stream().map(Entry::of).toList(),
                maintainer ? "/api/series/" + Links.encode(s.id()) + "/state" : null, csrf,
                ReviewState.settable().stream().map(ReviewState::jsonName).toList(),
                org.patchlane.report.UpstreamJson.of(standing.upstream()));
    }
}
