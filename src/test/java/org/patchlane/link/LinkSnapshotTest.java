package org.patchlane.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.ingest.Ingester;
import org.patchlane.ingest.Progress;
import org.patchlane.report.CheckJson;
import org.patchlane.report.Json;
import org.patchlane.report.LinkJson;
import org.patchlane.review.Maintainers;
import org.patchlane.review.Policy;
import org.patchlane.store.Archive;
import org.patchlane.store.LinkIndex;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

/**
 * The in-memory link lookups ({@link Searcher#linkSnapshot()}) answer exactly as the term queries do, over many
 * segments with deletions, and follow the index as mail arrives: what they remember of one reader is never
 * answered for the next.
 */
class LinkSnapshotTest {
    @TempDir
    Path tmp;

    @Test
    void inMemoryLookupsAnswerAsTermQueries() throws Exception {
        List<ListMail> shuffled = new ArrayList<>(PoolStory.mails());
        Collections.shuffle(shuffled, new Random(7));
        Path data = tmp.resolve("data");
        // One message per commit: a segment each, and series documents replaced (deleted) as their mail arrives.
        for (ListMail m : shuffled) LinkerTest.ingest(List.of(m), data).close();
        try (Searcher s = Searcher.open(data)) {
            String byQueries = report(s, s.links());
            assertTrue(byQueries.contains("\"kind\" : \"symbol\""), byQueries);
            assertEquals(byQueries, report(s, s.linkSnapshot()));
            assertEquals(byQueries, report(s, s.linkSnapshot()), "the second call answers from what it remembered");
        }
    }

    @Test
    void theSnapshotFollowsMailThatArrivesWhileItIsInUse() throws Exception {
        List<ListMail> story = PoolStory.mails();
        List<ListMail> infrastructure = story.stream().filter(m -> m.id().contains("corelib.org")).toList();
        List<ListMail> drivers = story.stream().filter(m -> !m.id().contains("corelib.org")).toList();
        try (Archive archive = Archive.open(tmp.resolve("live")); Searcher s = archive.searcher()) {
            ingest(archive, infrastructure);
            s.refresh();
            Series pool = s.seriesOf(PoolStory.V2_COVER).orElseThrow();
            String before = Json.write(LinkJson.of(new Linker(s.linkSnapshot()).links(pool)));
            assertEquals(Json.write(LinkJson.of(new Linker(s.links()).links(pool))), before);

            ingest(archive, drivers);
            s.refresh();
            pool = s.seriesOf(PoolStory.V2_COVER).orElseThrow();
            String after = Json.write(LinkJson.of(new Linker(s.linkSnapshot()).links(pool)));
            assertNotEquals(before, after, "the drivers posted since are its users now");
            assertEquals(Json.write(LinkJson.of(new Linker(s.links()).links(pool))), after);
            assertEquals(report(s, s.links()), report(s, s.linkSnapshot()));
        }
    }

    private void ingest(Archive archive, List<ListMail> mails) throws IOException {
        Path mbox = Files.createTempFile(tmp, "mails", ".mbox");
        Files.writeString(mbox, PoolStory.mbox(mails), StandardCharsets.UTF_8);
        new Ingester(archive, null, Progress.NONE).run(List.of(mbox));
    }

    /** Every series' links and checks through these lookups, as JSON, and the together list. */
    private static String report(Searcher s, LinkIndex lookups) throws Exception {
        Checker checker = new Checker(lookups, policy());
        Linker linker = new Linker(lookups);
        StringBuilder out = new StringBuilder();
        for (Series x : s.series("", 0, 100).series().stream().sorted(Comparator.comparing(Series::id)).toList()) {
            out.append(Json.write(LinkJson.of(linker.links(x)))).append(Json.write(CheckJson.of(checker.check(x))))
                    .append('\n');
        }
        return out.toString();
    }

    private static Policy policy() throws IOException {
        try (var in = LinkSnapshotTest.class.getResourceAsStream("/link/MAINTAINERS")) {
            return Policy.of(Maintainers.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }
}
