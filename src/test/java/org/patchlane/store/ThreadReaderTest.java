package org.patchlane.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchlane.patch.MessageKind;
import org.patchlane.thread.Post;
import org.patchlane.thread.SeriesUpdate;

/** {@link Searcher#thread}: the References/In-Reply-To closure of a message, every copy, by date. */
class ThreadReaderTest {
    @TempDir
    static Path data;
    private static Searcher searcher;

    @BeforeAll
    static void fill() throws Exception {
        List<TestMessage> mails = List.of(
                mail("root", "2026-11-02T10:00:00Z").list("linux-rdma"),
                // the same Message-ID cross-posted: a second copy, other bytes
                mail("root", "2026-11-02T10:00:00Z").list("netdev").raw("Message-ID: <root@x>\nSubject: netdev copy\n\nx\n"),
                mail("b", "2026-11-02T11:00:00Z").inReplyTo("root@x"),
                // answers b only: its References skip the root
                mail("c", "2026-11-02T09:30:00Z").inReplyTo("b@x"),
                // children of a message the archive never received
                mail("d", "2026-11-03T10:00:00Z").inReplyTo("root@x").inReplyTo("phantom@x"),
                mail("e", "2026-11-03T11:00:00Z").inReplyTo("phantom@x"),
                mail("other", "2026-11-02T10:30:00Z"),
                mail("other-reply", "2026-11-02T12:00:00Z").inReplyTo("other@x"));
        try (Archive archive = Archive.open(data)) {
            List<Post> posts = new ArrayList<>();
            for (TestMessage m : mails) {
                archive.add(m.build());
                posts.add(m.build().post());
            }
            SeriesUpdate.apply(posts, archive.posts(), archive::replaceSeries);
            archive.commit(Map.of());
        }
        searcher = Searcher.open(data);
    }

    private static TestMessage mail(String id, String date) {
        return TestMessage.mail(id + "@x").kind(MessageKind.REPLY).subject("Re: " + id).date(date)
                .from("Someone", "someone@example.org");
    }

    @AfterAll
    static void close() throws Exception {
        searcher.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // asked for | the thread's copies by date (list after '/')
            "root@x        | c, root/linux-rdma, root/netdev, b, d, e",
            "<c@x>         | c, root/linux-rdma, root/netdev, b, d, e",
            "e@x           | c, root/linux-rdma, root/netdev, b, d, e",
            "other-reply@x | other, other-reply",
            "phantom@x     | ''",
            "unknown@x     | ''",
    })
    void thread(String asked, String expected) throws Exception {
        List<String> got = new ArrayList<>();
        for (StoredRecord r : searcher.thread(asked)) {
            String id = r.messageId().replace("@x", "");
            got.add(id.equals("root") ? id + "/" + r.list() : id);
        }
        assertEquals(expected.isEmpty() ? "" : expected, String.join(", ", got));
    }

    /** One walk: the lore thread and the thread page's hold the same messages, from whichever message asked. */
    @ParameterizedTest
    @CsvSource({"root@x", "b@x", "c@x", "d@x", "e@x", "other@x", "other-reply@x"})
    void theLoreThreadIsTheThreadPagesThread(String asked) throws Exception {
        java.util.Set<String> lore = new java.util.TreeSet<>();
        for (StoredRecord r : searcher.thread(asked)) lore.add(r.messageId());
        java.util.Set<String> page = new java.util.TreeSet<>();
        for (var e : searcher.conversation(asked).entries()) if (!e.missing()) page.add(e.messageId());
        assertEquals(page, lore);
        assertTrue(lore.contains(asked));
    }

    @ParameterizedTest
    @CsvSource({"root@x", "b@x"})
    void everyRecordCarriesItsRawBytes(String asked) throws Exception {
        for (StoredRecord r : searcher.thread(asked)) assertTrue(r.raw().length > 0, r.messageId());
    }
}
