package org.patchlane.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * {@link Repo#diffText} for many commits in a row: one walk, one object reader (keeping the trees it read) and one
 * formatter for all of them (setting each up again is most of the cost of a small commit's diff). The text is the
 * same as diffText's. Also a commit's {@link #paths changed paths}, from its trees alone. Not for several threads:
 * each thread makes its own.
 */
public final class DiffTexts implements AutoCloseable {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ObjectReader reader;
    private final RevWalk walk;
    private final DiffFormatter df;

    public DiffTexts(Repo repo) {
        this.reader = new TreeCachingReader(repo.jgit().newObjectReader());
        this.walk = new RevWalk(reader);
        this.df = new DiffFormatter(bytes);
        df.setRepository(repo.jgit());
        df.setReader(reader, repo.jgit().getConfig());
        df.setDetectRenames(true);
        df.setAbbreviationLength(Constants.OBJECT_ID_STRING_LENGTH);
    }

    /** A commit's change against its first parent, as {@link Repo#diffText}; empty for a merge. */
    public String of(String commit) throws IOException {
        RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
        if (c.getParentCount() > 1) return "";
        bytes.reset();
        AbstractTreeIterator parent = c.getParentCount() == 0 ? new EmptyTreeIterator()
                : new CanonicalTreeParser(null, reader, walk.parseCommit(c.getParent(0)).getTree());
        df.format(parent, new CanonicalTreeParser(null, reader, c.getTree()));
        df.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * The files a commit changes against its first parent (every file, for a root commit), from a walk of the two
     * trees that skips every subtree they share: no blob is read, nothing is diffed. Null for a merge.
     */
    public ChangedPaths paths(String commit) throws IOException {
        RevCommit c = walk.parseCommit(ObjectId.fromString(commit));
        if (c.getParentCount() > 1) return null;
        List<String> changed = new ArrayList<>(), deleted = new ArrayList<>();
        try (TreeWalk tw = new TreeWalk(reader)) {
            if (c.getParentCount() == 0) tw.addTree(new EmptyTreeIterator());
            else tw.addTree(walk.parseCommit(c.getParent(0)).getTree());
            tw.addTree(c.getTree());
            tw.setRecursive(true);
            tw.setFilter(TreeFilter.ANY_DIFF);
            while (tw.next()) { // a file and a directory of the same name are two entries (git sorts "x" < "x/")
                if (isFile(tw.getRawMode(1))) changed.add(tw.getPathString());
                else if (isFile(tw.getRawMode(0))) deleted.add(tw.getPathString());
            }
        }
        return new ChangedPaths(changed, deleted);
    }

    /** A blob or a gitlink (a submodule's commit, which a diff shows too): anything but absent or a tree. */
    private static boolean isFile(int rawMode) {
        return rawMode != 0 && (rawMode & FileMode.TYPE_MASK) != FileMode.TYPE_TREE;
    }

    @Override
    public void close() {
        df.close();
        walk.close();
        reader.close();
    }
}
