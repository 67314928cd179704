package org.patchlane.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.ingest.Ingester;
import org.patchlane.ingest.Progress;
import org.patchlane.patch.Finding;
import org.patchlane.store.Archive;
import org.patchlane.store.Searcher;

/**
 * The demo archive (src/main/resources/demo, see its README) ingested whole: every series, version, patch and
 * trailer fact the attribution rules (the README's "Series, versions and acks") promise, written out. Trailer
 * matrices map a patch number to
 * {@code "Kind: Name"} with the flags that apply: {@code (carried)} from an earlier version, {@code (in patch)}
 * part of the patch's own chain, {@code (not by sender)} a follow-up naming someone other than its mail's sender.
 * Sign-off chain kinds (Signed-off-by, Co-developed-by) are left out of the matrices; findings are checked apart.
 */
class DemoSeriesTest {
    private static final String AUX_V1 = "20261102-aux-lifetime-v1-0-5a1e3c7f9b2d@nvidia.com";
    private static final String AUX_V2 = "20261109-aux-lifetime-v2-0-8c4d2e1f7a90@nvidia.com";
    private static final String AUX_V3 = "20261116-aux-lifetime-v3-0-2b7e9f4c1d38@nvidia.com";
    private static final String MLX5 = "cover.1763284533.git.leonro@nvidia.com";
    private static final String IRDMA = "20261123104501.2291-1-jacek.wierzbicki@intel.com";
    private static final String IRDMA_V11 = "20261125103008.3107-1-jacek.wierzbicki@intel.com";
    private static final String RXE_1 = "20261125090211.48213-1-lbrenner@ionos.com";
    private static final String RXE_3 = "20261125090211.48213-3-lbrenner@ionos.com";
    private static final String RXE_V2 = "20261126090500.51877-1-lbrenner@ionos.com";
    private static final String HNS_1 = "20261126082000.1905711-1-chenwei172@huawei.com";
    private static final String HNS_2 = "20261126082000.1905711-2-chenwei172@huawei.com";
    private static final String HNS_EXTRA = "20261126084137.1911042-1-chenwei172@huawei.com";
    private static final String HNS_V2 = "20261127023000.2201385-1-chenwei172@huawei.com";
    private static final String HNS_SUPERSEDES = "b2e4c6a8-0d1f-4e3a-9c5b-7f8d0a2c4e61@huawei.com";
    private static final String MKEY_V1 = "4f2c9e8a-1b3d-4c5e-9f7a-2d6b8e0c1a35@fujitsu.com";
    private static final String MKEY_V2 = "20261127060000.22817-1-h.tanaka@fujitsu.com";
    private static final String MKEY_HEADERLESS = "BN9PR12MB5381C2E4A6F8D0B1@BN9PR12MB5381.namprd12.prod.outlook.com";
    private static final String RESEND = "20261105081522.3361-1-apetrov@bytedance.com";
    private static final String BOND_1 = "20261127113005.2417936-1-huangjunxian6@hisilicon.com";
    private static final String BOND_2 = "20261127113005.2417936-2-huangjunxian6@hisilicon.com";
    private static final String BOND_REPLY = "20261128081240.GM41260@unreal";
    private static final String UMR = "20261123090000.77120-1-michaelgur@nvidia.com";
    private static final String HNS_FIXES = "20261125104000.2871405-1-huangjunxian6@hisilicon.com";

    @TempDir
    static Path dir;
    static Searcher searcher;
    static List<Series> all;

    @BeforeAll
    static void ingestTheDemo() throws Exception {
        Path mbox = dir.resolve("linux-rdma.mbox");
        try (InputStream in = DemoSeriesTest.class.getResourceAsStream("/demo/linux-rdma.mbox")) {
            Files.copy(in, mbox);
        }
        Path data = dir.resolve("data");
        try (Archive archive = Archive.open(data)) {
            new Ingester(archive, null, Progress.NONE).run(List.of(mbox));
        }
        searcher = Searcher.open(data);
        all = searcher.series("", 0, 100).series();
    }

    @AfterAll
    static void close() throws Exception {
        if (searcher != null) searcher.close();
    }

    private static Series series(String messageId) throws Exception {
        return searcher.seriesOf(messageId).orElseThrow(() -> new AssertionError("no series for " + messageId));
    }

