package org.patchlane.source;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlane.source.SourceTesting.drain;
import static org.patchlane.source.SourceTesting.fixture;
import static org.patchlane.source.SourceTesting.texts;
import static org.patchlane.source.SourceTesting.write;

class MboxSourceTest {
    @TempDir
    Path tmp;

    /** Input mbox, expected message texts, expected truncated flags. */
    static Stream<Arguments> splits() {
        return Stream.of(
                Arguments.of("two messages",
                        "From a Sat Aug 27 23:07:49 2005\nSubject: 1\n\none\n\nFrom b Sat Aug 27 23:07:50 2005\n"
                                + "Subject: 2\n\ntwo\n\n",
                        List.of("Subject: 1\n\none\n", "Subject: 2\n\ntwo\n"), List.of(false, false)),
                Arguments.of("mboxrd unescaping loses exactly one '>'",
                        "From a Sat Aug 27 23:07:49 2005\nSubject: q\n\n>From x\n>>From y\n>>>From z\n> From w\n"
                                + ">From\n\n",
                        List.of("Subject: q\n\nFrom x\n>From y\n>>From z\n> From w\n>From\n"), List.of(false)),
                Arguments.of("mboxo: an unescaped body From after a text line is body",
                        "From a Sat Aug 27 23:07:49 2005\nSubject: o\n\ntext\nFrom here on, prose.\n\n",
                        List.of("Subject: o\n\ntext\nFrom here on, prose.\n"), List.of(false)),
                Arguments.of("after a blank line any From line separates (the mboxo ambiguity)",
                        "From a Sat Aug 27 23:07:49 2005\nSubject: 1\n\nbody\n\nFrom here on, prose.\nmore\n",
                        List.of("Subject: 1\n\nbody\n", "more\n"), List.of(false, true)),
                Arguments.of("envelope-shaped From without a blank line separates (mboxo, git mailsplit)",
                        "From a Sat Aug 27 23:07:49 2005\nSubject: 1\n\nbody\nFrom b Sat Aug 27 23:07:50 2005\n"
                                + "Subject: 2\n\nb2\n",
                        List.of("Subject: 1\n\nbody\n", "Subject: 2\n\nb2\n"), List.of(false, false)),
                Arguments.of("only one trailing blank line is the separator's",
                        "From a Sat Aug 27 23:07:49 2005\nSubject: 1\n\nbody\n\n\n\nFrom b Sat Aug 27 2005 1:00 +0000\n"
                                + "Subject: 2\n\nb2\n\n",
                        List.of("Subject: 1\n\nbody\n\n\n", "Subject: 2\n\nb2\n"), List.of(false, false)),
                Arguments.of("no final newline",
                        "From a Sat Aug 27 23:07:49 2005\nSubject: 1\n\nlast line",
                        List.of("Subject: 1\n\nlast line"), List.of(false)),
                Arguments.of("file ends inside the headers of the last message",
                        "From a Sat Aug 27 23:07:49 2005\nSubject: 1\n\nb\n\nFrom b Sat Aug 27 23:07:50 2005\n"
                                + "Subject: cut\nTo: som",
                        List.of("Subject: 1\n\nb\n", "Subject: cut\nTo: som"), List.of(false, true)),
                Arguments.of("empty file", "", List.of(), List.of()),
                Arguments.of("whitespace before the first From line is skipped",
                        "  \n\t\n\nFrom a Sat Aug 27 23:07:49 2005\nSubject: 1\n\nb\n",
                        List.of("Subject: 1\n\nb\n"), List.of(false)),
                Arguments.of("no From line at the start: one message, then normal splitting",
                        "Subject: loose\n\nbody\n\nFrom b Sat Aug 27 23:07:50 2005\nSubject: 2\n\nb2\n",
                        List.of("Subject: loose\n\nbody\n", "Subject: 2\n\nb2\n"), List.of(false, false)),
                Arguments.of("empty message between two separators",
                        "From a Sat Aug 27 23:07:49 2005\n\nFrom b Sat Aug 27 23:07:50 2005\nSubject: 2\n\nb\n",
                        List.of("", "Subject: 2\n\nb\n"), List.of(false, false)),
                Arguments.of("CRLF kept, blank CRLF line is the separator's",
                        "From a Sat Aug 27 23:07:49 2005\r\nSubject: 1\r\n\r\n>From x\r\n\r\n"
                                + "From b Sat Aug 27 23:07:50 2005\r\nSubject: 2\r\n\r\nb\r\n",
                        List.of("Subject: 1\r\n\r\nFrom x\r\n", "Subject: 2\r\n\r\nb\r\n"), List.of(false, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splits")
    void splitsAndUnescapes(String name, String mbox, List<String> expected, List<Boolean> truncated)
            throws IOException {
        Path file = write(tmp.resolve("in.mbox"), mbox);
        List<RawMessage> messages = drain(MboxSource.open(file, null));
        assertEquals(expected, texts(messages));
        List<Boolean> flags = new ArrayList<>();
        messages.forEach(m -> flags.add(m.truncated()));
        assertEquals(truncated, flags);
    }

    @Test
    void fixtureSeriesKeepsBodiesAndDates() throws IOException {
        List<RawMessage> messages = drain(MboxSource.open(fixture("series.mbox"), null));
        assertEquals(4, messages.size());
        List<String> t = texts(messages);
        assertTrue(t.get(0).contains("\nFrom v1: dropped the sysfs knob.\n"), t.get(0));
        assertTrue(t.get(1).contains("\n>From the datasheet: \"the counter wraps\".\n"
                + "From this line on the quoting"), t.get(1));
        assertTrue(t.get(3).contains("\n> >From the datasheet"), t.get(3));
        assertNull(messages.get(0).envelopeDate());
        assertEquals(Instant.parse("2025-03-04T10:11:13Z"), messages.get(1).envelopeDate());
        assertEquals(Instant.parse("2025-03-05T07:00:00Z"), messages.get(3).envelopeDate());
        assertTrue(t.get(3).endsWith("Reviewed-by: Rui Costa <reviewer@example.net>\n"), t.get(3));
        for (RawMessage m : messages) {
            assertFalse(m.truncated());
            assertTrue(m.origin().startsWith(fixture("series.mbox").toRealPath() + "@"), m.origin());
        }
    }

    @Test
    void fixtureMboxoWithoutBlankLines() throws IOException {
        List<String> t = texts(drain(MboxSource.open(fixture("mboxo-no-blank.mbox"), null)));
        assertEquals(2, t.size());
        assertTrue(t.get(0).endsWith("Body of the first patch.\n--\n2.49.0\n"), t.get(0));
        assertTrue(t.get(1).endsWith("\nSecond body.\nFrom the second patch's point of view this line is body text.\n"
                + "From an escaped body line.\n"), t.get(1));
    }

    @Test
    void fixtureCrlfKeepsBytes() throws IOException {
        List<RawMessage> messages = drain(MboxSource.open(fixture("crlf.mbox"), null));
        assertEquals(List.of("From: A <a@example.org>\r\nSubject: crlf one\r\n\r\nline one\r\nFrom escaped\r\n",
                "From: B <b@example.org>\r\nSubject: crlf two\r\n\r\nline two\r\n"), texts(messages));
        assertEquals(Instant.parse("2005-08-27T23:08:49Z"), messages.get(1).envelopeDate());
    }

    @Test
    void cursorKeyAndOffsets() throws IOException {
        Path file = fixture("series.mbox");
        byte[] all = Files.readAllBytes(file);
        List<RawMessage> messages = drain(MboxSource.open(file, null));
        for (RawMessage m : messages) {
            assertEquals("mbox:" + file.toRealPath(), m.after().sourceKey());
            long offset = ResumePosition.offset(m.after().position());
            assertTrue(offset == all.length || new String(all, (int) offset, 5, StandardCharsets.US_ASCII)
                    .equals("From "), "offset at a From line: " + offset);
        }
        assertEquals(all.length, ResumePosition.offset(messages.get(3).after().position()));
    }

    @Test
    void resumeFromEveryBoundaryYieldsExactlyTheRest() throws IOException {
        Path file = fixture("series.mbox");
        List<RawMessage> full = drain(MboxSource.open(file, null));
        for (int i = 0; i < full.size(); i++) {
            List<RawMessage> rest = drain(MboxSource.open(file, full.get(i).after().position()));
            assertEquals(texts(full.subList(i + 1, full.size())), texts(rest), "resume after message " + i);
            for (int j = 0; j < rest.size(); j++) {
                assertEquals(full.get(i + 1 + j).after(), rest.get(j).after());
            }
        }
    }

    @Test
    void positionThatNoLongerFitsRestartsFromZero() throws IOException {
        Path file = write(tmp.resolve("a.mbox"), "From a Sat Aug 27 23:07:49 2005\nSubject: 1\n\nb\n\n"
                + "From b Sat Aug 27 23:07:50 2005\nSubject: 2\n\nb\n");
        String afterFirst = drain(MboxSource.open(file, null)).get(0).after().position();
        long offset = ResumePosition.offset(afterFirst);
        List<String> cases = List.of(
                offset + ":0000000000000000",              // fingerprint mismatch: file replaced
                (offset - 3) + ":" + ResumePosition.fingerprint(afterFirst), // not at a From line
                "999999:" + ResumePosition.fingerprint(afterFirst),         // past the end
                "garbage");
        for (String position : cases) {
            assertEquals(2, drain(MboxSource.open(file, position)).size(), position);
        }
        assertEquals(1, drain(MboxSource.open(file, afterFirst)).size());
    }

    @Test
    void appendedMessagesAreFoundAfterTheEndCursor() throws IOException {
        Path file = write(tmp.resolve("grow.mbox"), "From a Sat Aug 27 23:07:49 2005\nSubject: 1\n\nb\n\n");
        String end = drain(MboxSource.open(file, null)).get(0).after().position();
        assertEquals(List.of(), drain(MboxSource.open(file, end)));
        Files.writeString(file, "From b Sat Aug 27 23:07:50 2005\nSubject: 2\n\nb\n\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of("Subject: 2\n\nb\n"), texts(drain(MboxSource.open(file, end))));
    }

    @Test
    void oversizedMessageIsCappedAndTheNextOneStillRead() throws IOException {
        Path file = tmp.resolve("big.mbox");
        byte[] line = ("x".repeat(1023) + "\n").getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            out.write("From a Sat Aug 27 23:07:49 2005\nSubject: big\n\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < (MboxSource.MAX_MESSAGE_BYTES / line.length) + 100; i++) {
                out.write(line);
            }
            out.write("\nFrom b Sat Aug 27 23:07:50 2005\nSubject: small\n\nb\n".getBytes(StandardCharsets.US_ASCII));
        }
        List<RawMessage> messages = drain(MboxSource.open(file, null));
        assertEquals(2, messages.size());
        assertEquals(MboxSource.MAX_MESSAGE_BYTES, messages.get(0).bytes().length);
        assertTrue(messages.get(0).truncated());
        assertArrayEquals("Subject: small\n\nb\n".getBytes(StandardCharsets.US_ASCII), messages.get(1).bytes());
        assertFalse(messages.get(1).truncated());
    }

    @Test
    void overlongLineIsNotASeparatorInItsContinuation() throws IOException {
        String longLine = "y".repeat(LineScanner.MAX_CHUNK - 2) + "From b Sat Aug 27 23:07:50 2005\n";
        Path file = write(tmp.resolve("long.mbox"), "From a Sat Aug 27 23:07:49 2005\nSubject: l\n\n" + longLine);
        List<String> t = texts(drain(MboxSource.open(file, null)));
        assertEquals(List.of("Subject: l\n\n" + longLine), t);
    }

    @Test
    void progressReachesTotal() throws IOException {
        Path file = fixture("series.mbox");
        try (MboxSource source = MboxSource.open(file, null)) {
            assertEquals(Files.size(file), source.totalBytes());
            assertEquals(0, source.bytesRead());
            source.next();
            assertTrue(source.bytesRead() > 0 && source.bytesRead() < source.totalBytes());
            while (source.next() != null) {
                assertTrue(source.bytesRead() <= source.totalBytes());
            }
            assertEquals(source.totalBytes(), source.bytesRead());
        }
    }
}
