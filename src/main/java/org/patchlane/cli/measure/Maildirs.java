package org.patchlane.cli.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.patchlane.source.MboxSource;
import org.patchlane.source.RawMessage;

/**
 * An mbox written out as a Maildir for the peers that index Maildirs only (notmuch, mu): one file per message in
 * {@code cur/}, marked seen, the mbox escaping undone by the same reader ingest uses (mboxrd: one {@code >} off
 * every {@code >+From } line). Written once per archive: a {@code .complete} file names the archive and its count.
 */
public final class Maildirs {
    private static final String COMPLETE = ".complete";

    private Maildirs() {
    }

    /** The Maildir of {@code mbox} at {@code dir}, written unless a complete one of the same archive is there. */
    public static long write(Path mbox, Path dir) throws IOException {
        Path marker = dir.resolve(COMPLETE);
        String stamp = mbox.toRealPath() + " " + Files.size(mbox) + " " + Files.getLastModifiedTime(mbox).toMillis();
        if (Files.exists(marker)) {
            String[] held = Files.readString(marker).split("\n");
            if (held.length == 2 && held[0].equals(stamp)) return Long.parseLong(held[1]);
        }
        Trees.delete(dir);
        Path cur = Files.createDirectories(dir.resolve("cur"));
        Files.createDirectories(dir.resolve("new"));
        Files.createDirectories(dir.resolve("tmp"));
        long n = 0;
        try (MboxSource in = MboxSource.open(mbox, null)) {
            for (RawMessage m = in.next(); m != null; m = in.next()) {
                Files.write(cur.resolve(String.format("%010d.patchlane:2,S", n++)), m.bytes());
            }
        }
        Files.writeString(marker, stamp + "\n" + n);
        return n;
    }
}
