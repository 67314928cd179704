package org.patchlane.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Reader of a directory tree, walked recursively in sorted order (see {@link TreeWalk}): each Maildir inside is
 * read as a {@link MaildirSource}, each mbox file (plain or gzip) as an {@link MboxSource}, each with its own
 * cursor; all loose one-message files together form ONE source, key {@code "dir:" + real path of the root},
 * position = the relative path ('/'-separated) of the last loose file delivered, so the cursor stays one string
 * however many files there are. Empty files and files that do not look like mail ({@link MailFormat}) are
 * skipped. Messages of the different sources come in walk order; each carries its own source's cursor.
 *
 * <p>Like Maildir names, a loose file added with a name sorting before the cursor is only seen by a re-scan
 * from the start. Only one child source is open at a time.
 */
public final class DirectorySource implements MailSource {
    private static final String KEY_PREFIX = "dir:";

    private final Path root;
    private final String key;
    private final Function<String, String> positionLookup;
    private final String loosePosition;
    private final TreeWalk walk;
    private MailSource current;
    private long doneBytes;
    private long totalBytes = -2;

    private DirectorySource(Path root, Function<String, String> positionLookup) throws IOException {
        this.root = root;
        this.key = KEY_PREFIX + root;
        this.positionLookup = positionLookup;
        this.loosePosition = positionLookup.apply(key);
        this.walk = new TreeWalk(root);
    }

    /**
     * Opens a directory tree.
     *
     * @param positionLookup source key to committed position, or null for none; asked once per child source
     */
    public static DirectorySource open(Path dir, Function<String, String> positionLookup) throws IOException {
        return new DirectorySource(dir.toRealPath(), positionLookup);
    }

    /** The key of this tree's loose-file source: {@code "dir:" + real path}. */
    public static String sourceKey(Path dir) throws IOException {
        return KEY_PREFIX + dir.toRealPath();
    }

    @Override
    public RawMessage next() throws IOException {
        while (true) {
            if (current != null) {
                RawMessage m = current.next();
                if (m != null) {
                    return m;
                }
                doneBytes += current.totalBytes();
                current.close();
                current = null;
            }
            TreeWalk.Entry e = walk.next();
            if (e == null) {
                return null;
            }
            RawMessage loose = visit(e);
            if (loose != null) {
                return loose;
            }
        }
    }

    @Override
    public long totalBytes() {
        if (totalBytes == -2) {
            totalBytes = measure();
        }
        return totalBytes;
    }

    @Override
    public long bytesRead() {
        return doneBytes + (current == null ? 0 : current.bytesRead());
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    /** Opens the child source for {@code e}, or returns the loose message it is; null when skipped. */
    private RawMessage visit(TreeWalk.Entry e) throws IOException {
        try {
            if (e.kind() == TreeWalk.Kind.MAILDIR) {
                current = MaildirSource.open(e.path(), positionLookup.apply(MaildirSource.sourceKey(e.path())));
                return null;
            }
            MailFormat format = MailFormat.of(e.path());
            if (format == MailFormat.MBOX) {
                current = MboxSource.open(e.path(), positionLookup.apply(MboxSource.sourceKey(e.path())));
                return null;
            }
            doneBytes += e.size();
            boolean pending = loosePosition == null || TreeWalk.compareRelative(e.relative(), loosePosition) > 0;
            if (format == MailFormat.MESSAGE && pending) {
                return MessageFileSource.read(e.path(), new Cursor(key, e.relative()));
            }
            return null;
        } catch (AccessDeniedException denied) {
            throw new SourceException(e.path(), SourceException.Reason.UNREADABLE, "permission denied", denied);
        }
    }

    /** Sum of the sizes of everything the walk will meet (Maildirs: their cur/ and new/ files); -1 on error. */
    private long measure() {
        try {
            long sum = 0;
            TreeWalk w = new TreeWalk(root);
            for (TreeWalk.Entry e = w.next(); e != null; e = w.next()) {
                sum += e.kind() == TreeWalk.Kind.MAILDIR ? MaildirSource.open(e.path(), null).totalBytes() : e.size();
            }
            return sum;
        } catch (IOException e) {
            return -1;
        }
    }
}
