package org.patchlane.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

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
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Builds public-inbox repositories with JGit, commit by commit, for the cases public-inbox's own tools make hard to
 * reach: several epochs, deletions, v1 layouts, rewritten history. Bare repositories, {@code master} branch.
 */
public final class TestInbox implements AutoCloseable {
    private static final PersonIdent WHO = new PersonIdent("public-inbox", "pi@example.org", 1_700_000_000_000L, 0);
    private final Repository repo;
    private final Map<String, ObjectId> files = new TreeMap<>();

    private TestInbox(Repository repo) {
        this.repo = repo;
    }

    /** A new bare repository at {@code gitDir} (e.g. {@code inbox/git/0.git}). */
    public static TestInbox create(Path gitDir) throws IOException {
        Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare().build();
        repo.create(true);
        return new TestInbox(repo);
    }

    /** v2: a commit whose tree is just {@code m}, this message. Returns the commit id. */
    public String message(String raw) throws IOException {
        files.clear();
        return commit("m", raw);
    }

    /** v2: a commit whose tree is just {@code d}, the deleted message. */
    public String deletion(String raw) throws IOException {
        files.clear();
        return commit("d", raw);
    }

    /** v1: a commit adding a file (public-inbox names it by the Message-ID's hash: {@code ab/cdef...}). */
    public String add(String path, String raw) throws IOException {
        return commit(path, raw);
    }

    /** v1: a commit removing a file. */
    public String remove(String path) throws IOException {
        files.remove(path);
        return commit(null, null);
    }

    /** Moves {@code master} back to {@code commit}, as a history rewrite would. */
    public void reset(String commit) throws IOException {
        RefUpdate u = repo.updateRef(Constants.R_HEADS + "master");
        u.setNewObjectId(ObjectId.fromString(commit));
        u.forceUpdate();
    }

    private String commit(String path, String raw) throws IOException {
        try (ObjectInserter ins = repo.newObjectInserter()) {
            if (path != null) files.put(path, ins.insert(Constants.OBJ_BLOB, raw.getBytes(StandardCharsets.UTF_8)));
            DirCache index = DirCache.newInCore();
            DirCacheBuilder b = index.builder();
            files.forEach((p, id) -> {
                DirCacheEntry e = new DirCacheEntry(p);
                e.setFileMode(FileMode.REGULAR_FILE);
                e.setObjectId(id);
                b.add(e);
            });
            b.finish();
            CommitBuilder c = new CommitBuilder();
            c.setTreeId(index.writeTree(ins));
            c.setAuthor(WHO);
            c.setCommitter(WHO);
            c.setMessage("m\n");
            ObjectId head = repo.resolve(Constants.R_HEADS + "master");
            if (head != null) c.setParentId(head);
            ObjectId id = ins.insert(c);
            ins.flush();
            RefUpdate u = repo.updateRef(Constants.R_HEADS + "master");
            u.setNewObjectId(id);
            u.forceUpdate();
            return id.name();
        }
    }

    @Override
    public void close() {
        repo.close();
    }

    /** A small message with this Message-ID and subject. */
    public static String mail(String id, String subject) {
        return "From: Dev <dev@example.org>\nTo: list@example.org\nSubject: " + subject + "\nDate: Mon, 2 Nov 2026 "
                + "10:00:00 +0000\nMessage-ID: <" + id + ">\n\nbody of " + id + "\n";
    }
}
