package org.patchlane.git;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;

/**
 * Merges without a working tree (JGit's in-core recursive merger): one branch into another, or every pending
 * branch onto upstream in turn, as a "volatile for-next" does. Merge results are written to the repository's
 * object database as unreferenced objects (git's gc drops them) unless a ref is asked for; no file outside the
 * repository is touched.
 */
public final class TrialMerge {
    private static final PersonIdent MERGER = new PersonIdent("Patchlane", "patchlane@localhost");

    private final Repo repo;
    /**
     * Outcomes by the two commits merged: a merge's result depends on them alone, and a day's checks merge the same
     * pairs again (each request into upstream, then the volatile for-next's search for who conflicts with whom).
     */
    private final java.util.Map<String, MergeOutcome> known = new java.util.HashMap<>();

    public TrialMerge(Repo repo) {
        this.repo = repo;
    }

    /** One branch of a volatile for-next: a name people know it by (the pull request) and its tip. */
    public record Branch(String name, String tip) {
    }

    /**
     * A branch left out of the result.
     *
     * @param branch the branch that did not merge
     * @param with   the branch already merged that it conflicts with, or {@code "upstream"} when it conflicts
     *               with upstream alone
     * @param files  the conflicting paths
     */
    public record Conflict(String branch, String with, List<String> files) {
        public Conflict {
            files = List.copyOf(files);
        }
    }

    /**
     * A volatile for-next.
     *
     * @param upstream  the commit it starts from
     * @param tip       the last merge commit (upstream itself when nothing merged)
     * @param merged    the branches merged, in order
     * @param conflicts the branches left out, each with what it conflicts with
     */
    public record Result(String upstream, String tip, List<String> merged, List<Conflict> conflicts) {
        public Result {
            merged = List.copyOf(merged);
            conflicts = List.copyOf(conflicts);
        }
    }

    /**
     * Merges {@code theirs} into {@code ours}; a clean merge yields a merge commit object. The same two commits
     * merged again by this instance give the first outcome (its commit, with the first message and date).
     */
    public MergeOutcome merge(String ours, String theirs, String message, Instant at) throws IOException {
        ObjectId a = repo.commitId(ours), b = repo.commitId(theirs);
        String key = a.name() + " " + b.name();
        MergeOutcome seen = known.get(key);
        if (seen != null) return seen;
        MergeOutcome o = mergeNow(a, b, message, at);
        known.put(key, o);
        return o;
    }

    private MergeOutcome mergeNow(ObjectId a, ObjectId b, String message, Instant at) throws IOException {
        try (ObjectInserter inserter = repo.jgit().newObjectInserter()) {
            ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(inserter, repo.jgit().getConfig());
            if (!merger.merge(a, b)) {
                Set<String> files = new TreeSet<>(merger.getUnmergedPaths());
                if (merger.getFailingPaths() != null) files.addAll(merger.getFailingPaths().keySet());
                return new MergeOutcome(false, new ArrayList<>(files), null);
            }
            CommitBuilder c = new CommitBuilder();
            c.setTreeId(merger.getResultTreeId());
            c.setParentIds(a, b);
            PersonIdent who = new PersonIdent(MERGER, at, ZoneOffset.UTC);
            c.setAuthor(who);
            c.setCommitter(who);
            c.setMessage(message);
            ObjectId id = inserter.insert(c);
            inserter.flush();
            return new MergeOutcome(true, List.of(), id.name());
        }
    }

    /**
     * Merges each branch onto upstream in the order given, each onto the result of the ones before; a branch
     * that conflicts is left out and reported with the branch it conflicts with (upstream when it does not even
     * merge alone), so one bad branch does not hide the others' results.
     */
    public Result volatileNext(String upstream, List<Branch> branches, Instant at) throws IOException {
        String base = repo.commitId(upstream).name();
        String tip = base;
        List<String> merged = new ArrayList<>();
        List<Branch> mergedBranches = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (Branch b : branches) {
            MergeOutcome o = merge(tip, b.tip(), "Merge " + b.name() + " into volatile for-next", at);
            if (o.clean()) {
                tip = o.commit();
                merged.add(b.name());
                mergedBranches.add(b);
            } else {
                conflicts.add(blame(base, b, mergedBranches, o.conflicts(), at));
            }
        }
        return new Result(base, tip, merged, conflicts);
    }

    /** Which branch a conflict is with: upstream when the branch conflicts alone, else the first merged one that does. */
    private Conflict blame(String upstream, Branch b, List<Branch> merged, List<String> files, Instant at)
            throws IOException {
        MergeOutcome alone = merge(upstream, b.tip(), "trial", at);
        if (!alone.clean()) return new Conflict(b.name(), "upstream", alone.conflicts());
        for (Branch earlier : merged) {
            MergeOutcome first = merge(upstream, earlier.tip(), "trial", at);
            if (!first.clean()) continue;
            MergeOutcome pair = merge(first.commit(), b.tip(), "trial", at);
            if (!pair.clean()) return new Conflict(b.name(), earlier.name(), pair.conflicts());
        }
        // only the combination of several earlier branches conflicts
        return new Conflict(b.name(), String.join(" + ", names(merged)), files);
    }

    private static Set<String> names(List<Branch> branches) {
        Set<String> out = new LinkedHashSet<>();
        for (Branch b : branches) out.add(b.name());
        return out;
    }

    /** Points {@code ref} (e.g. {@code refs/heads/volatile-for-next}) at {@code commit}, forced: it is rebuilt daily. */
    public void writeRef(String ref, String commit) throws IOException {
        if (!ref.startsWith(Constants.R_REFS)) throw new IllegalArgumentException("not a full ref name: " + ref);
        RefUpdate u = repo.jgit().updateRef(ref);
        u.setNewObjectId(ObjectId.fromString(commit));
        u.setForceUpdate(true);
        u.setRefLogMessage("patchlane: volatile for-next", false);
        RefUpdate.Result r = u.update();
        switch (r) {
            case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> { }
            default -> throw new IOException("could not update " + ref + ": " + r);
        }
    }
}
