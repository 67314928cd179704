package org.patchlane.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reader of one Maildir: the files of {@code cur/} and {@code new/} ({@code tmp/} and dot-files ignored), in
 * the order of their unique base name, the part before the {@code :2,} flags ({@code !2,} on file systems that
 * forbid colons). Sorting by base name keeps a message's place when the mail client moves it from new/ to cur/
 * and changes its flags.
 *
 * <p>Cursor: source key {@code "maildir:" + real path}, position = the last base name delivered; resuming skips
 * every name {@code <=} it. Delivery names usually start with a timestamp, so new mail sorts last; a message
 * delivered with a lower name than the cursor (clock skew, a copied-in old mail) is only picked up by a full
 * re-scan from the start, which is safe because the store is idempotent.
 *
 * <p>Cost: listing holds one name and size per pending file in memory (not their contents) and stats every file.
 */
public final class MaildirSource implements MailSource {
    private static final String KEY_PREFIX = "maildir:";
    private static final String[] MAIL_DIRS = {"new", "cur"};

    private record Entry(String base, String dir, String name, long size) {
    }

    private final Path root;
    private final String key;
    private final List<Entry> pending;
    private final long totalBytes;
    private long bytesRead;
    private int nextIndex;

    private MaildirSource(Path root, List<Entry> pending, long skippedBytes, long totalBytes) {
        this.root = root;
        this.key = KEY_PREFIX + root;
        this.pending = pending;
        this.bytesRead = skippedBytes;
        this.totalBytes = totalBytes;
    }

    /**
     * Lists a Maildir.
     *
     * @param position the last base name delivered (from an earlier {@link RawMessage#after()}), or null
     */
    public static MaildirSource open(Path maildir, String position) throws IOException {
        Path real = maildir.toRealPath();
        Map<String, Entry> byBase = new HashMap<>();
        long total = 0;
        long skipped = 0;
        for (String dir : MAIL_DIRS) {
            for (Entry e : list(real, dir)) {
                total += e.size();
                if (position != null && e.base().compareTo(position) <= 0) {
                    skipped += e.size();
                } else {
                    // Seen in new/ and cur/ during a move: cur/ (listed last) wins; count the bytes once.
                    Entry old = byBase.put(e.base(), e);
                    total -= old == null ? 0 : old.size();
                }
            }
        }
        List<Entry> pending = new ArrayList<>(byBase.values());
        pending.sort((a, b) -> a.base().compareTo(b.base()));
        return new MaildirSource(real, pending, skipped, total);
    }

    /** The source key of the Maildir at {@code dir}: {@code "maildir:" + real path}. */
    public static String sourceKey(Path dir) throws IOException {
        return KEY_PREFIX + dir.toRealPath();
    }

    /** True when {@code dir} has a {@code cur/} or {@code new/} subdirectory. */
    public static boolean isMaildir(Path dir) {
        return Files.isDirectory(dir.resolve("cur")) || Files.isDirectory(dir.resolve("new"));
    }

    /** The unique part of a Maildir file name: everything before {@code :2,} / {@code !2,} (or the whole). */
    static String baseName(String fileName) {
        for (int i = 0; i + 2 < fileName.length(); i++) {
            char c = fileName.charAt(i);
            if ((c == ':' || c == '!') && fileName.charAt(i + 2) == ','
                    && (fileName.charAt(i + 1) == '2' || fileName.charAt(i + 1) == '1')) {
                return fileName.substring(0, i);
            }
        }
        return fileName;
    }

    @Override
    public RawMessage next() throws IOException {
        while (nextIndex < pending.size()) {
            Entry e = pending.get(nextIndex);
            pending.set(nextIndex++, null);
            bytesRead += e.size();
            Cursor after = new Cursor(key, e.base());
            Path file = locate(e);
            try {
                if (file != null) {
                    return MessageFileSource.read(file, after);
                }
            } catch (NoSuchFileException movedMeanwhile) {
                file = locate(e);
                if (file != null) {
                    return MessageFileSource.read(file, after);
                }
            }
        }
        return null;
    }

    @Override
    public long totalBytes() {
        return totalBytes;
    }

    @Override
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() {
        // Files are opened and closed per message.
    }

    /** The file's current path: it may have moved to cur/ with new flags since listing; null when deleted. */
    private Path locate(Entry e) throws IOException {
        Path listed = root.resolve(e.dir()).resolve(e.name());
        if (Files.isRegularFile(listed)) {
            return listed;
        }
        for (String dir : MAIL_DIRS) {
            for (Entry moved : list(root, dir)) {
                if (moved.base().equals(e.base())) {
                    return root.resolve(dir).resolve(moved.name());
                }
            }
        }
        return null;
    }

    private static List<Entry> list(Path root, String dir) throws IOException {
        Path sub = root.resolve(dir);
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(sub)) {
            return entries;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(sub)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                try {
                    BasicFileAttributes attrs = Files.readAttributes(f, BasicFileAttributes.class);
                    if (attrs.isRegularFile()) {
                        entries.add(new Entry(baseName(name), dir, name, attrs.size()));
                    }
                } catch (NoSuchFileException gone) {
                    // Moved or deleted while listing: the other directory's listing or the next scan has it.
                }
            }
        }
        return entries;
    }
}
