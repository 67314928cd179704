package org.patchlane.cli.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchlane.Required;
import org.patchlane.bench.ArchiveGenerator;

/**
 * The peers' configuration, query spelling and selection, the Maildir they read, and each installed peer run for
 * real on a small generated archive (skipped, or failed under CI, when its tool is not installed).
 */
class PeersTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "SUBJECT | mlx5     | s:mlx5     | subject:mlx5",
            "FROM    | leon     | f:leon     | from:leon",
            "BODY    | lifetime | b:lifetime | body:lifetime",
    })
    void eachToolsSpellingOfAQuery(SharedQuery.Field field, String word, String lore, String xapian) {
        SharedQuery q = new SharedQuery(field, word);
        assertEquals(lore, q.lore());
        assertEquals(xapian, q.xapian());
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "all                   | mairix,notmuch,mu,public-inbox",
            "ALL                   | mairix,notmuch,mu,public-inbox",
            "none                  | ''",
            "mairix                | mairix",
            "mu, mairix            | mu,mairix",
            "notmuch,notmuch       | notmuch",
            "public-inbox,mairix   | public-inbox,mairix",
    })
    void peersSelection(String list, String names) {
        assertEquals(names, String.join(",", Peers.select(list).stream().map(Peer::name).toList()));
    }

    @Test
    void anUnknownPeerIsAUsersMistakeNamingTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Peers.select("mairix,xapian"));
        assertTrue(e.getMessage().contains("not 'xapian'") && e.getMessage().contains("public-inbox"), e.getMessage());
    }

    @Test
    void configurations() {
        assertEquals("base=/a/b\nmaildir=maildir\ndatabase=/d/mairix.db\nmfolder=/d/results\nmformat=mbox\n",
                MairixPeer.rc(Path.of("/a/b/maildir"), Path.of("/d")));
        String nm = NotmuchPeer.config(Path.of("/m"), Path.of("/d"));
        assertTrue(nm.startsWith("[database]\npath=/d/db\nmail_root=/m\n"), nm);
        assertTrue(nm.contains("synchronize_flags=false"), nm);
    }

    @Test
    void theMaildirHoldsEachMessageUnescapedAndIsWrittenOnce() throws Exception {
        Path mbox = tmp.resolve("a.mbox");
        Files.writeString(mbox, "From a@x Mon Nov  2 10:00:00 2026\nSubject: one\n\n>From the start\n>>From quoted\n\n"
                + "From b@x Mon Nov  2 10:00:01 2026\nSubject: two\n\nbody\n", StandardCharsets.UTF_8);
        Path maildir = tmp.resolve("md");
        assertEquals(2, Maildirs.write(mbox, maildir));
        List<Path> cur;
        try (Stream<Path> files = Files.list(maildir.resolve("cur"))) {
            cur = files.sorted().toList();
        }
        assertEquals(2, cur.size());
        assertTrue(cur.get(0).getFileName().toString().endsWith(":2,S"), cur.toString());
        assertEquals("Subject: one\n\nFrom the start\n>From quoted\n", Files.readString(cur.get(0)));
        assertEquals("Subject: two\n\nbody\n", Files.readString(cur.get(1)));
        assertTrue(Files.isDirectory(maildir.resolve("new")) && Files.isDirectory(maildir.resolve("tmp")));
        // Written once: a second call finds it complete and leaves it.
        Files.writeString(cur.get(1), "touched");
        assertEquals(2, Maildirs.write(mbox, maildir));
        assertEquals("touched", Files.readString(cur.get(1)));
        // A changed archive is written again.
        Files.writeString(mbox, "From a@x Mon Nov  2 10:00:00 2026\nSubject: only\n\nx\n");
        assertEquals(1, Maildirs.write(mbox, maildir));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"mairix", "notmuch", "mu", "public-inbox"})
    void eachPeerIndexesAndAnswersOnTheSameArchive(String name) throws Exception {
        Peer peer = Peers.select(name).get(0);
        Required.that(peer.installed(), name + " not installed (apt-get install "
                + (name.equals("mu") ? "maildir-utils" : name) + ")");
        Path mbox = tmp.resolve("archive.mbox");
        try (OutputStream out = Files.newOutputStream(mbox)) {
            ArchiveGenerator.write(300, 1, out);
        }
        Peer.Archive archive = new Peer.Archive(mbox, tmp.resolve("maildir"), Maildirs.write(mbox, tmp.resolve("maildir")));
        assertEquals(300, archive.messages());
        Path dir = tmp.resolve(name);
        PeerIndex r = peer.index(archive, dir);
        assertTrue(r.measured(), r.toString());
        assertEquals(300, r.messages());
        assertTrue(r.seconds() > 0 && r.messagesPerSecond() > 0, r.toString());
        assertTrue(r.indexBytes() > 0 && r.peakRssBytes() > 0, r.toString());
        assertTrue(peer.indexed(dir));
        assertTrue(!peer.indexed(tmp.resolve("elsewhere")));
        try (Peer.Queries q = peer.queries(dir)) {
            for (SharedQuery s : SharedQuery.ALL) assertTrue(q.millis(s) > 0, s.lore());
        }
    }
}
