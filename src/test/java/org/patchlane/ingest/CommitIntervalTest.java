package org.patchlane.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.bench.ArchiveGenerator;
import org.patchlane.source.MailSource;
import org.patchlane.source.PathAddress;
import org.patchlane.source.RawMessage;
import org.patchlane.source.SourceAddress;
import org.patchlane.store.Archive;

/**
 * The commit interval holds from a run's first batch: a due commit does not wait for a full threading run
 * ({@link Ingester#THREADING_MESSAGES}) to fill. With an interval of zero, cursors are committed while the source is
 * still being read, long before 10,000 messages; before the fix nothing was committed until the end of this 9,000-message run.
 */
class CommitIntervalTest {
    private static final int MESSAGES = 9_000;

    @TempDir
    Path tmp;

    @Test
    void dueCommitLandsWithinTheFirstBatchesOfARun() throws IOException {
        Path mbox = tmp.resolve("archive.mbox");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(mbox), 1 << 16)) {
            ArchiveGenerator.write(MESSAGES, 7, out);
        }
        try (Archive archive = Archive.open(tmp.resolve("data"))) {
            // What was committed when the source was asked for each batch's first message.
            List<Map<String, String>> committedAtBatch = new ArrayList<>();
            SourceAddress watched = new Observed(new PathAddress(mbox), n -> {
                if (n % Ingester.BATCH_MESSAGES == 0) committedAtBatch.add(archive.cursors());
            });
            IngestCounts counts = new Ingester(archive, "bench", Progress.NONE, 2, 0).ingest(List.of(watched));
            assertEquals(MESSAGES, counts.added());
            assertEquals(Map.of(), committedAtBatch.get(0), "nothing is committed before the first batch");
            // Batch 1 is stored while batch 2 is read and threaded while batch 3 is read: its cursor commits then.
            assertFalse(committedAtBatch.get(3).isEmpty(),
                    "a due commit landed by the fourth batch: " + committedAtBatch);
        }
    }

    /** A source that tells, before each message, how many it has delivered. */
    private record Observed(SourceAddress inner, java.util.function.IntConsumer beforeNext) implements SourceAddress {
        @Override
        public MailSource open(Function<String, String> positionLookup) throws IOException {
            MailSource source = inner.open(positionLookup);
            int[] delivered = {0};
            return new MailSource() {
                @Override
                public RawMessage next() throws IOException {
                    beforeNext.accept(delivered[0]);
                    RawMessage m = source.next();
                    if (m != null) delivered[0]++;
                    return m;
                }

                @Override
                public long totalBytes() {
                    return source.totalBytes();
                }

                @Override
                public long bytesRead() {
                    return source.bytesRead();
                }

                @Override
                public void close() throws IOException {
                    source.close();
                }
            };
        }

        @Override
        public String display() {
            return inner.display();
        }

        @Override
        public boolean owns(String cursorKey) {
            return inner.owns(cursorKey);
        }
    }
}
