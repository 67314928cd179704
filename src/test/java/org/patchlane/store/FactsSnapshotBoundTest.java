package org.patchlane.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.ingest.Ingester;
import org.patchlane.ingest.Progress;
import org.patchlane.link.Linker;
import org.patchlane.report.Json;
import org.patchlane.report.LinkJson;
import org.patchlane.thread.Series;

/**
 * The link keys are held in memory only up to a bound of documents (a million messages' keys took 600 MB, more than
 * a server's heap); past it the same lookups are answered by term queries, with the same links.
 */
class FactsSnapshotBoundTest {
    @TempDir
    Path tmp;

    @Test
    void pastTheBoundTheLinksAreTheSameFromTermQueries() throws Exception {
        Path mbox = tmp.resolve("demo.mbox");
        try (InputStream in = FactsSnapshotBoundTest.class.getResourceAsStream("/demo/linux-rdma.mbox")) {
            Files.copy(in, mbox);
        }
        Path data = tmp.resolve("data");
        try (Archive a = Archive.open(data)) {
            new Ingester(a, "linux-rdma", Progress.NONE).run(List.of(mbox));
        }
        SeriesBodies bodies = new SeriesBodies();
        try (IndexView view = CommittedView.open(Schema.indexDir(data), data); Searcher s = Searcher.open(data)) {
            FactsSnapshot held = new FactsSnapshot(view, bodies, Integer.MAX_VALUE);
            FactsSnapshot bounded = new FactsSnapshot(view, bodies, 1);
            assertTrue(held.inMemory());
            assertFalse(bounded.inMemory(), "the demo's index is past a bound of one document");
            int linked = 0;
            for (Series x : s.series("", 0, 100).series()) {
                String inMemory = Json.write(LinkJson.of(new Linker(new LinkIndex(held, null)).links(x)));
                assertEquals(inMemory, Json.write(LinkJson.of(new Linker(new LinkIndex(bounded, null)).links(x))),
                        x.id());
                if (inMemory.contains("\"kind\"")) linked++;
            }
            assertTrue(linked > 0, "some demo series are linked");
        }
    }
}
