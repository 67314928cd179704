package org.patchlane.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FS;

/**
 * Finds the git repositories of a public-inbox archive: a v2 inbox's epochs {@code git/0.git, git/1.git, ...} in
 * epoch order, or one repository (a v1 inbox, or a clone of one lore epoch, bare or not).
 */
public final class PublicInbox {
    private static final Pattern EPOCH = Pattern.compile("(\\d+)\\.git");

    private PublicInbox() {
    }

    /**
     * True when {@code dir} is a v2 inbox (has {@code git/N.git}), a bare repository, or a working tree whose
     * {@code HEAD} has public-inbox's {@code m} or {@code d} file at its root. A working tree of anything else
     * (say, mbox files kept in git) is not an inbox, so it is still read as a directory of mail.
     */
    public static boolean isInbox(Path dir) throws IOException {
        if (!epochDirs(dir).isEmpty()) return true;
        if (isBare(dir)) return true;
        Path dotGit = dir.resolve(".git");
        if (!isBare(dotGit)) return false;
        try (Repository repo = open(dotGit)) {
            var head = repo.resolve("HEAD^{tree}");
            if (head == null) return false;
            for (String file : List.of("m", "d")) {
                if (TreeWalk.forPath(repo, file, head) != null) return true;
            }
            return false;
        }
    }

    /** The git directories to read, oldest epoch first (one for a v1 inbox or a single cloned epoch). */
    public static List<Path> epochs(Path dir) throws IOException {
        List<Path> epochs = epochDirs(dir);
        if (!epochs.isEmpty()) return epochs;
        return List.of(isBare(dir) ? dir : dir.resolve(".git"));
    }

    static Repository open(Path gitDir) throws IOException {
        return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
    }

    private static boolean isBare(Path dir) {
        return Files.isDirectory(dir) && RepositoryCache.FileKey.isGitRepository(dir.toFile(), FS.DETECTED);
    }

    private static List<Path> epochDirs(Path dir) throws IOException {
        Path git = dir.resolve("git");
        if (!Files.isDirectory(git)) return List.of();
        List<Path> found = new ArrayList<>();
        try (Stream<Path> children = Files.list(git)) {
            for (Path c : (Iterable<Path>) children::iterator) {
                if (EPOCH.matcher(c.getFileName().toString()).matches() && isBare(c)) found.add(c);
            }
        }
        found.sort(Comparator.comparingLong(PublicInbox::epochNumber));
        return found;
    }

    private static long epochNumber(Path gitDir) {
        Matcher m = EPOCH.matcher(gitDir.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }
}
