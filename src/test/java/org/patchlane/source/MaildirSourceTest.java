package org.patchlane.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlane.source.SourceTesting.drain;
import static org.patchlane.source.SourceTesting.texts;
import static org.patchlane.source.SourceTesting.write;

class MaildirSourceTest {
    @TempDir
    Path maildir;

    @BeforeEach
    void deliver() throws IOException {
        write(maildir.resolve("cur/1700000002.M2P1.host:2,S"), "Subject: two\n\n2\n");
        write(maildir.resolve("new/1700000003.M3P1.host"), "Subject: three\n\n3\n");
        write(maildir.resolve("cur/1700000001.M1P1.host:2,RS"), "Subject: one\n\n1\n");
        write(maildir.resolve("tmp/1700000000.M0P1.host"), "Subject: being delivered\n\n0\n");
        write(maildir.resolve("cur/.hidden"), "Subject: hidden\n\nh\n");
    }

    static Stream<Arguments> baseNames() {
        return Stream.of(
                Arguments.of("1700000001.M1P1.host:2,RS", "1700000001.M1P1.host"),
                Arguments.of("1700000001.M1P1.host:2,", "1700000001.M1P1.host"),
                Arguments.of("1700000001.M1P1.host!2,S", "1700000001.M1P1.host"),
                Arguments.of("1700000001.M1P1.host", "1700000001.M1P1.host"),
                Arguments.of("04:2,", "04"),
                Arguments.of("odd:name:2,F", "odd:name"));
    }

    @ParameterizedTest
    @MethodSource("baseNames")
    void baseNameDropsTheFlags(String fileName, String base) {
        assertEquals(base, MaildirSource.baseName(fileName));
    }

    @Test
    void readsCurAndNewByBaseNameIgnoringTmpAndDotFiles() throws IOException {
        List<RawMessage> messages = drain(MaildirSource.open(maildir, null));
        assertEquals(List.of("Subject: one\n\n1\n", "Subject: two\n\n2\n", "Subject: three\n\n3\n"), texts(messages));
        assertEquals("maildir:" + maildir.toRealPath(), messages.get(0).after().sourceKey());
        assertEquals("1700000001.M1P1.host", messages.get(0).after().position());
        assertNull(messages.get(0).envelopeDate());
    }

    @Test
    void resumeSkipsNamesUpToThePosition() throws IOException {
        List<RawMessage> full = drain(MaildirSource.open(maildir, null));
        for (int i = 0; i < full.size(); i++) {
            assertEquals(texts(full.subList(i + 1, full.size())),
                    texts(drain(MaildirSource.open(maildir, full.get(i).after().position()))));
        }
    }

    @Test
    void messageMovedFromNewToCurWithFlagsKeepsItsPlace() throws IOException {
        String afterTwo = drain(MaildirSource.open(maildir, null)).get(1).after().position();
        Files.move(maildir.resolve("new/1700000003.M3P1.host"), maildir.resolve("cur/1700000003.M3P1.host:2,S"));
        assertEquals(List.of("Subject: three\n\n3\n"), texts(drain(MaildirSource.open(maildir, afterTwo))));
    }

    @Test
    void moveBetweenListingAndReadingIsFollowed() throws IOException {
        try (MaildirSource source = MaildirSource.open(maildir, null)) {
            Files.move(maildir.resolve("new/1700000003.M3P1.host"), maildir.resolve("cur/1700000003.M3P1.host:2,S"));
            Files.delete(maildir.resolve("cur/1700000002.M2P1.host:2,S"));
            List<String> got = new ArrayList<>();
            for (RawMessage m = source.next(); m != null; m = source.next()) {
                got.add(new String(m.bytes()));
            }
            assertEquals(List.of("Subject: one\n\n1\n", "Subject: three\n\n3\n"), got);
            assertEquals(source.totalBytes(), source.bytesRead());
        }
    }

    @Test
    void mailWithALowerNameThanTheCursorNeedsARescan() throws IOException {
        String last = drain(MaildirSource.open(maildir, null)).get(2).after().position();
        write(maildir.resolve("new/1600000000.M9P1.host"), "Subject: late but old\n\nx\n");
        assertEquals(List.of(), drain(MaildirSource.open(maildir, last)));
        assertTrue(texts(drain(MaildirSource.open(maildir, null))).contains("Subject: late but old\n\nx\n"));
    }

    @Test
    void progressCountsSkippedFiles() throws IOException {
        List<RawMessage> full = drain(MaildirSource.open(maildir, null));
        try (MaildirSource source = MaildirSource.open(maildir, full.get(0).after().position())) {
            assertEquals(16, source.bytesRead());
            assertEquals(16 + 16 + 18, source.totalBytes());
        }
    }
}
