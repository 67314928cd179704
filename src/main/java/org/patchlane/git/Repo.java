package org.patchlane.git;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * A git repository read through JGit, without a working tree: names resolved to commits, ancestry, tags, the
 * commits and files of a range, a commit's diff as text. Revisions are anything {@code git rev-parse} takes that
 * JGit resolves ({@code master}, {@code v6.19-rc6}, an abbreviated id, {@code refs/patchlane/pulls/...}); ids
 * come back as 40 hex, never as JGit objects.
 */
public final class Repo implements Closeable {
    private final Repository repo;

    private Repo(Repository repo) {
        this.repo = repo;
    }

    /**
     * Opens the repository at {@code dir}: a bare repository, or a working tree's top directory (its
     * {@code .git} is used).
     *
     * @throws IOException when there is no repository there
     */
    public static Repo open(Path dir) throws IOException {
        Path gitDir = Files.isDirectory(dir.resolve(".git")) ? dir.resolve(".git") : dir;
        if (!Files.isDirectory(gitDir.resolve("objects")) || !Files.exists(gitDir.resolve("HEAD")))
            throw new IOException("not a git repository: " + dir);
        return new Repo(new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build());
    }

    /** For the other classes of this package that work on the same repository. */
    /**
     * Every ref and what it points at, hashed: equal while no ref moved (a fetch, a new tag, a published volatile
     * for-next change it), so results computed from the refs can be cached against it.
     */
    public String refsState() throws IOException {
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-1");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-1", e);
        }
        java.util.TreeMap<String, String> refs = new java.util.TreeMap<>();
        for (org.eclipse.jgit.lib.Ref r : jgit().getRefDatabase().getRefs())
            refs.put(r.getName(), r.getObjectId() == null ? "" : r.getObjectId().name());
        refs.forEach((n, id) -> sha.update((n + ' ' + id + '\n').getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    Repository jgit() {
        return repo;
    }

    /** The commit a revision names, as 40 hex; empty when it names none (unknown, ambiguous, not a commit). */
    public Optional<String> resolve(String revision) throws IOException {
        try {
            ObjectId id = repo.resolve(revision + "^{commit}");
            return Optional.ofNullable(id).map(ObjectId::name);
        } catch (RevisionSyntaxException | IncorrectObjectTypeException | MissingObjectException
                 | org.eclipse.jgit.errors.AmbiguousObjectException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code commit} is {@code tip} or one of its ancestors; false when either is unknown. */
    public boolean reachable(String commit, String tip) throws IOException {
        Optional<String> c = resolve(commit), t = resolve(tip);
        if (c.isEmpty() || t.isEmpty()) return false;
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(c.get())),
                    walk.parseCommit(ObjectId.fromString(t.get())));
        }
    }

    /** The best common ancestor of two commits, or empty when they share none. */
    public Optional<String> mergeBase(String a, String b) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(commitId(a)));
            walk.markStart(walk.parseCommit(commitId(b)));
            RevCommit base = walk.next();
            return Optional.ofNullable(base).map(RevCommit::name);
        }
    }

    /** Every tag that peels to a commit, oldest first by date (ties by name). */
    public List<Tag> tags() throws IOException {
        List<Tag> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo)) {
            for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                RevObject o = walk.parseAny(ref.getObjectId());
                java.time.Instant date = null;
                if (o instanceof RevTag tag) {
                    PersonIdent tagger = tag.getTaggerIdent();
                    if (tagger != null) date = tagger.getWhenAsInstant();
                }
                o = walk.peel(o);
                if (!(o instanceof RevCommit c)) continue;
                walk.parseHeaders(c);
                if (date == null) date = c.getCommitterIdent().getWhenAsInstant();
                out.add(new Tag(ref.getName().substring(Constants.R_TAGS.length()), c.name(), date));
            }
        }
        out.sort(java.util.Comparator.comparing(Tag::date).thenComparing(Tag::name));
        return out;
    }

    /** The commits reachable from {@code head} but not from {@code base} (null base: all), oldest first. */
    public List<Commit> range(String base, String head) throws IOException {
        return range(base, head, Integer.MAX_VALUE);
    }

    /**
     * As {@link #range(String, String)}, at most {@code limit} commits: the newest ones when there are more,
     * still oldest first.
     */
    public List<Commit> range(String base, String head, int limit) throws IOException {
        List<Commit> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo)) {
            walk.sort(RevSort.TOPO);
            walk.markStart(walk.parseCommit(commitId(head)));
            if (base != null) walk.markUninteresting(walk.parseCommit(commitId(base)));
            for (RevCommit c : walk) {
                if (out.size() == limit) break;
                out.add(commit(c));
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    /** One commit. */
    public Commit commit(String revision) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            return commit(walk.parseCommit(commitId(revision)));
        }
    }

    /**
     * The files changed from {@code from} to {@code to} with their line counts, as {@code git diff --stat
     * from to} (renames detected), in path order.
     */
    public List<FileChange> diffstat(String from, String to) throws IOException {
        try (RevWalk walk = new RevWalk(repo); DiffFormatter df = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            df.setRepository(repo);
            df.setDiffComparator(RawTextComparator.DEFAULT);
            df.setDetectRenames(true);
            List<FileChange> out = new ArrayList<>();
            for (DiffEntry e : df.scan(walk.parseCommit(commitId(from)).getTree(),
                    walk.parseCommit(commitId(to)).getTree())) {
                int added = 0, removed = 0;
                for (Edit edit : df.toFileHeader(e).toEditList()) {
                    added += edit.getLengthB();
                    removed += edit.getLengthA();
                }
                boolean deleted = e.getChangeType() == DiffEntry.ChangeType.DELETE;
                String path = deleted ? e.getOldPath() : e.getNewPath();
                out.add(new FileChange(path, deleted || e.getChangeType() == DiffEntry.ChangeType.ADD ? path
                        : e.getOldPath(), FileChange.Kind.valueOf(e.getChangeType().name()), added, removed));
            }
            out.sort(java.util.Comparator.comparing(FileChange::path));
            return out;
        }
    }

    /**
     * A commit's change against its first parent (the empty tree for a root commit) as {@code git show
     * --format=} prints it: {@code diff --git} headers, index lines with full ids, hunks with 3 lines of
     * context; renames detected. Fed to {@code git patch-id --stable}, it gives the id the posted patch
     * had. Empty for a merge (which has no patch of its own).
     */
    public String diffText(String revision) throws IOException {
        try (DiffTexts diffs = new DiffTexts(this)) {
            return diffs.of(commitId(revision).name());
        }
    }

    /** The 40-hex id of a revision's commit. */
    ObjectId commitId(String revision) throws IOException {
        return ObjectId.fromString(resolve(revision)
                .orElseThrow(() -> new UnknownRevisionException(revision)));
    }

    static Commit commit(RevCommit c) {
        PersonIdent a = c.getAuthorIdent();
        return new Commit(c.name(), a.getName(), a.getEmailAddress().toLowerCase(java.util.Locale.ROOT),
                a.getWhenAsInstant(), c.getShortMessage(), c.getFullMessage(), c.getParentCount());
    }

    @Override
    public void close() {
        repo.close();
    }
}
