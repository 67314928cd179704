package org.patchlane.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;

/**
 * {@link Repo#diffText} for many commits in a row: one walk, one object reader and one formatter for all of them
 * (setting each up again is most of the cost of a small commit's diff). The text is the same as diffText's.
 */
public final class DiffTexts implements AutoCloseable {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ObjectReader reader;
    private final RevWalk walk;
    private final DiffFormatter df;

    public DiffTexts(Repo repo) {
        this.reader = repo.jgit().newObjectReader();
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

    @Override
    public void close() {
        df.close();
        walk.close();
        reader.close();
    }
}
