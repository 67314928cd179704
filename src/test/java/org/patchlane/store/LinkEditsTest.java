package org.patchlane.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchlane.mail.Address;
import org.patchlane.review.LinkAction;
import org.patchlane.review.LinkEdit;
import org.patchlane.review.LinkEditSet;
import org.patchlane.review.ReviewState;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * The link edits' repository side: one file per series under {@code links/}, the edit in force per prerequisite,
 * each edit a commit by its maintainer, read once per head, and no confusion with the state decisions beside them.
 */
class LinkEditsTest {
    private static final Address LEON = new Address("Leon Romanovsky", "leon@kernel.org");
    private static final Address JASON = new Address("Jason Gunthorpe", "jgg@nvidia.com");
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00.750Z");

    @TempDir
    Path data;

    private static Series series(String id, String firstPosting) {
        SeriesPatch p = new SeriesPatch(1, 1, firstPosting, List.of(firstPosting), "t", "t", null, LEON,
                List.of("a.c"), null, List.of(), List.of(), null);
        SeriesVersion v = new SeriesVersion(1, "1", null, "t", LEON, 0, false, false, null, "new", 0, List.of(),
                List.of(), List.of(p), null);
        return new Series(id, "t", LEON, null, 0, List.of(), List.of(firstPosting), List.of(v));
    }

    private final Series driver = series("aaaa11112222", "driver-1@example.org");
    private final Series core = series("bbbb33334444", "core-1@example.org");
    private final Series other = series("cccc55556666", "other-1@example.org");

    @Test
    void eachEditIsACommitByItsMaintainerAndTheLatestPerPairIsInForce() throws Exception {
        try (LinkEdits edits = LinkEdits.of(data)) {
            assertSame(LinkEditSet.NONE, edits.current(), "no repository yet");
            edits.record(driver, core, LinkAction.REMOVE, "not built on it", LEON, AT);
            edits.record(driver, other, LinkAction.ADD, "needs its helper", JASON, AT.plusSeconds(10));
            edits.record(driver, core, LinkAction.ADD, "it is, after all\n\nsee the v2 cover", JASON, AT.plusSeconds(20));

            LinkEditSet now = edits.current();
            Map<String, LinkEdit> of = now.of(driver.id());
            assertEquals(2, of.size());
            assertEquals(LinkAction.ADD, of.get(core.id()).action(), "the latest edit of the pair holds");
            assertEquals("it is, after all\n\nsee the v2 cover", of.get(core.id()).why(), "a blank line in a reason");
            assertEquals("Jason Gunthorpe", of.get(core.id()).name());
            assertEquals(AT.plusSeconds(20).toEpochMilli() - 750, of.get(core.id()).at(), "whole seconds, as git keeps");
            assertEquals("core-1@example.org", of.get(core.id()).prerequisiteAnchor());
            assertEquals("driver-1@example.org", of.get(core.id()).seriesAnchor());
            assertEquals(List.of(driver.id()), now.naming(core.id()).stream().map(LinkEdit::series).toList());
            assertSame(now, edits.current(), "read again only when the head moves");

            List<LinkEdit> history = edits.history(driver.id());
            assertEquals(List.of("Jason Gunthorpe add " + core.id(), "Jason Gunthorpe add " + other.id(),
                            "Leon Romanovsky remove " + core.id()),
                    history.stream().map(e -> e.name() + " " + e.action().jsonName() + " " + e.prerequisite()).toList());
            assertEquals("not built on it", history.get(2).why());
            assertEquals("leon@kernel.org", history.get(2).email());
            assertEquals("link remove: " + driver.id() + " depends on " + core.id(), history.get(2).subject());
        }
    }

    @Test
    void theStateDecisionsBesideThemAreUntouched() throws Exception {
        try (LinkEdits edits = LinkEdits.of(data); Decisions decisions = Decisions.of(data)) {
            edits.record(driver, core, LinkAction.ADD, "uses it", LEON, AT);
            assertEquals(Map.of(), decisions.latestAll(), "a link file is no state decision");
            assertEquals(List.of(), decisions.history(driver.id()));
            decisions.record(driver, ReviewState.NEW, ReviewState.ACCEPTED, "ok", LEON, AT.plusSeconds(5));
            assertEquals(ReviewState.ACCEPTED, decisions.latest(driver.id()).orElseThrow().to());
            assertEquals(1, edits.history(driver.id()).size(), "a state decision is no link edit");
            assertEquals(1, edits.current().of(driver.id()).size());
        }
        // Another handle (another process) sees both.
        try (LinkEdits again = LinkEdits.of(data)) {
            assertEquals(LinkAction.ADD, again.current().of(driver.id()).get(core.id()).action());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t\n"})
    void anEditWithoutAReasonIsRefused(String why) throws Exception {
        try (LinkEdits edits = LinkEdits.of(data)) {
            assertThrows(IllegalArgumentException.class, () -> edits.record(driver, core, LinkAction.ADD, why, LEON, AT));
            assertThrows(IllegalArgumentException.class, () -> edits.record(driver, core, LinkAction.ADD, null, LEON, AT));
            assertSame(LinkEditSet.NONE, edits.current(), "nothing written");
        }
    }

    @Test
    void aSeriesCannotDependOnItself() throws Exception {
        try (LinkEdits edits = LinkEdits.of(data)) {
            assertThrows(IllegalArgumentException.class, () -> edits.record(core, core, LinkAction.ADD, "x", LEON, AT));
        }
    }

    /** Files as a maintainer may have edited them by hand (a clone, a commit): each readable block is read. */
    @Test
    void theFileFormatReadsBackAndSkipsWhatIsNoEdit() {
        LinkEdit e = new LinkEdit("aaaa11112222", "d@x", "bbbb33334444", "c@x", LinkAction.REMOVE,
                Instant.parse("2026-12-01T10:00:00Z").toEpochMilli(), "Ann", "ann@x.org", "line one\n\nline: three");
        String text = LinkEdits.format("aaaa11112222", "d@x", List.of(e));
        assertTrue(text.startsWith("series: aaaa11112222\nanchor: d@x\n\nprerequisite: bbbb33334444\n"), text);
        assertEquals(List.of(e), LinkEdits.parse(text));
        String[][] cases = {
                {"no header block", "prerequisite: bbbb33334444\naction: add\n", "0"},
                {"unknown action", "series: a1\n\nprerequisite: b2\naction: merge\n", "0"},
                {"no prerequisite", "series: a1\n\naction: add\n", "0"},
                {"bad date kept at 0", "series: a1\n\nprerequisite: b2\naction: add\nat: yesterday\n", "1"},
                {"CRLF", "series: a1\r\n\r\nprerequisite: b2\r\naction: remove\r\nwhy: w\r\n", "1"},
                {"two blocks", "series: a1\n\nprerequisite: b2\naction: add\n\nprerequisite: c3\naction: remove\n", "2"},
        };
        for (String[] c : cases) {
            assertEquals(Integer.parseInt(c[2]), LinkEdits.parse(c[1]).size(), c[0]);
        }
    }
}
