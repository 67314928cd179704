package org.patchlane.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A real repository with a working tree in a temp dir, built with JGit's porcelain, for the tests of this
 * package and of the checks built on it: commits with given authors and dates, branches, tags.
 */
public final class TestRepo implements AutoCloseable {
    private final Git git;
    private final Path dir;
    private Instant clock = Instant.parse("2026-09-01T10:00:00Z");

    private TestRepo(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    public static TestRepo init(Path dir) throws GitAPIException {
        return new TestRepo(Git.init().setDirectory(dir.toFile()).setInitialBranch("master").call(), dir);
    }

    public Path dir() {
        return dir;
    }

    /** Writes files (null content deletes) and commits them as {@code author}; returns the commit id. */
    public String commit(String author, String subject, Map<String, String> files) throws IOException, GitAPIException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            if (f.getValue() == null) {
                Files.deleteIfExists(p);
                git.rm().addFilepattern(f.getKey()).call();
            } else {
                Files.createDirectories(p.getParent() == null ? dir : p.getParent());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
                git.add().addFilepattern(f.getKey()).call();
            }
        }
        clock = clock.plusSeconds(3600);
        String name = author.substring(0, author.indexOf('<')).strip();
        String email = author.substring(author.indexOf('<') + 1, author.indexOf('>'));
        PersonIdent who = new PersonIdent(new PersonIdent(name, email), clock, ZoneOffset.UTC);
        RevCommit c = git.commit().setMessage(subject + "\n").setAuthor(who).setCommitter(who).call();
        return c.name();
    }

    public void branch(String name, String at) throws GitAPIException {
        git.branchCreate().setName(name).setStartPoint(at).setForce(true).call();
    }

    public void checkout(String name) throws GitAPIException {
        git.checkout().setName(name).call();
    }

    public void tag(String name, String at, boolean annotated) throws IOException, GitAPIException {
        try (org.eclipse.jgit.revwalk.RevWalk w = new org.eclipse.jgit.revwalk.RevWalk(git.getRepository())) {
            RevCommit c = w.parseCommit(git.getRepository().resolve(at));
            var t = git.tag().setName(name).setObjectId(c).setAnnotated(annotated);
            if (annotated) t.setMessage(name).setTagger(new PersonIdent(new PersonIdent("Linus", "torvalds@example.org"),
                    c.getCommitterIdent().getWhenAsInstant().plusSeconds(60), ZoneOffset.UTC));
            t.call();
        }
    }

    /** Numbered lines {@code prefix 1} .. {@code prefix n}, each ending in a newline: files with room for hunks. */
    public static String lines(String prefix, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) b.append(prefix).append(' ').append(i).append('\n');
        return b.toString();
    }

    @Override
    public void close() {
        git.close();
    }
}
