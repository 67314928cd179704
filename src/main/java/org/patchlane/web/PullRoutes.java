package org.patchlane.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.javalin.config.RoutesConfig;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import org.patchlane.pull.ArchivePatches;
import org.patchlane.pull.PendingPulls;
import org.patchlane.pull.PullReport;
import org.patchlane.pull.RepoSettings;
import org.patchlane.pull.Repositories;
import org.patchlane.report.PullsJson;
import org.patchlane.review.Policy;
import org.patchlane.store.Searcher;

/**
 * {@code /pulls}, {@code /for-next}, {@code /api/pulls} and {@code /api/for-next}: the pending pull requests with
 * their checks and the volatile for-next, as {@code patchlane pulls} computes them.
 *
 * <p>Checking means trial merges and patch-ids over every request, far too slow for each page view, and its inputs
 * change only when mail arrives or a ref moves. So the result is kept against the index version, a hash of every ref
 * of the repositories and the day (the {@code --since} window and the cut-off depend on the date), and recomputed
 * on the first view after one of them changed.
 */
final class PullRoutes {
    /** As {@code pulls}' default {@code --since}. */
    static final Duration SINCE = Duration.ofDays(90);

    private final Searcher searcher;
    private final Policy policy;
    private final List<RepoSettings> repos;
    private Cached cached;
    private int computations;

    private record Key(long index, String refs, LocalDate day) {
    }

    private record Cached(Key key, PullsJson json, long millis) {
    }

    PullRoutes(Searcher searcher, Policy policy, List<RepoSettings> repos) {
        this.searcher = searcher;
        this.policy = policy;
        this.repos = List.copyOf(repos);
    }

    void register(RoutesConfig app) {
        app.get("/pulls", ctx -> Templates.render(ctx, "pulls.jte", Map.of("page", page())));
        app.get("/for-next", ctx -> Templates.render(ctx, "forNext.jte", Map.of("page", page())));
        app.get("/api/pulls", ctx -> App.json(ctx, json()));
        app.get("/api/for-next", ctx -> App.json(ctx, json().forNext()));
    }

    private PullsPage page() throws IOException {
        Cached c = current();
        return c == null ? PullsPage.unconfigured() : PullsPage.of(c.json(), c.millis());
    }

    private PullsJson json() throws IOException {
        Cached c = current();
        if (c == null)
            throw new NotFoundResponse("No [repo \"NAME\"] in the configuration: pull requests are checked against a "
                    + "repository (see the README's Pull requests section)");
        return c.json();
    }

    /**
     * The checks of now, from the cache while neither the archive nor a ref changed; null without a [repo]. A
     * repository that cannot be read is the server's environment, answered 503 with why (no stack trace).
     */
    synchronized Cached current() throws IOException {
        if (repos.isEmpty()) return null;
        try {
            return compute();
        } catch (IOException | IllegalArgumentException e) {
            throw new ServiceUnavailableResponse("Cannot check the pull requests against [repo \"" + repos.get(0).name()
                    + "\"]: " + e.getMessage());
        }
    }

    private Cached compute() throws IOException {
        try (Repositories r = Repositories.open(repos, null)) {
            Instant now = Instant.now();
            Key key = new Key(searcher.version(), r.refsState(), LocalDate.ofInstant(now, ZoneOffset.UTC));
            if (cached != null && cached.key().equals(key)) return cached;
            long start = System.nanoTime();
            computations++;
            List<PullReport> reports = r.check(PendingPulls.of(searcher, now.minus(SINCE)), policy,
                    new ArchivePatches(searcher), now);
            Repositories.ForNext next = r.forNext(reports, null, now);
            cached = new Cached(key, PullsJson.of(r.settings().name(), reports, null, next),
                    (System.nanoTime() - start) / 1_000_000);
            return cached;
        }
    }

    /** How many times the checks were computed (not answered from the cache): for the cache's test. */
    synchronized int computations() {
        return computations;
    }
}
