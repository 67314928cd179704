package org.patchlane.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.git.TestInbox;
import org.patchlane.source.MailSource;
import org.patchlane.source.PublicInboxSource;
import org.patchlane.source.Sources;
import org.patchlane.store.Archive;

import static org.patchlane.git.TestInbox.mail;

/** public-inbox archives built with JGit: epochs, deletions, v1 layout, a cloned epoch, rewritten history. */
class PublicInboxIngestTest {
    @TempDir
    Path tmp;

    private IngestCounts ingest(Path source) throws IOException {
        try (Archive archive = Archive.open(tmp.resolve("data"))) {
            return new Ingester(archive, null, Progress.NONE).run(List.of(source));
        }
    }

    private TreeSet<String> stored() throws IOException {
        TreeSet<String> ids = new TreeSet<>();
        try (var s = org.patchlane.store.Searcher.open(tmp.resolve("data"))) {
            s.forEach(r -> ids.add(r.messageId()));
        }
        return ids;
    }

    private Map<String, String> cursors() throws IOException {
        try (Archive archive = Archive.open(tmp.resolve("data"))) {
            return archive.cursors();
        }
    }

    @Test
    void readsEpochsInOrderAppliesDeletionsAndResumesPerEpoch() throws IOException {
        Path inbox = tmp.resolve("inbox");
        try (TestInbox e0 = TestInbox.create(inbox.resolve("git/0.git"));
             TestInbox e1 = TestInbox.create(inbox.resolve("git/1.git"))) {
            e0.message(mail("a@x", "a"));
            e0.message(mail("b@x", "b"));
            String c = e0.message(mail("c@x", "c"));
            e1.message(mail("d@x", "d"));
            e1.deletion(mail("b@x", "b"));
            String e = e1.message(mail("e@x", "e"));

            IngestCounts first = ingest(inbox);
            assertEquals(1, first.removed());
            assertEquals(new TreeSet<>(List.of("a@x", "c@x", "d@x", "e@x")), stored());
            String real = inbox.toRealPath().toString();
            assertEquals(Map.of("publicinbox:" + real + "/git/0.git", c, "publicinbox:" + real + "/git/1.git", e),
                    cursors());

            e1.message(mail("f@x", "f"));
            e1.message(mail("b@x", "b"));
            IngestCounts second = ingest(inbox);
            assertEquals(2, second.messages(), "only the new commits are read");
            assertEquals(2, second.added(), "a message deleted earlier can come back");
            assertEquals(new TreeSet<>(List.of("a@x", "b@x", "c@x", "d@x", "e@x", "f@x")), stored());

            e1.deletion(mail("f@x", "f"));
            e1.message(mail("f@x", "f"));
            e1.deletion(mail("a@x", "a"));
            IngestCounts third = ingest(inbox);
            assertEquals(2, third.removed());
            assertEquals(new TreeSet<>(List.of("b@x", "c@x", "d@x", "e@x", "f@x")), stored(),
                    "a deletion and a re-add in one batch apply in commit order");
        }
    }

    @Test
    void readsAV1RepositoryAsDiffsBetweenCommits() throws IOException {
        Path repo = tmp.resolve("v1.git");
        try (TestInbox v1 = TestInbox.create(repo)) {
            v1.add("0a/aaaa", mail("a@x", "a"));
            v1.add("0b/bbbb", mail("b@x", "b"));
            v1.remove("0b/bbbb");
            v1.add("0c/cccc", mail("c@x", "c"));
        }
        IngestCounts counts = ingest(repo);
        assertEquals(1, counts.removed());
        assertEquals(new TreeSet<>(List.of("a@x", "c@x")), stored());
    }

    @Test
    void aClonedEpochWorkingTreeIsAnInbox() throws IOException {
        Path clone = tmp.resolve("linux-watchdog");
        try (TestInbox epoch = TestInbox.create(clone.resolve(".git"))) {
            epoch.message(mail("a@x", "a"));
        }
        try (MailSource s = Sources.open(clone, key -> null)) {
            assertInstanceOf(PublicInboxSource.class, s);
        }
        assertEquals(1, ingest(clone).added());
    }

    @Test
    void rewrittenHistoryIsReadAgainWithoutDuplicates() throws IOException {
        Path inbox = tmp.resolve("inbox");
        try (TestInbox e0 = TestInbox.create(inbox.resolve("git/0.git"))) {
            String a = e0.message(mail("a@x", "a"));
            e0.message(mail("b@x", "b"));
            ingest(inbox);
            e0.reset(a);
            e0.message(mail("c@x", "c"));
            IngestCounts again = ingest(inbox);
            assertEquals(2, again.messages(), "the cursor's commit is gone: the epoch is read from its start");
            assertEquals(1, again.unchanged());
            assertEquals(1, again.added());
        }
        assertEquals(new TreeSet<>(List.of("a@x", "b@x", "c@x")), stored());
    }
}
