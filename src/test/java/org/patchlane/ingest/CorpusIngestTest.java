package org.patchlane.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchlane.SharedData;
import org.patchlane.mail.MailParser;
import org.patchlane.patch.MessageKind;
import org.patchlane.patch.PatchAnalyzer;
import org.patchlane.source.MailSource;
import org.patchlane.source.RawMessage;
import org.patchlane.source.Sources;
import org.patchlane.store.Archive;
import org.patchlane.store.Searcher;
import org.patchlane.store.Stats;

/** Every file of the real corpus in ../shared ingests; nothing is lost; verdicts match what the mails show. */
class CorpusIngestTest {
    @TempDir
    Path tmp;

    /**
     * Each corpus folder ingests without an exception escaping, and every message in it is stored: as many as a
     * plain count of the folder finds ({@link PlainCount}, which shares no code with the sources), less
     * byte-identical copies.
     */
    @ParameterizedTest
    @ValueSource(strings = {"patchwork", "b4", "git-t5100", "notmuch", "public-inbox",
            "lore-linux-watchdog/samples"})
    void everyMessageOfTheFolderIsStored(String folder) throws IOException {
        Path corpus = SharedData.require("corpus/" + folder);
        long expected = PlainCount.messages(corpus);
        IngestCounts c = ingest(corpus);
        assertEquals(expected, c.messages(), "messages read = messages in the folder, counted plainly");
        assertEquals(expected - c.unchanged(), stats().messages(), "stored documents = messages in the folder, "
                + "less byte-identical copies (" + c.unchanged() + ")");
    }

    /** The complete real list archive: 16,365 messages per the corpus README, all stored, none twice. */
    @Test
    void loreWatchdogArchiveIsStoredCompletely() throws IOException {
        Path archive = SharedData.require("corpus/lore-linux-watchdog/archive");
        IngestCounts c = ingest(archive);
        assertEquals(16_365, c.messages());
        Stats s = stats();
        assertEquals(16_365, s.messages());
        assertEquals(0, c.unchanged());
        assertTrue(s.pulls() >= 55, "about 62 pull requests: " + s.pulls());
        assertTrue(s.covers() >= 650, "about 730 cover letters: " + s.covers());
    }

    /** patchwork's fixtures: the verdict each mail shows to a reader. */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "0001-git-pull-request.mbox, PULL",
            "0002-git-pull-request-wrapped.mbox, PULL",
            "0003-git-pull-request-with-diff.mbox, PULL",
            "0005-git-pull-request-ssh.mbox, PULL",
            "0007-cvs-format-diff.mbox, PATCH",
            "0008-git-rename.mbox, PATCH",
            "0009-git-rename-with-diff.mbox, PATCH",
            "0010-invalid-charset.mbox, PATCH",
            "0011-no-newline-at-end-of-file.mbox, PATCH",
            "0013-with-utf8-body.mbox, PATCH",
            "0014-with-unencoded-utf8-headers.mbox, PATCH",
            "0016-no-subject.mbox, PATCH",
            "0017-git-pull-request-git-2-14-3.mbox, PULL",
            "0019-multipart-patch.mbox, PATCH",
            "0020-multipart-comment.mbox, REPLY",
            "0021-git-empty-new-file.mbox, PATCH",
            "0022-git-mode-change.mbox, PATCH",
            "0024-git-pull-request-trailing-space.mbox, PULL",
            "0025-git-add-binary-file.mbox, PATCH",
            "0027-git-modify-binary-file.mbox, PATCH"})
    void patchworkMailVerdict(String file, MessageKind expected) throws IOException {
        Path mbox = SharedData.require("corpus/patchwork/mail/" + file);
        try (MailSource source = Sources.open(mbox, key -> null)) {
            RawMessage m = source.next();
            assertEquals(expected, PatchAnalyzer.analyze(MailParser.parse(m.bytes(), m.envelopeDate(),
                    m.truncated())).kind());
        }
    }

    /** patchwork's series fixtures: each mail with "[PATCH 0/N]" is a cover, with "k/N" (k>0) a patch. */
    @Test
    void patchworkSeriesVerdicts() throws IOException {
        Path series = SharedData.require("corpus/patchwork/series");
        List<Path> files;
        try (Stream<Path> s = Files.list(series)) {
            files = s.filter(p -> p.toString().endsWith(".mbox")).sorted().toList();
        }
        int checked = 0;
        for (Path f : files) {
            try (MailSource source = Sources.open(f, key -> null)) {
                for (RawMessage m; (m = source.next()) != null; ) {
                    var mail = MailParser.parse(m.bytes(), m.envelopeDate(), m.truncated());
                    var a = PatchAnalyzer.analyze(mail);
                    if (a.tags().reply()) {
                        assertEquals(MessageKind.REPLY, a.kind(), f + ": " + mail.subject());
                    } else if (a.tags().index() == 0) {
                        assertEquals(MessageKind.COVER, a.kind(), f + ": " + mail.subject());
                    } else if (a.diff() != null) {
                        assertEquals(MessageKind.PATCH, a.kind(), f + ": " + mail.subject());
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked > 50, "series mails checked: " + checked);
    }

    private IngestCounts ingest(Path path) throws IOException {
        try (Archive archive = Archive.open(tmp.resolve("data"))) {
            return new Ingester(archive, null, Progress.NONE).run(List.of(path));
        }
    }

    private Stats stats() throws IOException {
        try (Searcher s = Searcher.open(tmp.resolve("data"))) {
            return s.stats();
        }
    }
}
