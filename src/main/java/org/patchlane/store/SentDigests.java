package org.patchlane.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Pattern;

import org.patchlane.git.FileLog;

/**
 * The digests {@code serve} has mailed, so a week goes out once even across restarts: one file per week and list,
 * {@code digests/LIST/WEEK} in the decisions repository {@code DATA/decisions} (beside the maintainers'
 * decisions, which {@link Decisions} keeps one per series id at the top level), each written as one commit. A
 * send that failed is never recorded, so it is tried again.
 */
public final class SentDigests implements Closeable {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** The list part of the path for a digest of every list (list names are lower case, so no list is "ALL"). */
    static final String EVERY_LIST = "ALL";
    private static final String AUTHOR = "Patchlane";
    private static final String EMAIL = "patchlane@localhost";

    private final Path dir;
    private FileLog log;

    private SentDigests(Path dir) {
        this.dir = dir;
    }

    /** The sent digests of a data directory; the repository is created by the first {@link #record}. */
    public static SentDigests of(Path dataDir) {
        return new SentDigests(dataDir.resolve("decisions"));
    }

    /** True when the digest of {@code week} for {@code list} (null: every list) was recorded as sent. */
    public synchronized boolean sent(String week, String list) throws IOException {
        if (log == null && !Files.isDirectory(dir.resolve("objects"))) return false;
        return open().read(path(week, list)).isPresent();
    }

    /** Records that the digest was sent, with its Message-ID and recipients. */
    public synchronized void record(String week, String list, String messageId, String to, Instant at)
            throws IOException {
        String content = "week: " + week + "\nlist: " + (list == null ? "" : list) + "\nmessage-id: " + messageId
                + "\nsent-to: " + to.replaceAll("\\s+", " ") + "\nsent: " + at + "\n";
        open().write(path(week, list), content, AUTHOR, EMAIL, at,
                "digest: sent " + week + (list == null ? "" : " of " + list));
    }

    static String path(String week, String list) {
        String l = list == null ? EVERY_LIST : list;
        if (!NAME.matcher(week).matches() || !NAME.matcher(l).matches())
            throw new IllegalArgumentException("not a week and list: " + week + " " + l);
        return "digests/" + l + "/" + week;
    }

    private FileLog open() throws IOException {
        if (log == null) log = FileLog.open(dir);
        return log;
    }

    @Override
    public synchronized void close() {
        if (log != null) log.close();
        log = null;
    }
}
