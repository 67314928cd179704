package org.patchlane.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.thread.Post;
import org.patchlane.thread.SeriesUpdate;

/** Messages per UTC day over the archive's last days, for the status page. */
class MessagesPerDayTest {
    @TempDir
    Path data;

    private Searcher archive(TestMessage... mails) throws Exception {
        try (Archive archive = Archive.open(data)) {
            List<Post> posts = new ArrayList<>();
            for (TestMessage m : mails) {
                archive.add(m.build());
                posts.add(m.build().post());
            }
            SeriesUpdate.apply(posts, archive.posts(), archive::replaceSeries);
            archive.commit(Map.of());
        }
        return Searcher.open(data);
    }

    @Test
    void theWindowEndsOnTheNewestMailAndKeepsToTheArchive() throws Exception {
        try (Searcher s = archive(
                TestMessage.mail("a@x").date("2026-03-01T23:59:59Z"),
                TestMessage.mail("b@x").date("2026-06-08T00:00:00Z"),
                TestMessage.mail("c@x").date("2026-06-08T23:59:59.999Z"),
                TestMessage.mail("d@x").date("2026-07-28T12:00:00Z"),
                TestMessage.mail("undated@x").date(null))) {
            DailyCounts ninety = s.messagesPerDay(90);
            assertEquals(LocalDate.of(2026, 4, 30), ninety.first(), "90 days ending on the newest mail's day");
            assertEquals(LocalDate.of(2026, 7, 28), ninety.last());
            assertEquals(90, ninety.counts().size());
            assertEquals(3, ninety.total(), "March is outside; undated mail is never counted");
            assertEquals(2L, ninety.counts().get(39), "both ends of 8 June are 8 June (UTC)");
            assertEquals(1L, ninety.counts().get(89));

            DailyCounts all = s.messagesPerDay(1000);
            assertEquals(LocalDate.of(2026, 3, 1), all.first(), "no earlier than the oldest mail");
            assertEquals(4, all.total());
            assertEquals(1L, all.counts().get(0));

            DailyCounts one = s.messagesPerDay(1);
            assertEquals(List.of(1L), one.counts());
            assertThrows(IllegalArgumentException.class, () -> s.messagesPerDay(0));
        }
    }

    @Test
    void anArchiveWithoutDatedMailHasNoDays() throws Exception {
        try (Searcher s = archive(TestMessage.mail("undated@x").date(null))) {
            DailyCounts none = s.messagesPerDay(90);
            assertNull(none.first());
            assertTrue(none.counts().isEmpty());
            assertEquals(Collections.emptyList(), none.counts());
        }
    }
}
