package org.patchlane.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Depth-first walk of a directory tree in sorted name order, yielding Maildirs and files. Dot-files and
 * dot-directories are skipped (Maildir++ folders such as {@code .Sent} included: they are a client's view, not
 * list archives), and so are symbolic links to directories (no cycles). A directory with {@code cur/} or
 * {@code new/} is yielded as a Maildir; its {@code cur/}, {@code new/} and {@code tmp/} are not walked as plain
 * directories, its other subdirectories are. Memory: one sorted listing per directory level.
 */
final class TreeWalk {
    enum Kind { MAILDIR, FILE }

    /** One thing found: {@code relative} uses '/' between names, whatever the platform. */
    record Entry(Kind kind, Path path, String relative, long size) {
    }

    private static final Set<String> MAILDIR_PARTS = Set.of("cur", "new", "tmp");

    private record Frame(Path dir, String relative, Iterator<String> names) {
    }

    private final Deque<Frame> stack = new ArrayDeque<>();
    private Entry pendingMaildir;

    TreeWalk(Path root) throws IOException {
        enter(root, "");
    }

    /** The next Maildir or file, or null when the walk is over. */
    Entry next() throws IOException {
        if (pendingMaildir != null) {
            Entry m = pendingMaildir;
            pendingMaildir = null;
            return m;
        }
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            if (!top.names().hasNext()) {
                stack.pop();
                continue;
            }
            String name = top.names().next();
            Path child = top.dir().resolve(name);
            String relative = top.relative().isEmpty() ? name : top.relative() + "/" + name;
            BasicFileAttributes attrs = attributes(child);
            if (attrs == null) {
                continue;
            }
            if (attrs.isDirectory()) {
                enter(child, relative);
                if (pendingMaildir != null) {
                    return next();
                }
            } else if (attrs.isRegularFile()) {
                return new Entry(Kind.FILE, child, relative, attrs.size());
            }
        }
        return null;
    }

    /** Orders relative paths the way the walk meets them: name by name. */
    static int compareRelative(String a, String b) {
        String[] x = a.split("/");
        String[] y = b.split("/");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private void enter(Path dir, String relative) throws IOException {
        boolean maildir = MaildirSource.isMaildir(dir);
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path c : children) {
                String name = c.getFileName().toString();
                if (!name.startsWith(".") && !(maildir && MAILDIR_PARTS.contains(name))) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        stack.push(new Frame(dir, relative, names.iterator()));
        if (maildir) {
            pendingMaildir = new Entry(Kind.MAILDIR, dir, relative, 0);
        }
    }

    /** Attributes, following links to files but not to directories; null when the entry vanished. */
    private static BasicFileAttributes attributes(Path p) throws IOException {
        try {
            BasicFileAttributes own = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!own.isSymbolicLink()) {
                return own;
            }
            BasicFileAttributes target = Files.readAttributes(p, BasicFileAttributes.class);
            return target.isDirectory() ? null : target;
        } catch (NoSuchFileException gone) {
            return null;
        }
    }
}
