package org.patchlane.cli.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * notmuch: Xapian with stemming and phrase positions over a Maildir; its database kept apart from the mail
 * ({@code database.path} beside {@code database.mail_root}). A query lists the first 20 messages, as
 * {@code patchlane search --limit 20} does.
 */
public final class NotmuchPeer implements Peer {
    @Override
    public String name() {
        return "notmuch";
    }

    @Override
    public boolean installed() {
        return Tools.onPath("notmuch");
    }

    @Override
    public String version() {
        return Tools.packageVersion("notmuch");
    }

    static String config(Path maildir, Path dir) {
        return "[database]\npath=" + dir.resolve("db") + "\nmail_root=" + maildir.toAbsolutePath()
                + "\n[user]\nname=Bench\nprimary_email=bench@example.invalid\n[new]\ntags=\nignore=\n"
                + "[search]\nexclude_tags=\n[maildir]\nsynchronize_flags=false\n";
    }

    private static Map<String, String> env(Path dir) {
        return Map.of("NOTMUCH_CONFIG", dir.resolve("notmuch-config").toString());
    }

    @Override
    public PeerIndex index(Archive archive, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("notmuch-config"), config(archive.maildir(), dir));
        Measured m = Tools.must(List.of("notmuch", "new", "--quiet"), env(dir), null);
        return PeerIndex.of(name(), version(), archive.messages(), m, Trees.size(dir.resolve("db")), 0, 0);
    }

    @Override
    public boolean indexed(Path dir) {
        return Files.exists(dir.resolve("notmuch-config")) && Tools.sizeQuietly(dir.resolve("db")) > 0;
    }

    @Override
    public Queries queries(Path dir) {
        return q -> MeasuredProcess.run(List.of("notmuch", "search", "--output=messages", "--limit=20", q.xapian()),
                env(dir), null).wallMillis();
    }
}
