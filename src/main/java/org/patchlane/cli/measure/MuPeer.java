package org.patchlane.cli.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * mu (maildir-utils): Xapian over a Maildir, its database in its own {@code --muhome}. {@code mu init} is setup and
 * untimed; {@code mu index} is the figure. A query lists the first 20 messages.
 */
public final class MuPeer implements Peer {
    @Override
    public String name() {
        return "mu";
    }

    @Override
    public boolean installed() {
        return Tools.onPath("mu");
    }

    @Override
    public String version() {
        return Tools.packageVersion("maildir-utils");
    }

    private static String home(Path dir) {
        return "--muhome=" + dir.resolve("home");
    }

    @Override
    public PeerIndex index(Archive archive, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Tools.must(List.of("mu", "init", home(dir), "--maildir=" + archive.maildir().toAbsolutePath()), Map.of(), null);
        Measured m = Tools.must(List.of("mu", "index", home(dir), "--quiet"), Map.of(), null);
        return PeerIndex.of(name(), version(), archive.messages(), m, Trees.size(dir.resolve("home")), 0, 0);
    }

    @Override
    public boolean indexed(Path dir) {
        return Files.isDirectory(dir.resolve("home").resolve("xapian"));
    }

    @Override
    public Queries queries(Path dir) {
        // mu exits 2 ("no matches") or 4 on an empty result: the time is still the answer's.
        return q -> MeasuredProcess.run(List.of("mu", "find", home(dir), "--maxnum=20", q.xapian()), Map.of(), null)
                .wallMillis();
    }
}
