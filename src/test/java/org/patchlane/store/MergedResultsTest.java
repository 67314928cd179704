package org.patchlane.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.review.ReviewState;
import org.patchlane.review.Upstream;

/** The findings file: written whole and atomically, read back as written, re-read by a reader when replaced. */
class MergedResultsTest {
    @TempDir
    Path data;

    static Upstream finding(String id, String version, ReviewState state) {
        return new Upstream(id, version, state, "linux", Instant.parse("2026-12-01T10:00:00Z"), List.of(
                new Upstream.Patch(1, "RDMA/mlx5: one\tand a tab", Upstream.Match.PATCH_ID,
                        List.of("a".repeat(40), "b".repeat(40)), "v6.20-rc1"),
                new Upstream.Patch(2, "RDMA/mlx5: two", state == ReviewState.MERGED ? Upstream.Match.AUTHOR_SUBJECT
                        : Upstream.Match.NONE, state == ReviewState.MERGED ? List.of("c".repeat(40)) : List.of(), null)));
    }

    @Test
    void findingsRoundTripAndAReaderSeesAReplacementAtOnce() throws Exception {
        MergedResults writer = MergedResults.of(data);
        MergedResults reader = MergedResults.of(data);
        assertEquals(Map.of(), reader.all(), "no run yet");
        writer.write(List.of(finding("abc123", "2", ReviewState.MERGED)));
        Upstream back = reader.all().get("abc123");
        assertEquals("RDMA/mlx5: one and a tab", back.patches().get(0).title(), "a tab cannot break the line");
        assertEquals(List.of("a".repeat(40), "b".repeat(40)), back.patches().get(0).commits());
        assertEquals(Upstream.Match.AUTHOR_SUBJECT, back.patches().get(1).match());
        assertNull(back.patches().get(1).release());
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), back.checked());
        assertEquals(back, reader.current("abc123", "2"));
        assertNull(reader.current("abc123", "3"), "a finding counts for the version it was made on");

        writer.write(List.of(finding("def456", "1", ReviewState.PARTLY_MERGED)));
        assertEquals(List.of("def456"), List.copyOf(reader.all().keySet()), "the same reader, the new file");
        assertEquals(ReviewState.PARTLY_MERGED, reader.all().get("def456").state());
        try (var files = Files.list(data.resolve("merged"))) {
            assertEquals(List.of("series.tsv"), files.map(p -> p.getFileName().toString()).toList(), "no temp file left");
        }
    }

    @Test
    void aDamagedLineIsSkippedNotFatal() {
        String good = MergedResults.format(List.of(finding("abc123", "1", ReviewState.MERGED)));
        Map<String, Upstream> read = MergedResults.parse("garbage\n" + good + "series\tzzz\t1\tapplied\tlinux\t2026-12-01T10:00:00Z\n"
                + "patch\tx\tpatch-id\t-\t-\tt\n" + "series\tyyy\t1\tmerged\tlinux\tnot-a-time\n");
        assertEquals(List.of("abc123"), List.copyOf(read.keySet()));
        assertTrue(read.get("abc123").patches().size() == 2);
    }
}
