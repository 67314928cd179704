package org.patchlane.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.patchlane.report.CheckJson;
import org.patchlane.report.PullsJson;

/**
 * What the "Pull requests" and "for-next" pages show, made from the same {@link PullsJson} that {@code /api/pulls}
 * answers, so a page never says what the API does not.
 *
 * @param repository the {@code [repo]} checked against, or null when none is configured
 * @param pulls      each pending request, newest first
 * @param forNext    the volatile for-next, or null when none is configured
 * @param millis     how long computing the checks took (the pages are cached; see {@link PullRoutes})
 */
public record PullsPage(String repository, List<Pull> pulls, ForNext forNext, long millis) {
    /** One request with its links to the mail and its thread. */
    public record Pull(String messageId, String subject, String from, String date, String href, String threadHref,
                       String url, String ref, String base, String head, boolean clean, int failed, List<Check> checks) {
    }

    /** One check: its verdict, the CSS class of the verdict badge, and its evidence lines. */
    public record Check(String name, String verdict, String css, List<String> evidence) {
    }

    /** A request on the for-next page: its subject and mail, or upstream. */
    public record Branch(String messageId, String subject, String href) {
    }

    /** A request left out of the for-next, with the one it conflicts with and the files. */
    public record Conflict(Branch request, Branch with, List<String> files) {
    }

    /** The trial merge's result. */
    public record ForNext(String upstream, String tip, List<Branch> merged, List<Conflict> conflicts) {
    }

    /** The page of a configuration without any {@code [repo]}. */
    static PullsPage unconfigured() {
        return new PullsPage(null, List.of(), null, 0);
    }

    static PullsPage of(PullsJson json, long millis) {
        List<Pull> pulls = new ArrayList<>();
        Map<String, Branch> byId = new HashMap<>();
        for (PullsJson.PullJson p : json.pulls()) {
            List<Check> checks = new ArrayList<>();
            int failed = 0;
            for (CheckJson.Entry c : p.checks()) {
                if (c.verdict().equals("fail")) failed++;
                checks.add(new Check(c.name(), c.verdict(), "verdict-" + c.verdict().replace("/", ""), c.evidence()));
            }
            String href = Links.message(p.list(), p.messageId());
            pulls.add(new Pull(p.messageId(), p.subject(), p.from() == null ? ""
                    : new org.patchlane.mail.Address(p.from().name(), p.from().email()).display(), p.date() == null ? "" : p.date().substring(0, 10), href,
                    Links.thread(p.list(), p.messageId()), p.url(), p.ref(), p.base(), p.head(), p.clean(), failed,
                    checks));
            byId.put(p.messageId(), new Branch(p.messageId(), p.subject(), href));
        }
        ForNext next = null;
        if (json.forNext() != null) {
            PullsJson.ForNextJson f = json.forNext();
            List<Branch> merged = f.merged().stream().map(id -> branch(byId, id)).toList();
            List<Conflict> conflicts = f.conflicts().stream()
                    .map(c -> new Conflict(branch(byId, c.a()), branch(byId, c.b()), c.files())).toList();
            next = new ForNext(f.upstream(), f.tip(), merged, conflicts);
        }
        return new PullsPage(json.repository(), pulls, next, millis);
    }

    /** A request by Message-ID; upstream, or several requests together ("a + b"), have no single mail. */
    private static Branch branch(Map<String, Branch> byId, String id) {
        Branch b = byId.get(id);
        return b != null ? b : new Branch(id, id, null);
    }

    public long clean() {
        return pulls.stream().filter(Pull::clean).count();
    }
}
