package org.patchlane.git;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.CommitTimeRevFilter;

/**
 * A branch's recent history in one walk, for merged detection: the commits since a time, and for each the first
 * release tag that contains it. Both walk each commit once, however many series ask about it.
 */
public final class History {
    private History() {
    }

    /**
     * A commit with its committer time (when it landed, which the author date of an applied patch is not).
     *
     * @param commit    the commit
     * @param committed its committer date
     */
    public record Entry(Commit commit, Instant committed) {
    }

    /**
     * The commits of {@code head} committed at or after {@code since}, newest first, merges included. The walk stops
     * at the first older commit in date order, so a commit with a skewed clock may be missed, as {@code git log
     * --since} misses it.
     */
    public static List<Entry> since(Repo repo, String head, Instant since) throws IOException {
        List<Entry> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo.jgit())) {
            walk.markStart(walk.parseCommit(repo.commitId(head)));
            walk.setRevFilter(CommitTimeRevFilter.after(since.toEpochMilli()));
            for (RevCommit c : walk) out.add(new Entry(Repo.commit(c), c.getCommitterIdent().getWhenAsInstant()));
        }
        return out;
    }

    /** When a commit landed (its committer date). */
    public static Instant committed(Repo repo, String revision) throws IOException {
        try (RevWalk walk = new RevWalk(repo.jgit())) {
            return walk.parseCommit(repo.commitId(revision)).getCommitterIdent().getWhenAsInstant();
        }
    }

    /**
     * For each commit some tag of {@code tags} contains, the first such tag (in the order given: oldest first), as
     * {@code git describe --contains} would pick among them. Each tag walks only what its predecessor does not
     * contain, so the whole costs one walk of the newest tag's history back to {@code since}.
     *
     * @param tags  tags in release order, oldest first
     * @param since commits committed before this are not looked at (they are older than anything asked about)
     */
    public static Map<String, String> firstTags(Repo repo, List<Tag> tags, Instant since) throws IOException {
        Map<String, String> out = new HashMap<>();
        Tag previous = null;
        for (Tag t : tags) {
            if (t.date().isBefore(since)) {
                previous = t;
                continue;
            }
            try (RevWalk walk = new RevWalk(repo.jgit())) {
                walk.markStart(walk.parseCommit(ObjectId.fromString(t.commit())));
                if (previous != null) walk.markUninteresting(walk.parseCommit(ObjectId.fromString(previous.commit())));
                walk.setRevFilter(CommitTimeRevFilter.after(since.toEpochMilli()));
                for (RevCommit c : walk) out.putIfAbsent(c.name(), t.name());
            }
            previous = t;
        }
        return out;
    }
}