    private static SeriesVersion version(Series s, String label) {
        return s.versions().stream().filter(v -> v.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError(s.title() + " has no v" + label));
    }

    private static List<String> labels(Series s) {
        return s.versions().stream().map(SeriesVersion::label).toList();
    }

    /** Patch number → its trailers as "Kind: Name (flags)", sign-off chain kinds left out. */
    static Map<Integer, Set<String>> matrix(SeriesVersion v) {
        Map<Integer, Set<String>> out = new TreeMap<>();
        for (SeriesPatch p : v.patches()) {
            Set<String> row = new TreeSet<>();
            for (GivenTrailer t : p.trailers()) {
                if (t.kind().equals("Signed-off-by") || t.kind().equals("Co-developed-by")) continue;
                List<String> flags = new ArrayList<>();
                if (t.carried()) flags.add("carried");
                if (t.inPatch()) flags.add("in patch");
                else if (!t.bySender()) flags.add("not by sender");
                row.add(t.kind() + ": " + t.name() + (flags.isEmpty() ? "" : " (" + String.join(", ", flags) + ")"));
            }
            out.put(p.index(), row);
        }
        return out;
    }

    /** Patch number → its sign-off chain ("Signed-off-by: Name", "Co-developed-by: Name"), in order. */
    static Map<Integer, List<String>> chains(SeriesVersion v) {
        Map<Integer, List<String>> out = new TreeMap<>();
        for (SeriesPatch p : v.patches()) {
            out.put(p.index(), p.trailers().stream()
                    .filter(t -> t.kind().equals("Signed-off-by") || t.kind().equals("Co-developed-by"))
                    .map(t -> t.kind() + ": " + t.name() + (t.carried() ? " (carried)" : "")).toList());
        }
        return out;
    }

    /** Patch number → the checks its findings name (signoff-author, signoff-order, signoff-codev, fixes). */
    static Map<Integer, List<String>> findings(SeriesVersion v) {
        Map<Integer, List<String>> out = new TreeMap<>();
        for (SeriesPatch p : v.patches()) out.put(p.index(), p.findings().stream().map(Finding::check).toList());
        return out;
    }

