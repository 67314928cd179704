package org.patchlane.bench;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchiveGeneratorTest {

    private static byte[] generate(long n, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ArchiveGenerator.write(n, seed, out);
        return out.toByteArray();
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void sameSeedGivesIdenticalBytes() throws Exception {
        assertEquals(sha256(generate(3000, 42)), sha256(generate(3000, 42)));
    }

    @Test
    void differentSeedGivesDifferentBytes() throws Exception {
        assertNotEquals(sha256(generate(3000, 42)), sha256(generate(3000, 43)));
    }

    @Test
    void anOddCountIsExactToo() throws Exception {
        // the count is exact whatever thread shape is cut short at the end
        assertEquals(999, MboxFixture.split(generate(999, 42)).size());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 7, 100, 2500})
    void writesExactlyTheRequestedNumberOfMessages(long n) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeneratorStats stats = ArchiveGenerator.write(n, 7, out);
        byte[] mbox = out.toByteArray();
        long separators = 0;
        for (int i = 0; i < mbox.length; i++) {
            if ((i == 0 || mbox[i - 1] == '\n') && startsWith(mbox, i, "From ")) {
                separators++;
            }
        }
        assertEquals(n, separators);
        assertEquals(n, stats.messages());
        assertEquals(mbox.length, stats.bytes());
        assertEquals(n, stats.covers() + stats.patches() + stats.replies() + stats.pulls() + stats.other());
    }

    @Test
    void rejectsANegativeCount() {
        assertThrows(IllegalArgumentException.class, () -> ArchiveGenerator.write(-1, 1, OutputStream.nullOutputStream()));
    }

    @Test
    void everyMessageParsesAndTheStatsTellTheTruth() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeneratorStats stats = ArchiveGenerator.write(6000, 11, out);
        List<MboxFixture.Entry> entries = MboxFixture.split(out.toByteArray());
        assertEquals(6000, entries.size());
        Set<String> ids = new HashSet<>();
        long noId = 0;
        long covers = 0;
        long pulls = 0;
        long previous = Long.MIN_VALUE;
        DiffCheck diffs = new DiffCheck();
        for (MboxFixture.Entry e : entries) {
            assertTrue(e.separator().matches("From \\S+@\\S+ \\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}"),
                    e.separator());
            MimeMessage m = e.parse();
            assertNotNull(m.getHeader("From", null), e.separator());
            assertNotNull(m.getHeader("List-Id", null), e.separator());
            assertNotNull(m.getSentDate(), e.separator());
            assertTrue(m.getSentDate().getTime() >= previous, "archive is in date order");
            previous = m.getSentDate().getTime();
            String subject = m.getSubject();
            assertNotNull(subject);
            String id = m.getMessageID();
            if (id == null) {
                noId++;
            } else {
                assertTrue(ids.add(id), "duplicate Message-ID " + id);
            }
            if (!subject.startsWith("Re:") && subject.matches(".*\\[[^]]*PATCH[^]]* 0/\\d+\\].*")) {
                covers++;
            }
            if (subject.startsWith("[GIT PULL") || subject.startsWith("[PULL]")) {
                pulls++;
            }
            List<String> texts = MboxFixture.texts(m);
            assertTrue(!texts.isEmpty(), "no text part in " + id);
            for (String t : texts) {
                diffs.check(t, String.valueOf(id));
            }
        }
        assertEquals(stats.noMessageId(), noId);
        assertEquals(stats.covers(), covers);
        assertEquals(stats.pulls(), pulls);
        assertTrue(diffs.hunks > stats.patches(), "every patch has at least one hunk");
        assertEquals(List.of(), diffs.problems);
    }

    @Test
    void bodyLinesStartingWithFromAreEscaped() throws Exception {
        String mbox = new String(generate(4000, 5), StandardCharsets.ISO_8859_1);
        assertTrue(mbox.contains("\n>From the trace above, "), "a From line in a body is written >From");
        assertTrue(mbox.contains("\n>>From the log it is"), "a >From line in a body is written >>From");
        assertTrue(!mbox.contains("\nFrom the trace"), "no unescaped From line inside a message");
    }

    @Test
    void mimeQuirksAllOccur() throws Exception {
        String mbox = new String(generate(6000, 3), StandardCharsets.ISO_8859_1);
        for (String quirk : List.of("Content-Transfer-Encoding: quoted-printable", "Content-Transfer-Encoding: base64",
                "charset=iso-8859-1", "charset=x-unknown", "Content-Type: text/html", "multipart/alternative",
                "Content-Type: text/x-patch", "=?UTF-8?B?", "=?ISO-8859-1?Q?", "NACK\n", "# for the ",
                "> Reviewed-by: ", "For patches 1-", "prerequisite-message-id: <", "Co-developed-by: ",
                "Fixes: ", "change-id: ", "EXPORT_SYMBOL_GPL(", "for you to fetch changes up to ",
                "List-Id: <netdev.vger.kernel.org>", "List-Id: <linux-mm.kvack.org>", "@xxxxxxx")) {
            assertTrue(mbox.contains(quirk), "missing " + quirk);
        }
    }

    @Test
    void printsGenerationSpeed() throws Exception {
        CountingSink sink = new CountingSink();
        long t0 = System.nanoTime();
        GeneratorStats stats = ArchiveGenerator.write(50_000, 1, sink);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("ArchiveGenerator: %s in %.2f s (%.0f msgs/s, %.1f MB/s, mean %.0f bytes)%n",
                stats, secs, stats.messages() / secs, sink.count / secs / 1e6,
                (double) sink.count / stats.messages());
        assertEquals(sink.count, stats.bytes());
    }

    private static boolean startsWith(byte[] b, int at, String s) {
        if (at + s.length() > b.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[at + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Counts bytes and drops them, so the speed test measures generation and not memory. */
    private static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
