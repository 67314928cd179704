package org.patchlane.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.report.Json;
import org.patchlane.report.SeriesJson;
import org.patchlane.source.MailSource;
import org.patchlane.source.RawMessage;
import org.patchlane.source.Sources;
import org.patchlane.store.Archive;
import org.patchlane.store.Searcher;

/**
 * Incremental threading must not depend on arrival order: the demo archive ingested in one batch, and one message at
 * a time in three random orders (each message its own source, so each is threaded as it arrives: replies before
 * their patches, covers after their patches), gives identical series and matrices.
 */
class OutOfOrderTest {
    @TempDir
    Path tmp;

    @Test
    void randomOrdersGiveTheSameSeries() throws Exception {
        Path mbox = tmp.resolve("demo.mbox");
        try (InputStream in = getClass().getResourceAsStream("/demo/linux-rdma.mbox")) {
            Files.copy(in, mbox);
        }
        String inOrder = seriesAfter(List.of(mbox), tmp.resolve("in-order"));
        assertTrue(inOrder.contains("\"Acked-by\""), "the demo has acks: " + inOrder.length());
        List<Path> messages = split(mbox, tmp.resolve("messages"));
        for (int seed = 1; seed <= 3; seed++) {
            List<Path> order = new ArrayList<>(messages);
            Collections.shuffle(order, new Random(seed));
            assertEquals(inOrder, seriesAfter(order, tmp.resolve("order-" + seed)), "order " + seed);
        }
    }

    /** Every series of an archive ingested from these sources, one after the other, as JSON. */
    private static String seriesAfter(List<Path> sources, Path data) throws Exception {
        try (Archive archive = Archive.open(data)) {
            Ingester ingester = new Ingester(archive, null, counts -> { });
            for (Path source : sources) ingester.run(List.of(source));
        }
        try (Searcher searcher = Searcher.open(data)) {
            return Json.write(searcher.series("", 0, 1000).series().stream()
                    .sorted(java.util.Comparator.comparing(s -> s.id())).map(SeriesJson::of).toList());
        }
    }

    /** One file per message, in archive order. */
    private static List<Path> split(Path mbox, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        try (MailSource source = Sources.open(mbox, k -> null)) {
            RawMessage m;
            while ((m = source.next()) != null) {
                Path file = dir.resolve(String.format("%03d.eml", out.size()));
                Files.write(file, m.bytes());
                out.add(file);
            }
        }
        return out;
    }
}
