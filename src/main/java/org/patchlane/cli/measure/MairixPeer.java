package org.patchlane.cli.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * mairix: a word index with no analysis beyond words, reading the Maildir the other peers read (its mbox reader
 * refuses a folder of more than 65,536 messages). A query prints the matching messages' locations ({@code -r})
 * rather than writing a folder.
 */
public final class MairixPeer implements Peer {
    @Override
    public String name() {
        return "mairix";
    }

    @Override
    public boolean installed() {
        return Tools.onPath("mairix");
    }

    @Override
    public String version() {
        return Tools.packageVersion("mairix");
    }

    /** The configuration: the Maildir as its one folder, the database and the (unused) result folder in DIR. */
    static String rc(Path maildir, Path dir) {
        Path real = maildir.toAbsolutePath();
        return "base=" + real.getParent() + "\nmaildir=" + real.getFileName() + "\ndatabase="
                + dir.resolve("mairix.db") + "\nmfolder=" + dir.resolve("results") + "\nmformat=mbox\n";
    }

    @Override
    public PeerIndex index(Archive archive, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("mairixrc"), rc(archive.maildir(), dir));
        Measured m = Tools.must(List.of("mairix", "-f", dir.resolve("mairixrc").toString()), Map.of(), null);
        return PeerIndex.of(name(), version(), archive.messages(), m, Files.size(dir.resolve("mairix.db")), 0, 0);
    }

    @Override
    public boolean indexed(Path dir) {
        return Files.exists(dir.resolve("mairix.db"));
    }

    @Override
    public Queries queries(Path dir) {
        return q -> MeasuredProcess.run(List.of("mairix", "-f", dir.resolve("mairixrc").toString(), "-r", q.lore()),
                Map.of(), null).wallMillis();
    }
}
