package org.patchlane.git;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Small text files kept as commits in a bare git repository: every write is one commit on {@code main} whose author
 * is the person who made the change (committer Patchlane), so {@code git log} is the history and {@code git clone}
 * a backup. Writers in several processes are serialised by a lock on {@code patchlane.lock} inside the repository
 * and a compare-and-set of the branch; readers see another process's commits as soon as the branch moves, since
 * every read resolves it anew.
 */
public final class FileLog implements Closeable {
    private static final String BRANCH = Constants.R_HEADS + "main";
    private static final PersonIdent COMMITTER_NAME = new PersonIdent("Patchlane", "patchlane@localhost");

    private final Repository repo;
    private final Path lockFile;

    private FileLog(Repository repo, Path lockFile) {
        this.repo = repo;
        this.lockFile = lockFile;
    }

    /**
     * One revision of a file.
     *
     * @param commit  the commit id
     * @param name    the author's name
     * @param email   the author's address
     * @param at      the author's time, epoch ms
     * @param message the commit message
     * @param content the file's content after the commit ("" when the commit removed it)
     */
    public record Revision(String commit, String name, String email, long at, String message, String content) {
    }

    /** Opens the repository in {@code dir}, creating a bare one (branch {@code main}) when there is none. */
    public static FileLog open(Path dir) throws IOException {
        boolean fresh = !Files.isDirectory(dir.resolve("objects"));
        Files.createDirectories(dir);
        Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
        if (fresh) {
            try {
                repo.create(true);
            } catch (IllegalStateException raced) {
                // another process created it between the check and here: use theirs
            }
            RefUpdate head = repo.getRefDatabase().newUpdate(Constants.HEAD, false);
            head.link(BRANCH);
        }
        return new FileLog(repo, dir.resolve("patchlane.lock"));
    }

    /** The branch's commit id, or null before the first write: a reader compares it to know when to re-read. */
    public String head() throws IOException {
        ObjectId id = repo.resolve(BRANCH);
        return id == null ? null : id.name();
    }

    /** Every file at the branch's head: path to content. */
    public Map<String, String> readAll() throws IOException {
        Map<String, String> out = new TreeMap<>();
        ObjectId head = repo.resolve(BRANCH);
        if (head == null) return out;
        try (RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(walk.parseCommit(head).getTree());
            tw.setRecursive(true);
            while (tw.next()) out.put(tw.getPathString(), text(tw.getObjectId(0)));
        }
        return out;
    }

    /** A file's content at the branch's head. */
    public Optional<String> read(String path) throws IOException {
        ObjectId head = repo.resolve(BRANCH);
        if (head == null) return Optional.empty();
        try (RevWalk walk = new RevWalk(repo); TreeWalk tw = TreeWalk.forPath(repo, path, walk.parseCommit(head).getTree())) {
            return tw == null ? Optional.empty() : Optional.of(text(tw.getObjectId(0)));
        }
    }

    /** The commits that changed {@code path}, newest first. */
    public List<Revision> log(String path) throws IOException {
        List<Revision> out = new ArrayList<>();
        ObjectId head = repo.resolve(BRANCH);
        if (head == null) return out;
        try (RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(head));
            walk.setRevFilter(RevFilter.ALL);
            walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(path), TreeFilter.ANY_DIFF));
            for (RevCommit c : walk) {
                PersonIdent a = c.getAuthorIdent();
                String content;
                try (TreeWalk tw = TreeWalk.forPath(repo, path, c.getTree())) {
                    content = tw == null ? "" : text(tw.getObjectId(0));
                }
                out.add(new Revision(c.name(), a.getName(), a.getEmailAddress(), a.getWhenAsInstant().toEpochMilli(),
                        c.getFullMessage(), content));
            }
        }
        return out;
    }

    /**
     * Writes {@code content} to {@code path} as one commit by {@code name <email>} at {@code at}, on top of whatever
     * another process committed meanwhile.
     *
     * @return the new commit's id
     */
    public String write(String path, String content, String name, String email, Instant at, String message)
            throws IOException {
        synchronized (FileLog.class) {
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                for (int attempt = 0; ; attempt++) {
                    String id = commit(path, content, new PersonIdent(name, email, at, ZoneOffset.UTC), message);
                    if (id != null) return id;
                    if (attempt == 5) throw new IOException("the decisions repository's branch kept moving; try again");
                }
            }
        }
    }

    /** One compare-and-set attempt; null when the branch moved under it. */
    private String commit(String path, String content, PersonIdent author, String message) throws IOException {
        ObjectId parent = repo.resolve(BRANCH);
        try (ObjectInserter ins = repo.newObjectInserter(); ObjectReader reader = repo.newObjectReader();
             RevWalk walk = new RevWalk(reader)) {
            DirCache index = parent == null ? DirCache.newInCore()
                    : DirCache.read(reader, walk.parseCommit(parent).getTree());
            ObjectId blob = ins.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8));
            DirCacheEditor editor = index.editor();
            editor.add(new DirCacheEditor.PathEdit(path) {
                @Override
                public void apply(DirCacheEntry ent) {
                    ent.setFileMode(FileMode.REGULAR_FILE);
                    ent.setObjectId(blob);
                }
            });
            editor.finish();
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(index.writeTree(ins));
            if (parent != null) cb.setParentId(parent);
            cb.setAuthor(author);
            cb.setCommitter(new PersonIdent(COMMITTER_NAME, author.getWhenAsInstant(), ZoneOffset.UTC));
            cb.setMessage(message.endsWith("\n") ? message : message + "\n");
            ObjectId commit = ins.insert(cb);
            ins.flush();
            RefUpdate ru = repo.updateRef(BRANCH);
            ru.setExpectedOldObjectId(parent == null ? ObjectId.zeroId() : parent);
            ru.setNewObjectId(commit);
            ru.setRefLogMessage("commit: " + message.lines().findFirst().orElse(""), false);
            RefUpdate.Result r = ru.update(walk);
            return switch (r) {
                case NEW, FAST_FORWARD, FORCED -> commit.name();
                case LOCK_FAILURE, REJECTED -> null;
                default -> throw new IOException("cannot update the decisions repository: " + r);
            };
        }
    }

    private String text(ObjectId blob) throws IOException {
        try {
            return new String(repo.open(blob, Constants.OBJ_BLOB).getBytes(), StandardCharsets.UTF_8);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() {
        repo.close();
    }
}
