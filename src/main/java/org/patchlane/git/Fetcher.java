package org.patchlane.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteConfig;
import org.eclipse.jgit.transport.TagOpt;

/**
 * Fetches into a {@link Repo} with JGit's transports (any URL JGit reaches: {@code https://}, {@code git://},
 * {@code ssh://}, {@code file://}, a path). A pull request's announced ref is fetched into a private namespace
 * ({@code refs/patchlane/pulls/...}), so it never moves the repository's own branches and later checks need no
 * network.
 */
public final class Fetcher {
    private final Repo repo;

    public Fetcher(Repo repo) {
        this.repo = repo;
    }

    /**
     * What a pull request's fetch found.
     *
     * @param remoteRef the full name the remote advertised for the announced ref
     * @param commit    the commit it peels to (for an annotated tag, the tagged commit)
     * @param localRef  where it was stored
     */
    public record Fetched(String remoteRef, String commit, String localRef) {
    }

    /** Fetches every remote configured in the repository (its {@code remote.NAME.fetch} specs); returns their names. */
    public List<String> fetchRemotes() throws IOException {
        List<String> names = new ArrayList<>();
        try (Git git = Git.wrap(repo.jgit())) {
            for (RemoteConfig r : RemoteConfig.getAllRemoteConfigs(repo.jgit().getConfig())) {
                git.fetch().setRemote(r.getName()).setTagOpt(TagOpt.FETCH_TAGS).setRemoveDeletedRefs(true).call();
                names.add(r.getName());
            }
        } catch (GitAPIException | java.net.URISyntaxException e) {
            throw new IOException("fetch failed: " + e.getMessage(), e);
        }
        return names;
    }

    /**
     * Fetches {@code ref} of {@code url} into {@code localRef}. The ref is what a request names: a full name, a
     * branch or a tag name (tags are tried first, as {@code git request-pull} announces signed tags); empty when the
     * remote has no such ref.
     *
     * @throws IOException when the remote cannot be reached
     */
    public Optional<Fetched> fetch(String url, String ref, String localRef) throws IOException {
        if (!localRef.startsWith(Constants.R_REFS)) throw new IllegalArgumentException("not a full ref: " + localRef);
        try (Git git = Git.wrap(repo.jgit())) {
            Map<String, Ref> advertised = git.lsRemote().setRemote(url).setTags(false).setHeads(false).callAsMap();
            Optional<String> name = advertisedName(advertised, ref);
            if (name.isEmpty()) return Optional.empty();
            FetchResult r = git.fetch().setRemote(url).setTagOpt(TagOpt.NO_TAGS)
                    .setRefSpecs(new RefSpec("+" + name.get() + ":" + localRef)).call();
            Ref got = r.getAdvertisedRef(name.get());
            if (got == null) return Optional.empty();
            ObjectId commit = repo.jgit().resolve(localRef + "^{commit}");
            return Optional.of(new Fetched(name.get(), commit == null ? got.getObjectId().name() : commit.name(),
                    localRef));
        } catch (GitAPIException e) {
            throw new IOException("cannot fetch " + ref + " from " + url + ": " + e.getMessage(), e);
        }
    }

    /** The remote's full name for a request's ref: as written, then as a tag, then as a branch. */
    static Optional<String> advertisedName(Map<String, Ref> advertised, String ref) {
        String r = ref.strip();
        for (String candidate : List.of(r, Constants.R_TAGS + r, Constants.R_HEADS + r, Constants.R_REFS + r))
            if (advertised.containsKey(candidate)) return Optional.of(candidate);
        return Optional.empty();
    }
}
