package org.patchlane.git;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Reader of one public-inbox epoch (or v1 repository): the message entries of the commits after a given commit up
 * to {@code HEAD}, oldest first. A v2 commit holds one file, {@code m} (a message) or {@code d} (a deletion); a v1
 * commit adds or removes files named by the hash of the Message-ID, read here as a diff against its parent.
 *
 * <p>When the resume commit is not an ancestor of {@code HEAD} (history rewritten by {@code public-inbox-purge},
 * or a cursor from another repository) the whole epoch is read again: the store is idempotent. Cost: the commit
 * list (not the messages) is held in memory, about 100 bytes a commit.
 */
public final class EpochReader implements Closeable {
    private final Repository repo;
    private final ObjectReader reader;
    private final RevWalk walk;
    private final Deque<InboxEntry> ready = new ArrayDeque<>();
    private String previous;

    private EpochReader(Repository repo, String after) {
        this.repo = repo;
        this.reader = repo.newObjectReader();
        this.walk = new RevWalk(reader);
        this.previous = after;
    }

    /**
     * Opens an epoch's git directory.
     *
     * @param after the commit (40 hex) whose entries are already stored, or null to read from the first commit
     */
    public static EpochReader open(Path gitDir, String after) throws IOException {
        Repository repo = PublicInbox.open(gitDir);
        EpochReader r = new EpochReader(repo, after);
        try {
            r.start(after);
            return r;
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
    }

    private void start(String after) throws IOException {
        ObjectId head = repo.resolve(Constants.HEAD);
        if (head == null) head = repo.resolve("refs/heads/master");
        if (head == null) return;
        RevCommit tip = walk.parseCommit(head);
        RevCommit stored = ancestor(after, tip);
        walk.reset();
        walk.setRetainBody(false);
        walk.sort(RevSort.TOPO);
        walk.sort(RevSort.REVERSE, true);
        walk.markStart(walk.parseCommit(head));
        if (stored != null) walk.markUninteresting(walk.parseCommit(stored));
        else previous = null;
    }

    /** The commit {@code id} when it is an ancestor of (or is) {@code tip}, else null. */
    private RevCommit ancestor(String id, RevCommit tip) throws IOException {
        if (id == null || !ObjectId.isId(id)) return null;
        try {
            RevCommit c = walk.parseCommit(ObjectId.fromString(id));
            return walk.isMergedInto(c, tip) ? c : null;
        } catch (MissingObjectException e) {
            return null;
        }
    }

    /** The next entry, or null at {@code HEAD}. */
    public InboxEntry next() throws IOException {
        while (ready.isEmpty()) {
            RevCommit c = walk.next();
            if (c == null) return null;
            read(c);
        }
        return ready.poll();
    }

    private void read(RevCommit c) throws IOException {
        String id = c.name();
        TreeWalk m = TreeWalk.forPath(reader, "m", c.getTree());
        TreeWalk d = m != null ? null : TreeWalk.forPath(reader, "d", c.getTree());
        List<byte[]> added = new ArrayList<>();
        List<byte[]> removed = new ArrayList<>();
        if (m != null) added.add(blob(m.getObjectId(0)));
        else if (d != null) removed.add(blob(d.getObjectId(0)));
        else diff(c, added, removed);
        int total = added.size() + removed.size();
        int n = 0;
        for (byte[] raw : added) ready.add(new InboxEntry(++n == total ? id : resumeBefore(), raw, false));
        for (byte[] raw : removed) ready.add(new InboxEntry(++n == total ? id : resumeBefore(), raw, true));
        if (total > 0) previous = id;
    }

    /** Where to resume for an entry that is not its commit's last: the previous commit, or "" (the start). */
    private String resumeBefore() {
        return previous != null ? previous : "";
    }

    /** v1: files added or changed since the first parent are messages; files removed are deletions. */
    private void diff(RevCommit c, List<byte[]> added, List<byte[]> removed) throws IOException {
        try (TreeWalk tw = new TreeWalk(reader)) {
            if (c.getParentCount() > 0) tw.addTree(walk.parseCommit(c.getParent(0)).getTree());
            else tw.addTree(new EmptyTreeIterator());
            tw.addTree(c.getTree());
            tw.setRecursive(true);
            tw.setFilter(TreeFilter.ANY_DIFF);
            while (tw.next()) {
                ObjectId now = tw.getObjectId(1);
                if (!now.equals(ObjectId.zeroId())) added.add(blob(now));
                else removed.add(blob(tw.getObjectId(0)));
            }
        }
    }

    private byte[] blob(ObjectId id) throws IOException {
        return reader.open(id, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
    }

    @Override
    public void close() {
        walk.close();
        reader.close();
        repo.close();
    }
}
