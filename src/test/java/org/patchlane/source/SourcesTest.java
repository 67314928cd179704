package org.patchlane.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlane.source.SourceTesting.drain;
import static org.patchlane.source.SourceTesting.fixture;
import static org.patchlane.source.SourceTesting.gzip;
import static org.patchlane.source.SourceTesting.texts;
import static org.patchlane.source.SourceTesting.write;

class SourcesTest {
    @TempDir
    Path tmp;

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("", MailFormat.EMPTY),
                Arguments.of(" \n\t\r\n", MailFormat.EMPTY),
                Arguments.of("From a Sat Aug 27 23:07:49 2005\nSubject: x\n", MailFormat.MBOX),
                Arguments.of("\n  \nFrom nobody Mon Sep 17 00:00:00 2001\n", MailFormat.MBOX),
                Arguments.of("From someone-without-date\nSubject: x\n", MailFormat.MBOX),
                Arguments.of("From the beginning, mbox should have been mboxrd\n>From escaped\n", MailFormat.NOT_MAIL),
                Arguments.of("Return-Path: <a@example.org>\nFrom: a\n", MailFormat.MESSAGE),
                Arguments.of("X-Mailer: x\r\n", MailFormat.MESSAGE),
                Arguments.of(" >From unchanged\n", MailFormat.NOT_MAIL),
                Arguments.of("diff --git a/x b/x\n", MailFormat.NOT_MAIL),
                Arguments.of("# README\n", MailFormat.NOT_MAIL),
                Arguments.of("Not a header : spaces before the colon\n", MailFormat.NOT_MAIL));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void sniffsByContent(String head, MailFormat expected) throws IOException {
        assertEquals(expected, MailFormat.of(write(tmp.resolve("f"), head)));
        Path gz = Files.write(tmp.resolve("f.gz"), gzip(head.getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(expected, MailFormat.of(gz), "gzip of the same");
    }

    @Test
    void openPicksTheReaderByContent() throws IOException {
        assertInstanceOf(MboxSource.class, Sources.open(fixture("series.mbox"), k -> null));
        assertInstanceOf(MessageFileSource.class, Sources.open(fixture("single.eml"), k -> null));
        Path mboxNamedEml = Files.copy(fixture("crlf.mbox"), tmp.resolve("looks-single.eml"));
        assertEquals(2, drain(Sources.open(mboxNamedEml, k -> null)).size());
        Path gzEml = Files.write(tmp.resolve("one.gz"), gzip(Files.readAllBytes(fixture("single.eml"))));
        List<RawMessage> one = drain(Sources.open(gzEml, k -> null));
        assertEquals(Files.readString(fixture("single.eml")), texts(one).get(0));
        assertEquals(List.of(), drain(Sources.open(Files.createFile(tmp.resolve("empty")), k -> null)));
    }

    @Test
    void singleFileIsDoneOnceItsPositionIsCommitted() throws IOException {
        Path eml = Files.copy(fixture("single.eml"), tmp.resolve("a.eml"));
        List<RawMessage> first = drain(Sources.open(eml, k -> null));
        assertEquals(1, first.size());
        Cursor after = first.get(0).after();
        assertEquals("file:" + eml.toRealPath(), after.sourceKey());
        assertEquals(Files.size(eml), ResumePosition.offset(after.position()));
        assertEquals(List.of(), drain(Sources.open(eml, k -> k.equals(after.sourceKey()) ? after.position() : null)));
        Files.writeString(eml, "X-Edited: yes\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(1, drain(Sources.open(eml, k -> after.position())).size(), "a changed file is read again");
    }

    @Test
    void refusesMissingAndNonMailPaths() throws IOException {
        SourceException missing = assertThrows(SourceException.class,
                () -> Sources.open(tmp.resolve("nope.mbox"), k -> null));
        assertEquals(SourceException.Reason.MISSING, missing.reason());
        assertEquals(tmp.resolve("nope.mbox"), missing.path());
        Path readme = write(tmp.resolve("README"), "# Patches welcome\n");
        assertEquals(SourceException.Reason.NOT_MAIL,
                assertThrows(SourceException.class, () -> Sources.open(readme, k -> null)).reason());
    }

    @Test
    void refusesUnreadableFile() throws IOException {
        Path secret = Files.copy(fixture("single.eml"), tmp.resolve("secret.eml"));
        assertTrue(secret.toFile().setReadable(false, false));
        org.junit.jupiter.api.Assumptions.assumeTrue(!Files.isReadable(secret), "running as root: cannot test");
        assertEquals(SourceException.Reason.UNREADABLE,
                assertThrows(SourceException.class, () -> Sources.open(secret, k -> null)).reason());
    }

    /** A tree with a Maildir (with a subfolder), mbox files (one gzip), loose mails and non-mail files. */
    private Path mixedTree() throws IOException {
        Path root = tmp.resolve("lists");
        write(root.resolve("a-loose.eml"), "Subject: loose a\n\na\n");
        Files.createDirectories(root.resolve("b-archive"));
        Files.copy(fixture("series.mbox"), root.resolve("b-archive/2025.mbox"));
        Files.write(root.resolve("b-archive/2026.mbox.gz"), gzip(Files.readAllBytes(fixture("crlf.mbox"))));
        write(root.resolve("b-archive/notes.txt"), "Remember to ping the maintainers.\n");
        write(root.resolve("c-maildir/cur/1700000001.x:2,S"), "Subject: md one\n\n1\n");
        write(root.resolve("c-maildir/new/1700000002.x"), "Subject: md two\n\n2\n");
        write(root.resolve("c-maildir/sub/cur/1700000003.x:2,"), "Subject: md sub\n\n3\n");
        write(root.resolve("c-maildir/d-stray.eml"), "Subject: stray in maildir\n\ns\n");
        write(root.resolve("d/e/deep.eml"), "Subject: deep\n\nd\n");
        write(root.resolve(".git/config"), "[core]\n");
        write(root.resolve(".hidden.eml"), "Subject: hidden\n\nh\n");
        Files.createFile(root.resolve("empty.eml"));
        write(root.resolve("z-patch.diff"), "diff --git a/x b/x\n");
        return root;
    }

    private static List<String> subjects(List<RawMessage> messages) {
        List<String> out = new ArrayList<>();
        for (String t : texts(messages)) {
            int s = t.indexOf("Subject: ");
            out.add(t.substring(s + 9, t.indexOf('\n', s)).trim());
        }
        return out;
    }

    @Test
    void directoryWalkIsRecursiveSortedAndTyped() throws IOException {
        Path root = mixedTree();
        List<RawMessage> all = drain(Sources.open(root, k -> null));
        assertEquals(List.of("loose a",
                "[PATCH v2 0/2] watchdog: frobnicator: tidy the timeout path",
                "[PATCH v2 1/2] watchdog: frobnicator: clamp the timeout",
                "[PATCH v2 2/2] watchdog: frobnicator: drop the unused ping lock",
                "Re: [PATCH v2 1/2] watchdog: frobnicator: clamp the timeout",
                "crlf one", "crlf two",
                "md one", "md two", "stray in maildir", "md sub", "deep"), subjects(all));
        Path real = root.toRealPath();
        assertEquals("dir:" + real, all.get(0).after().sourceKey());
        assertEquals("a-loose.eml", all.get(0).after().position());
        assertEquals("mbox:" + real.resolve("b-archive/2025.mbox"), all.get(1).after().sourceKey());
        assertEquals("mbox:" + real.resolve("b-archive/2026.mbox.gz"), all.get(5).after().sourceKey());
        assertEquals("maildir:" + real.resolve("c-maildir"), all.get(7).after().sourceKey());
        assertEquals("c-maildir/d-stray.eml", all.get(9).after().position());
        assertEquals("maildir:" + real.resolve("c-maildir/sub"), all.get(10).after().sourceKey());
        assertEquals("d/e/deep.eml", all.get(11).after().position());
    }

    @Test
    void directoryResumesFromEveryMessageWithoutGapOrDuplicate() throws IOException {
        Path root = mixedTree();
        List<RawMessage> all = drain(Sources.open(root, k -> null));
        for (int i = 0; i < all.size(); i++) {
            Map<String, String> committed = new HashMap<>();
            for (RawMessage m : all.subList(0, i + 1)) {
                committed.put(m.after().sourceKey(), m.after().position());
            }
            List<RawMessage> rest = drain(Sources.open(root, committed::get));
            assertEquals(subjects(all.subList(i + 1, all.size())), subjects(rest), "resume after " + i);
        }
    }

    @Test
    void directoryProgressEndsAtTotal() throws IOException {
        Path root = mixedTree();
        try (MailSource source = Sources.open(root, k -> null)) {
            long total = source.totalBytes();
            assertTrue(total > 0);
            long last = 0;
            while (source.next() != null) {
                assertTrue(source.bytesRead() >= last && source.bytesRead() <= total);
                last = source.bytesRead();
            }
            assertEquals(total, source.bytesRead());
        }
    }

    @Test
    void aPureMaildirOpensAsMaildir() throws IOException {
        write(tmp.resolve("md/cur/1.x:2,S"), "Subject: m\n\nm\n");
        Files.createDirectories(tmp.resolve("md/tmp"));
        assertInstanceOf(MaildirSource.class, Sources.open(tmp.resolve("md"), k -> null));
    }
}
