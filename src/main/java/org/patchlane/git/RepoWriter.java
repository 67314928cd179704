package org.patchlane.git;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Writes commits, annotated tags and refs straight into a bare repository's object database, without a working
 * tree: each commit is a whole snapshot (path to content), so the same snapshots, people, dates and messages give
 * the same commit ids in every repository and every run (the demo's repositories rely on that).
 */
public final class RepoWriter implements Closeable {
    private final Repository repo;

    private RepoWriter(Repository repo) {
        this.repo = repo;
    }

    /** Someone who authors, commits or tags, at a fixed time in their own zone. */
    public record Person(String name, String email, Instant when, ZoneOffset zone) {
        PersonIdent ident() {
            return new PersonIdent(new PersonIdent(name, email), when, zone);
        }

        /** The same person at another time. */
        public Person at(Instant other) {
            return new Person(name, email, other, zone);
        }
    }

    /** Creates a bare repository at {@code dir} (its default branch {@code master}), or opens the one there. */
    public static RepoWriter create(Path dir) throws IOException {
        Repository r = FileRepositoryBuilder.create(dir.toFile());
        if (!r.getObjectDatabase().exists()) {
            r.create(true);
            RefUpdate head = r.updateRef(Constants.HEAD);
            head.link(Constants.R_HEADS + "master");
        }
        return new RepoWriter(r);
    }

    /**
     * Writes a commit whose tree is exactly {@code files}.
     *
     * @param parents   commit ids, first parent first (none for a root commit)
     * @param committer null: the author
     * @return the commit id
     */
    public String commit(SortedMap<String, String> files, List<String> parents, Person author, Person committer,
                         String message) throws IOException {
        try (ObjectInserter in = repo.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder b = index.builder();
            for (var f : files.entrySet()) {
                DirCacheEntry e = new DirCacheEntry(f.getKey());
                e.setFileMode(FileMode.REGULAR_FILE);
                e.setObjectId(in.insert(Constants.OBJ_BLOB, f.getValue().getBytes(StandardCharsets.UTF_8)));
                b.add(e);
            }
            b.finish();
            CommitBuilder c = new CommitBuilder();
            c.setTreeId(index.writeTree(in));
            c.setParentIds(parents.stream().map(ObjectId::fromString).toList());
            c.setAuthor(author.ident());
            c.setCommitter((committer == null ? author : committer).ident());
            c.setMessage(message);
            ObjectId id = in.insert(c);
            in.flush();
            return id.name();
        }
    }

    /** Writes an annotated tag {@code refs/tags/NAME} of {@code commit}; returns the tag object's id. */
    public String tag(String name, String commit, Person tagger, String message) throws IOException {
        try (ObjectInserter in = repo.newObjectInserter()) {
            TagBuilder t = new TagBuilder();
            t.setTag(name);
            t.setObjectId(ObjectId.fromString(commit), Constants.OBJ_COMMIT);
            t.setTagger(tagger.ident());
            t.setMessage(message);
            ObjectId id = in.insert(t);
            in.flush();
            ref(Constants.R_TAGS + name, id.name());
            return id.name();
        }
    }

    /** Points {@code ref} at {@code id}, forced. */
    public void ref(String ref, String id) throws IOException {
        RefUpdate u = repo.updateRef(ref);
        u.setNewObjectId(ObjectId.fromString(id));
        u.setForceUpdate(true);
        RefUpdate.Result r = u.update();
        switch (r) {
            case NEW, FORCED, FAST_FORWARD, NO_CHANGE -> { }
            default -> throw new IOException("could not set " + ref + ": " + r);
        }
    }

    @Override
    public void close() {
        repo.close();
    }
}