    private static <T> Map<Integer, T> rows(Object... kv) {
        Map<Integer, T> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            @SuppressWarnings("unchecked")
            T value = (T) kv[i + 1];
            out.put((Integer) kv[i], value);
        }
        return new TreeMap<>(out);
    }

    // ---------------------------------------------------------------------------------------------------- series

    @Test
    void thirteenSeriesInTheArchive() {
        assertEquals(13, all.size(), all.stream().map(Series::title).toList().toString());
        assertEquals(Set.of(
                        "driver core: add auxiliary device lifetime helpers",
                        "mlx5: use the auxiliary device lifetime helpers",
                        "RDMA/irdma: use the auxiliary device lifetime helpers",
                        "RDMA/rxe: memory registration error path fixes",
                        "net: hns3: add a reset reference to the client handle",
                        "RDMA/mlx5: Destroy the mkey when mlx5_ib_alloc_mw() fails late",
                        "RDMA/core: fix a typo in the ib_device_rename() kernel-doc",
                        "RDMA/hns: add the bond auxiliary device with devm_auxiliary_device_add()",
                        "RDMA/rxe: refuse a cq resize below the queued completions",
                        "RDMA/irdma: return -ENOMEM when the ceq list allocation fails",
                        "RDMA/hns: report an active bond in the device capabilities",
                        "RDMA/mlx5: Cache the UMR capabilities",
                        "RDMA/hns: bond and reset fixes"),
                Set.copyOf(all.stream().map(Series::title).toList()));
    }

    /** The two series the demo's pull requests carry: their trailers are what pr-series compares commits with. */
    @Test
    void theSeriesPullRequestsCarryHaveTheirReviews() throws Exception {
        SeriesVersion umr = series(UMR).latest();
        assertEquals(List.of("1"), labels(series(UMR)));
        assertEquals(UMR, umr.cover());
        assertEquals(rows(1, Set.of("Reviewed-by: Jason Gunthorpe"),
                2, Set.of("Reviewed-by: Jason Gunthorpe", "Acked-by: Saeed Mahameed")), matrix(umr));
        SeriesVersion hns = series(HNS_FIXES).latest();
        assertEquals(List.of("1"), labels(series(HNS_FIXES)));
        assertEquals(rows(1, Set.of("Reviewed-by: Leon Romanovsky"), 2, Set.of()), matrix(hns));
        assertFalse(series(HNS_FIXES).id().equals(series(BOND_1).id()), "Junxian's two series are not versions");
    }

    @Test
    void coverAndPatchesFromOneSender() throws Exception {
        SeriesVersion v1 = version(series(AUX_V1), "1");
        assertEquals(AUX_V1, v1.cover());
        assertEquals("noaa@nvidia.com", v1.sender().email());
        assertEquals(List.of(1, 2, 3, 4), v1.patches().stream().map(SeriesPatch::index).toList());
        assertEquals(List.of(), v1.problems());
    }

    @Test
    void aSeriesWithoutACoverThreadedUnderPatchOneWithAnExtraPatch() throws Exception {
        Series hns = series(HNS_1);
        SeriesVersion v1 = version(hns, "1");
        assertNull(v1.cover());
        assertEquals(List.of(1, 2, 3), v1.patches().stream().map(SeriesPatch::index).toList());
        assertEquals(List.of(HNS_1, HNS_2, HNS_EXTRA), v1.patches().stream().map(SeriesPatch::messageId).toList());
        assertEquals(List.of("extra 3/2"), v1.problems());
    }

    @Test
    void aCoverlessSeriesLinkedOnlyBySymbolsIsItsOwnSeries() throws Exception {
        // The hns bond series: 2/2 threaded under 1/2, no cover, no marker; it uses v2's devm_auxiliary_device_add()
        // but is not in the infrastructure's thread, so nothing but its symbols links the two.
        Series bond = series(BOND_1);
        assertEquals(bond.id(), series(BOND_2).id());
        assertEquals(List.of("1"), labels(bond));
        SeriesVersion v1 = bond.latest();
        assertNull(v1.cover());
        assertEquals("huangjunxian6@hisilicon.com", v1.sender().email());
        assertEquals(List.of(1, 2), v1.patches().stream().map(SeriesPatch::index).toList());
        assertEquals(List.of(BOND_1, BOND_2), v1.patches().stream().map(SeriesPatch::messageId).toList());
        assertEquals(List.of(), v1.problems());
        assertEquals(List.of(List.of("drivers/infiniband/hw/hns/hns_roce_hw_v2.c"),
                List.of("drivers/infiniband/hw/hns/hns_roce_bond.c")),
                v1.patches().stream().map(SeriesPatch::files).toList());
        assertEquals(List.of("linux-rdma"), bond.lists());
        assertEquals("RDMA/hns: add the bond auxiliary device with devm_auxiliary_device_add()", bond.title());
        assertTrue(bond.members().contains(BOND_REPLY), "Leon's reply is about the series");
        Series aux = series(AUX_V3);
        assertFalse(aux.id().equals(bond.id()));
        assertFalse(aux.members().contains(BOND_1));
        assertFalse(bond.members().contains(AUX_V3));
        // Not a version of Wei's hns series either: another sender, title and files.
        assertFalse(series(HNS_1).id().equals(bond.id()));
        assertFalse(series(HNS_1).members().contains(BOND_1));
    }

    @Test
    void aSeriesWithoutACoverNotThreadedWithAGap() throws Exception {
        Series rxe = series(RXE_3);
        SeriesVersion v1 = version(rxe, "1");
        assertNull(v1.cover());
        assertEquals(List.of(RXE_1, RXE_3), v1.patches().stream().map(SeriesPatch::messageId).toList());
        assertEquals(List.of(1, 3), v1.patches().stream().map(SeriesPatch::index).toList());
        assertEquals(List.of("missing 2/3"), v1.problems());
        assertEquals(3, v1.patches().get(0).total());
    }

    @Test
    void singlePatches() throws Exception {
        Series resend = series(RESEND);
        assertEquals(List.of("1"), labels(resend), "a RESEND is the same version, not a new one");
        assertEquals(1, resend.latest().patches().size());
        assertEquals(1, resend.latest().patches().get(0).total());
        assertEquals(List.of(RESEND), resend.latest().patches().get(0).postings());
        Series mkey = series(MKEY_V1);
        for (SeriesVersion v : mkey.versions()) assertEquals(1, v.patches().size());
    }

    @Test
    void aSinglePatchRerollInReplyToTheOldPatchUpdatesThatPatchOnly() throws Exception {
        // Message 13: [PATCH v2 3/4] in reply to v1 3/4, a week before the full v2 (which reposts the same diff).
        SeriesVersion v2 = version(series(AUX_V1), "2");
        SeriesPatch p3 = v2.patches().get(2);
        assertEquals(List.of("20261104-aux-lifetime-v2-3-91c0d2e4a6f8@nvidia.com",
                "20261109-aux-lifetime-v2-3-8c4d2e1f7a90@nvidia.com"), p3.postings());
        assertEquals(List.of(), v2.problems(), "the same diff twice in v2 is no extra");
    }

    @Test
    void aPartialRerollV11UpdatesOnePatchAndKeepsTheOthers() throws Exception {
        Series irdma = series(IRDMA_V11);
        assertEquals(series(IRDMA).id(), irdma.id());
        assertEquals(List.of("1", "1.1"), labels(irdma));
        SeriesVersion v11 = irdma.latest();
        assertTrue(v11.partial());
        assertEquals("1", v11.predecessor());
        assertEquals("RDMA/irdma: use the auxiliary device lifetime helpers", v11.title(), "the series keeps its title");
        assertEquals(List.of(IRDMA.replace("-1-", "-2-"), IRDMA_V11, IRDMA.replace("-1-", "-4-")),
                v11.patches().stream().map(SeriesPatch::messageId).toList());
        assertEquals(List.of("unchanged", "unchanged", "unchanged"),
                v11.patches().stream().map(SeriesPatch::change).toList(), "2/3 only gained a sign-off: same patch-id");
        assertEquals(List.of(), v11.problems());
    }

    @Test
    void supersedesInACoverLinksTheWholeSeriesUnderANewTitle() throws Exception {
        Series rxe = series(RXE_V2);
        assertEquals(series(RXE_1).id(), rxe.id());
        assertEquals(List.of("1", "2"), labels(rxe));
        assertEquals("RDMA/rxe: clear mr->umem when filling the pages fails", version(rxe, "1").title());
        assertEquals("RDMA/rxe: memory registration error path fixes", rxe.title());
        SeriesVersion v2 = rxe.latest();
        assertEquals(RXE_V2, v2.cover());
        assertFalse(v2.partial());
        assertEquals("1", v2.predecessor());
        assertEquals("superseded", version(rxe, "1").state());
        assertEquals(List.of("unchanged", "new", "unchanged"), v2.patches().stream().map(SeriesPatch::change).toList());
    }

    @Test
    void supersedesInAReplyReplacesOnePatch() throws Exception {
        Series hns = series(HNS_V2);
        assertEquals(series(HNS_1).id(), hns.id());
        assertEquals(hns.id(), series(HNS_SUPERSEDES).id(), "the reply holding Supersedes: is a member");
        assertEquals(List.of("1", "2"), labels(hns));
        SeriesVersion v2 = hns.latest();
        assertTrue(v2.partial());
        assertEquals(List.of(HNS_1, HNS_V2), v2.patches().stream().map(SeriesPatch::messageId).toList());
        assertEquals(List.of(1, 2), v2.patches().stream().map(SeriesPatch::index).toList());
        assertEquals(List.of("unchanged", "changed"), v2.patches().stream().map(SeriesPatch::change).toList());
        assertEquals(List.of(), v2.problems(), "the extra 3/2 of v1 is not inherited");
        assertEquals("net: hns3: add a reset reference to the client handle", v2.title());
    }

    @Test
    void twoSeriesInOneThreadStayTwo() throws Exception {
        Series aux = series(AUX_V3);
        Series mlx5 = series(MLX5);
        assertFalse(aux.id().equals(mlx5.id()));
        assertEquals(List.of("1"), labels(mlx5));
        assertEquals(MLX5, mlx5.latest().cover());
        assertFalse(aux.members().contains(MLX5));
        assertFalse(mlx5.members().contains(AUX_V3));
    }

    @Test
    void aCrossPostedSeriesIsOneSeriesWithEachList() throws Exception {
        // hns 1/2 is stored twice under one Message-ID: the linux-rdma copy and the netdev copy (duplicate_id).
        Series hns = series(HNS_1);
        assertEquals(List.of("linux-rdma", "netdev"), hns.lists());
        assertEquals(List.of("linux-rdma", "netdev"), version(hns, "1").lists());
        assertEquals(List.of(HNS_1), version(hns, "1").patches().get(0).postings(), "one patch, not two");
        // Analyzer.listName takes the list from List-Id only: the v2 patch is addressed To: linux-rdma and netdev
        // but was received on linux-rdma alone, so netdev is not recorded for it.
        assertEquals(List.of("linux-rdma"), version(hns, "2").lists());
    }

    // -------------------------------------------------------------------------------------------------- versions

    @Test
    void versionsChainedByChangeIdAndByReplyingToTheOldCover() throws Exception {
        Series aux = series(AUX_V2);
        assertEquals(series(AUX_V1).id(), aux.id());
        assertEquals(series(AUX_V3).id(), aux.id());
        assertEquals("20261102-aux-lifetime-3f1c2a9b7d10", aux.changeId());
        assertEquals(List.of("1", "2", "3"), labels(aux));
        assertEquals(List.of("superseded", "superseded", "under-review"),
                aux.versions().stream().map(SeriesVersion::state).toList());
        assertEquals("2", aux.latest().predecessor());
        assertEquals(AUX_V3, aux.latest().cover(), "v3 posted in reply to the v2 cover is a version, not a reply");
        assertEquals(List.of("unchanged", "changed", "unchanged", "changed"),
                aux.latest().patches().stream().map(SeriesPatch::change).toList());
    }

    @Test
    void versionsChainedBySenderNormalisedTitleAndFiles() throws Exception {
        Series mkey = series(MKEY_V2);
        assertEquals(series(MKEY_V1).id(), mkey.id());
        assertNull(mkey.changeId());
        assertEquals(List.of("1", "2"), labels(mkey));
        assertEquals("RDMA/mlx5: destroy the mkey when mlx5_ib_alloc_mw() fails late", version(mkey, "1").title());
        assertEquals("RDMA/mlx5: Destroy the mkey when mlx5_ib_alloc_mw() fails late", mkey.latest().title());
        assertEquals(List.of("drivers/infiniband/hw/mlx5/mr.c"), mkey.latest().patches().get(0).files());
        assertEquals("unchanged", mkey.latest().patches().get(0).change(), "the attached diff resent inline");
    }

    // ------------------------------------------------------------------------------------------------- threading

    @Test
    void subjectFallbackThreadsAReplyWithoutHeaders() throws Exception {
        Series mkey = series(MKEY_HEADERLESS);
        assertEquals(series(MKEY_V2).id(), mkey.id());
        assertTrue(mkey.members().contains(MKEY_HEADERLESS));
        assertEquals(rows(1, Set.of("Reviewed-by: Michael Guralnik")), matrix(mkey.latest()));
        assertEquals(rows(1, Set.of()), matrix(version(mkey, "1")), "the review came after v2, on v2");
    }

    // -------------------------------------------------------------------------------------------------- trailers

    @Test
    void auxV1Trailers() throws Exception {
        assertEquals(rows(
                1, Set.of(),
                2, Set.of(),
                3, Set.of("Reviewed-by: Jason Gunthorpe"),
                4, Set.of()), matrix(version(series(AUX_V1), "1")));
    }

    @Test
    void auxV2TrailersCoverReplyBareNackAndQuotedLinesIgnored() throws Exception {
        // Danilo on the cover → every patch; Priya on 1/4 → 1/4; Greg's bare NACK on 2/4; Jürgen's quoted trailers
        // count nowhere; Jason's v1 review is not carried to 3/4 (changed) but is in its chain.
        assertEquals(rows(
                1, Set.of("Reviewed-by: Danilo Krummrich", "Tested-by: Priya Natarajan"),
                2, Set.of("Reviewed-by: Danilo Krummrich", "Nacked-by: Greg Kroah-Hartman"),
                3, Set.of("Reviewed-by: Danilo Krummrich", "Reviewed-by: Jason Gunthorpe (in patch)"),
                4, Set.of("Reviewed-by: Danilo Krummrich")), matrix(version(series(AUX_V2), "2")));
    }

    @Test
    void auxV3TrailersScopeReplyToAReplyMaskedQuoteAndCarried() throws Exception {
        // Leon "for patches 1-3" → 1-3; Jason and Rafael on the cover → all (on 3/4 Jason's review is also in the
        // chain: the reply is kept as the evidence it was given on v3);
        // Greg's ack in a reply to a reply → 2/4; Priya on 3/4; Danilo and Priya carried where the patch-id held.
        assertEquals(rows(
                1, Set.of("Acked-by: Leon Romanovsky", "Reviewed-by: Jason Gunthorpe", "Reviewed-by: Rafael J. Wysocki",
                        "Reviewed-by: Danilo Krummrich (carried)", "Tested-by: Priya Natarajan (carried)"),
                2, Set.of("Acked-by: Leon Romanovsky", "Reviewed-by: Jason Gunthorpe", "Reviewed-by: Rafael J. Wysocki",
                        "Acked-by: Greg Kroah-Hartman", "Suggested-by: Greg Kroah-Hartman (in patch)"),
                3, Set.of("Acked-by: Leon Romanovsky", "Reviewed-by: Jason Gunthorpe (in patch)",
                        "Reviewed-by: Jason Gunthorpe",
                        "Reviewed-by: Rafael J. Wysocki", "Reviewed-by: Danilo Krummrich (carried)",
                        "Tested-by: Priya Natarajan"),
                4, Set.of("Reviewed-by: Jason Gunthorpe", "Reviewed-by: Rafael J. Wysocki")),
                matrix(series(AUX_V3).latest()));
        SeriesPatch p1 = series(AUX_V3).latest().patches().get(0);
        GivenTrailer leon = p1.trailers().stream().filter(t -> t.name().equals("Leon Romanovsky")).findFirst().orElseThrow();
        assertEquals("for patches 1-3", leon.scope());
        assertEquals("20261116110240.GH41260@unreal", leon.givenIn());
        GivenTrailer danilo = p1.trailers().stream().filter(t -> t.name().equals("Danilo Krummrich")).findFirst().orElseThrow();
        assertEquals("2", danilo.carriedFrom());
        assertEquals("aRtQb9x1Lm4wKp2E@pollux", danilo.givenIn());
        GivenTrailer greg = series(AUX_V3).latest().patches().get(1).trailers().stream()
                .filter(t -> t.kind().equals("Acked-by") && t.name().equals("Greg Kroah-Hartman")).findFirst().orElseThrow();
        assertEquals("2026111716-sprinkler-oxidize-2b4a@gregkh", greg.givenIn());
        // Rafael's forwarded quote of Jason's masked mail gives nothing: only his own trailer counts.
        assertTrue(p1.trailers().stream().noneMatch(t -> t.email().contains("xxxx")));
    }

    @Test
    void mlx5TrailersScopedAck() throws Exception {
        SeriesVersion v = series(MLX5).latest();
        assertEquals(rows(
                1, Set.of("Reviewed-by: Elad Barkan (in patch)", "Reviewed-by: Jason Gunthorpe", "Acked-by: Saeed Mahameed"),
                2, Set.of("Acked-by: Saeed Mahameed")), matrix(v));
        GivenTrailer saeed = v.patches().get(1).trailers().stream().filter(t -> t.kind().equals("Acked-by"))
                .findFirst().orElseThrow();
        assertEquals("for the mlx5 part", saeed.scope());
    }

    @Test
    void irdmaTrailersCarriedIntoThePartialReroll() throws Exception {
        Series irdma = series(IRDMA);
        assertEquals(rows(
                1, Set.of("Acked-by: Jason Gunthorpe"),
                2, Set.of("Acked-by: Jason Gunthorpe", "Reviewed-by: Marta Zielinska (in patch)"),
                3, Set.of("Acked-by: Jason Gunthorpe", "Reported-by: Jacek Wierzbicki (in patch)")),
                matrix(version(irdma, "1")));
        assertEquals(rows(
                1, Set.of("Acked-by: Jason Gunthorpe (carried)"),
                2, Set.of("Acked-by: Jason Gunthorpe (carried)", "Reviewed-by: Marta Zielinska (in patch)"),
                3, Set.of("Acked-by: Jason Gunthorpe (carried)", "Reported-by: Jacek Wierzbicki (carried, in patch)")),
                matrix(irdma.latest()));
    }

    @Test
    void rxeTrailersReplyToOnePatchCarriedAndOneNamingSomeoneElse() throws Exception {
        Series rxe = series(RXE_V2);
        assertEquals(rows(
                1, Set.of("Reviewed-by: Zhu Yanjun"),
                3, Set.of()), matrix(version(rxe, "1")));
        // Zhu relays Bob's ack on the cover: kept on every patch, shown as not given by Bob.
        assertEquals(rows(
                1, Set.of("Reviewed-by: Zhu Yanjun (carried)", "Acked-by: Bob Pearson (not by sender)"),
                2, Set.of("Acked-by: Bob Pearson (not by sender)"),
                3, Set.of("Acked-by: Bob Pearson (not by sender)")), matrix(rxe.latest()));
        GivenTrailer bob = rxe.latest().patches().get(1).trailers().stream()
                .filter(t -> t.name().equals("Bob Pearson")).findFirst().orElseThrow();
        assertEquals("9e1f3a5c-7b2d-4c8e-a0f6-3d5b7e9c1a24@linux.dev", bob.givenIn());
        assertFalse(bob.bySender());
    }

    @Test
    void hnsTrailersMaskedSenderMatchedByName() throws Exception {
        Series hns = series(HNS_1);
        assertEquals(rows(
                1, Set.of("Reviewed-by: Jason Gunthorpe"),
                2, Set.of(),
                3, Set.of()), matrix(version(hns, "1")));
        GivenTrailer jason = version(hns, "1").patches().get(0).trailers().stream()
                .filter(t -> t.kind().equals("Reviewed-by")).findFirst().orElseThrow();
        assertEquals("jgg@xxxxxxxxxx", jason.email());
        assertTrue(jason.bySender(), "masked sender and masked trailer: the same person, by name");
        assertEquals(rows(
                1, Set.of("Reviewed-by: Jason Gunthorpe (carried)"),
                2, Set.of()), matrix(hns.latest()));
    }

    @Test
    void hnsBondReplyIsAReplyNotATrailer() throws Exception {
        // Leon asks for a rebase in prose: no trailer of his lands on any patch, only the patches' own chains.
        SeriesVersion v = series(BOND_1).latest();
        assertEquals(rows(1, Set.of(), 2, Set.of()), matrix(v));
        assertEquals(rows(
                1, List.of("Signed-off-by: Junxian Huang"),
                2, List.of("Signed-off-by: Junxian Huang")), chains(v));
        for (SeriesPatch p : v.patches()) {
            assertTrue(p.trailers().stream().noneMatch(t -> BOND_REPLY.equals(t.givenIn())), p.trailers().toString());
            assertTrue(p.trailers().stream().noneMatch(t -> t.name().equals("Leon Romanovsky")));
        }
        assertEquals(rows(1, List.of(), 2, List.of()), findings(v));
    }

    @Test
    void statesFollowTheTrailers() throws Exception {
        // v2's bare NACK would make it changes-requested, but a later version supersedes it.
        assertEquals("superseded", version(series(AUX_V2), "2").state());
        assertEquals("under-review", series(AUX_V3).latest().state());
        assertEquals("under-review", series(MLX5).latest().state());
        assertEquals("under-review", series(RXE_V2).latest().state());
        assertEquals("under-review", series(MKEY_V2).latest().state());
        // The RESEND was answered "Applied, thanks!" in b4 ty's shape: applied, with its commit.
        assertEquals("applied", series(RESEND).latest().state());
        // A partial reroll carrying reviews of its unchanged patches is under review (a review trailer moves a
        // series there), though nobody has answered the re-posted patch yet.
        assertEquals("under-review", series(IRDMA).latest().state());
        assertEquals("under-review", series(HNS_1).latest().state());
        // A reply without a trailer moves nothing: the hns bond series is still new.
        assertEquals("new", series(BOND_1).latest().state());
    }

    @Test
    void theResendAnsweredAppliedThanksIsAppliedWithItsCommit() throws Exception {
        Series resend = series(RESEND);
        Applied applied = resend.latest().patches().get(0).applied();
        assertEquals(new Applied("4e2a91c7d3b0", "https://git.kernel.org/rdma/rdma/c/4e2a91c7d3b0", "",
                "176241733104.118202.7712049012345678901.b4-ty@kernel.org", applied.date()), applied);
        assertEquals(java.time.Instant.parse("2026-11-06T08:02:11Z").toEpochMilli(), resend.latest().stateSince());
        assertTrue(resend.members().contains("176241733104.118202.7712049012345678901.b4-ty@kernel.org"),
                "the notice is a reply about the series");
        assertFalse(all.stream().anyMatch(s -> s.title().startsWith("Re:") || s.latest().patches().stream()
                .anyMatch(p -> p.messageId().contains("b4-ty"))), "no Applied notice is a series of its own");
        // The last week's irdma fix is applied the same way (b4's "[1/1] title" and commit URL).
        Series enomem = all.stream().filter(s -> s.title().startsWith("RDMA/irdma: return -ENOMEM")).findFirst()
                .orElseThrow();
        assertEquals("9c41d7e2b5a3", enomem.latest().patches().get(0).applied().commit());
        assertEquals("applied", enomem.latest().state());
        for (Series s : all) {
            if (!s.id().equals(resend.id()) && !s.id().equals(enomem.id())) {
                for (SeriesVersion v : s.versions()) {
                    v.patches().forEach(p -> assertNull(p.applied(), "nothing else was applied: " + p.subject()));
                }
            }
        }
    }

    // -------------------------------------------------------------------------------------------------- sign-off

    @Test
    void signOffAuthorFromInBodyFromAndMaintainerLast() throws Exception {
        SeriesVersion v = series(MLX5).latest();
        assertEquals("leon@kernel.org", v.sender().email());
        for (SeriesPatch p : v.patches()) {
            assertEquals("Shira Levi", p.author().name(), "the in-body From: is the author");
            assertEquals("shiral@nvidia.com", p.author().email());
        }
        assertEquals(rows(
                1, List.of("Signed-off-by: Shira Levi", "Signed-off-by: Leon Romanovsky"),
                2, List.of("Signed-off-by: Shira Levi", "Signed-off-by: Leon Romanovsky")), chains(v));
        assertEquals(rows(1, List.of(), 2, List.of()), findings(v));
    }

    @Test
    void signOffFindings() throws Exception {
        // irdma 2/3: the author's sign-off is missing (and the sender, the author, does not sign off); fixed in v1.1.
        assertEquals(rows(1, List.of(), 2, List.of("signoff-author", "signoff-order"), 3, List.of()),
                findings(version(series(IRDMA), "1")));
        assertEquals(rows(1, List.of(), 2, List.of(), 3, List.of()), findings(series(IRDMA).latest()));
        // rxe v1: Fixes without a subject in 1/3, Co-developed-by without its Signed-off-by in 3/3; fixed in v2.
        assertEquals(rows(1, List.of("fixes"), 3, List.of("signoff-codev")), findings(version(series(RXE_1), "1")));
        assertEquals(rows(1, List.of(), 2, List.of(), 3, List.of()), findings(series(RXE_V2).latest()));
        assertEquals(List.of("Co-developed-by: Mateusz Nowak", "Signed-off-by: Mateusz Nowak",
                "Signed-off-by: Lukas Brenner"), chains(series(RXE_V2).latest()).get(3));
        // hns 1/2: the sender signs off, but Junxian's sign-off follows: the deliberate chain-of-custody case.
        assertEquals(rows(1, List.of("signoff-order"), 2, List.of(), 3, List.of()), findings(version(series(HNS_1), "1")));
        assertEquals(List.of("Signed-off-by: Wei Chen", "Signed-off-by: Junxian Huang"),
                chains(version(series(HNS_1), "1")).get(1));
        // Every other patch of the archive is clean.
        int clean = 0;
        for (Series s : all) {
            if (Set.of(series(IRDMA).id(), series(RXE_1).id(), series(HNS_1).id()).contains(s.id())) continue;
            for (SeriesVersion v : s.versions()) {
                for (SeriesPatch p : v.patches()) {
                    assertEquals(List.of(), p.findings(), s.title() + " v" + v.label() + " " + p.index());
                    clean++;
                }
            }
        }
        assertEquals(26, clean, "17, the two patches of the hns bond series, the last week's three single patches "
                + "and the four of the two series pull requests carry");
    }
}
