package org.patchlane.pull;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.patchlane.git.Fetcher;
import org.patchlane.git.Repo;
import org.patchlane.git.TrialMerge;
import org.patchlane.review.Policy;

/**
 * The configured repositories, open: the one pull requests are checked against (the first configured, or the one
 * named) and the shared trees it names. Fetching, checking and the volatile for-next go through here.
 */
public final class Repositories implements Closeable {
    private final RepoSettings primary;
    private final Repo repo;
    private final Map<RepoSettings, Repo> shared;
    /** One run's trial merges: the for-next merges again what the checks merged (see {@link TrialMerge}). */
    private final TrialMerge merges;

    private Repositories(RepoSettings primary, Repo repo, Map<RepoSettings, Repo> shared) {
        this.primary = primary;
        this.repo = repo;
        this.shared = shared;
        this.merges = new TrialMerge(repo);
    }

    /**
     * Opens the repository {@code name} (null: the first configured) and its shared trees.
     *
     * @throws IllegalArgumentException when none is configured or the name is not one of them
     * @throws IOException              when a configured path is no repository
     */
    public static Repositories open(List<RepoSettings> all, String name) throws IOException {
        if (all.isEmpty())
            throw new IllegalArgumentException("no [repo \"NAME\"] in the configuration: pull requests are checked "
                    + "against a repository (see the README's configuration)");
        RepoSettings p = name == null ? all.get(0) : all.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no [repo \"" + name + "\"] in the configuration"));
        Map<RepoSettings, Repo> shared = new LinkedHashMap<>();
        Repo primary = Repo.open(p.path());
        try {
            for (String s : p.shared()) {
                RepoSettings rs = all.stream().filter(r -> r.name().equals(s)).findFirst().orElseThrow();
                shared.put(rs, Repo.open(rs.path()));
            }
        } catch (IOException e) {
            primary.close();
            shared.values().forEach(Repo::close);
            throw e;
        }
        return new Repositories(p, primary, shared);
    }

    public RepoSettings settings() {
        return primary;
    }

    /** The refs of this repository and its shared trees, hashed: unchanged while nothing was fetched or written. */
    public String refsState() throws IOException {
        StringBuilder b = new StringBuilder(repo.refsState());
        for (Repo s : shared.values()) b.append(' ').append(s.refsState());
        return b.toString();
    }

    /** What a fetch of one request did: the commit fetched, or why not. */
    public record FetchResult(PendingPull pull, String commit, String error) {
    }

    /** Updates every repository from its configured remotes; returns the names of the remotes fetched. */
    public List<String> fetchRemotes() throws IOException {
        List<String> out = new ArrayList<>();
        for (String r : new Fetcher(repo).fetchRemotes()) out.add(primary.name() + "/" + r);
        for (Map.Entry<RepoSettings, Repo> s : shared.entrySet())
            for (String r : new Fetcher(s.getValue()).fetchRemotes()) out.add(s.getKey().name() + "/" + r);
        return out;
    }

    /**
     * Fetches a request's announced ref into its private ref, from its URL or the configured mirror of it; a remote
     * that cannot be reached is reported, not thrown.
     */
    public FetchResult fetch(PendingPull p) {
        String url = primary.fetchUrl(p.request().url());
        String via = url.equals(p.request().url()) ? "" : " (mirror " + url + ")";
        try {
            Optional<Fetcher.Fetched> f = new Fetcher(repo).fetch(url, p.request().ref() == null ? "HEAD"
                    : p.request().ref(), p.localRef());
            return f.map(x -> new FetchResult(p, x.commit(), null))
                    .orElseGet(() -> new FetchResult(p, null, p.request().url() + via + " has no ref " + p.request().ref()));
        } catch (IOException | RuntimeException e) {
            return new FetchResult(p, null, e.getMessage() + via);
        }
    }

    /** Every request with its checks, in the order given. */
    public List<PullReport> check(List<PendingPull> pulls, Policy policy, PostedPatch.Lookup posted, Instant now)
            throws IOException {
        PullChecker checker = new PullChecker(repo, primary, shared, policy, posted, now, merges);
        List<PullReport> out = new ArrayList<>();
        for (PendingPull p : pulls) out.add(new PullReport(p, checker.check(p)));
        return out;
    }

    /**
     * Merges every fetched request onto upstream, oldest request first (a stable order: the day's result differs
     * only when the requests do), and optionally publishes the result as {@code ref}.
     */
    public ForNext forNext(List<PullReport> reports, String ref, Instant now) throws IOException {
        List<PullReport> order = new ArrayList<>(reports);
        order.sort(java.util.Comparator.comparing((PullReport r) -> r.pull().date())
                .thenComparing(r -> r.pull().messageId()));
        List<TrialMerge.Branch> branches = new ArrayList<>();
        for (PullReport r : order) {
            Optional<String> tip = repo.resolve(r.pull().localRef());
            if (tip.isPresent()) branches.add(new TrialMerge.Branch(r.pull().messageId(), tip.get()));
        }
        TrialMerge merge = merges;
        TrialMerge.Result result = merge.volatileNext(primary.upstream(), branches, now);
        if (ref != null) merge.writeRef(ref, result.tip());
        return new ForNext(result, ref);
    }

    /**
     * A volatile for-next.
     *
     * @param result what merged and what conflicted with what (branch names are request Message-IDs)
     * @param ref    where it was published, or null
     */
    public record ForNext(TrialMerge.Result result, String ref) {
    }

    @Override
    public void close() {
        repo.close();
        shared.values().forEach(Repo::close);
    }
}
