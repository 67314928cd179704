package org.patchlane.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchlane.source.SourceTesting.drain;
import static org.patchlane.source.SourceTesting.fixture;
import static org.patchlane.source.SourceTesting.gzip;
import static org.patchlane.source.SourceTesting.texts;

class GzipMboxTest {
    @TempDir
    Path tmp;

    private List<String> plain() throws IOException {
        return texts(drain(MboxSource.open(fixture("series.mbox"), null)));
    }

    @Test
    void singleMemberGzipDetectedByContentNotName() throws IOException {
        Path gz = Files.write(tmp.resolve("archive.mbox"), gzip(Files.readAllBytes(fixture("series.mbox"))));
        assertTrue(Sources.isGzip(gz));
        assertEquals(plain(), texts(drain(MboxSource.open(gz, null))));
    }

    @Test
    void multiMemberGzipReadsEveryMember() throws IOException {
        byte[] all = Files.readAllBytes(fixture("series.mbox"));
        int cut = indexOf(all, "From ana@example.org Tue Mar  4 10:11:14");
        ByteArrayOutputStream twoMembers = new ByteArrayOutputStream();
        twoMembers.write(gzip(Arrays.copyOfRange(all, 0, cut)));
        twoMembers.write(gzip(Arrays.copyOfRange(all, cut, all.length)));
        Path gz = Files.write(tmp.resolve("two.mbox.gz"), twoMembers.toByteArray());
        assertEquals(plain(), texts(drain(MboxSource.open(gz, null))));
    }

    @Test
    void cutGzipKeepsWhatWasReadAndFlagsTheLastMessage() throws IOException {
        byte[] whole = gzip(Files.readAllBytes(fixture("series.mbox")));
        Path gz = Files.write(tmp.resolve("cut.mbox.gz"), Arrays.copyOf(whole, whole.length - 12));
        List<RawMessage> messages = drain(MboxSource.open(gz, null));
        assertFalse(messages.isEmpty());
        for (int i = 0; i < messages.size() - 1; i++) {
            assertFalse(messages.get(i).truncated());
            assertEquals(plain().get(i), texts(messages).get(i));
        }
        assertTrue(messages.get(messages.size() - 1).truncated());
    }

    @Test
    void gzipCutInsideItsHeaderYieldsNothing() throws IOException {
        Path gz = Files.write(tmp.resolve("stub.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0});
        assertEquals(List.of(), drain(MboxSource.open(gz, null)));
    }

    @Test
    void resumeInsideGzipSkipsUncompressedBytes() throws IOException {
        Path gz = Files.write(tmp.resolve("r.mbox.gz"), gzip(Files.readAllBytes(fixture("series.mbox"))));
        List<RawMessage> full = drain(MboxSource.open(gz, null));
        for (int i = 0; i < full.size(); i++) {
            assertEquals(texts(full.subList(i + 1, full.size())),
                    texts(drain(MboxSource.open(gz, full.get(i).after().position()))), "after " + i);
        }
        assertEquals(drain(MboxSource.open(fixture("series.mbox"), null)).get(1).after().position(),
                full.get(1).after().position(), "offsets are in the uncompressed stream");
    }

    @Test
    void progressCountsCompressedBytes() throws IOException {
        Path gz = Files.write(tmp.resolve("p.mbox.gz"), gzip(Files.readAllBytes(fixture("series.mbox"))));
        try (MboxSource source = MboxSource.open(gz, null)) {
            assertEquals(Files.size(gz), source.totalBytes());
            while (source.next() != null) {
                assertTrue(source.bytesRead() <= source.totalBytes());
            }
            assertEquals(source.totalBytes(), source.bytesRead());
        }
    }

    private static int indexOf(byte[] hay, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i + n.length <= hay.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (hay[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(needle);
    }
}
