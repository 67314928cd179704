package org.patchlane.report;

import java.util.List;

import org.patchlane.git.TrialMerge;
import org.patchlane.pull.DailyVerdicts;
import org.patchlane.pull.PendingPull;
import org.patchlane.pull.PullReport;
import org.patchlane.pull.Repositories;

/**
 * {@code pulls --json} and {@code /api/pulls} (docs/json.md): each pending request with its checks, and the volatile
 * for-next made of them.
 *
 * @param repository the repository checked against
 * @param forNext    null when not asked for
 */
public record PullsJson(String repository, List<PullJson> pulls, ForNextJson forNext) {
    /**
     * One request.
     *
     * @param clean  no check failed
     * @param change with {@code --daily}: new-clean, new-unclean, became-clean, became-unclean, still-clean,
     *               still-unclean; else null
     */
    public record PullJson(String messageId, String subject, PersonJson from, String date, String list, String base,
                           String url, String ref, String head, int version, String supersedes, boolean clean, String change,
                           List<CheckJson.Entry> checks) {
    }

    /** The trial merge of every fetched request onto upstream. */
    public record ForNextJson(String upstream, String tip, String ref, List<String> merged, List<ConflictJson> conflicts) {
    }

    /** A request left out: {@code a} conflicts with {@code b} (a request's Message-ID, or "upstream") in these files. */
    public record ConflictJson(String a, String b, List<String> files) {
    }

    public static PullsJson of(String repository, List<PullReport> reports, List<DailyVerdicts.Changed> daily,
                               Repositories.ForNext forNext) {
        List<PullJson> pulls = new java.util.ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            PullReport r = reports.get(i);
            PendingPull p = r.pull();
            String change = daily == null ? null : daily.get(i).change().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-');
            pulls.add(new PullJson(p.messageId(), p.subject(), p.from() == null ? null : PersonJson.of(p.from()),
                    Json.date(p.date()), p.list(), p.request().base(), p.request().url(), p.request().ref(),
                    p.request().head(), p.version(), p.supersedes(), r.clean(), change, r.checks().stream().map(CheckJson.Entry::of).toList()));
        }
        ForNextJson next = null;
        if (forNext != null) {
            TrialMerge.Result m = forNext.result();
            next = new ForNextJson(m.upstream(), m.tip(), forNext.ref(), m.merged(),
                    m.conflicts().stream().map(c -> new ConflictJson(c.branch(), c.with(), c.files())).toList());
        }
        return new PullsJson(repository, pulls, next);
    }
}
