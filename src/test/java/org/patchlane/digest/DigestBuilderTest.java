package org.patchlane.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.git.ConfigFile;
import org.patchlane.ingest.Ingester;
import org.patchlane.ingest.Progress;
import org.patchlane.mail.Address;
import org.patchlane.review.Policy;
import org.patchlane.review.ReviewState;
import org.patchlane.store.Archive;
import org.patchlane.store.Decisions;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

/**
 * The digest of a hand-written archive ({@link WeekArchive}), section by section and line by line against the mail
 * it holds: every line lands in the week its mail is dated in (Sunday 23:59:59 UTC is the week's, Monday 00:00 the
 * next's), carried trailers and the author's chain are no review, and what waits is what waited at the week's end.
 */
class DigestBuilderTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Person JASON = new Person("Jason Gunthorpe", "jgg@nvidia.com");
    private static final Person LEON = new Person("Leon Romanovsky", "leon@kernel.org");

    @TempDir
    static Path dir;
    static Searcher searcher;
    static Policy policy;
    static String core;
    static String mlx5;

    @BeforeAll
    static void ingest() throws IOException {
        Path mbox = dir.resolve("week.mbox");
        Files.writeString(mbox, WeekArchive.mbox(), StandardCharsets.UTF_8);
        Path data = dir.resolve("data");
        try (Archive archive = Archive.open(data)) {
            new Ingester(archive, null, Progress.NONE).run(List.of(mbox));
        }
        Path conf = dir.resolve("patchlane.conf");
        Files.writeString(conf, WeekArchive.CONFIG, StandardCharsets.UTF_8);
        policy = Policy.load(ConfigFile.read(conf), dir);
        // A maintainer's decision in W47, after v2's posting: recorded as the decisions repository holds them.
        searcher = Searcher.open(data);
        Series s = searcher.seriesOf(WeekArchive.CORE_V2).orElseThrow();
        core = s.id();
        mlx5 = searcher.seriesOf(WeekArchive.MLX5).orElseThrow().id();
        try (Decisions d = Decisions.of(data)) {
            d.record(s, ReviewState.UNDER_REVIEW, ReviewState.ACCEPTED, "Queued once Jason reviews.",
                    new Address("Leon Romanovsky", "leon@kernel.org"), Instant.parse("2026-11-19T12:00:00Z"));
        }
    }

    @AfterAll
    static void close() throws IOException {
        searcher.close();
    }

    private static Digest digest(String week, String list) throws IOException {
        return new DigestBuilder(searcher, policy, DigestBuilder.QUIET, Clock.fixed(NOW, ZoneOffset.UTC))
                .digest(Period.isoWeek(week), list);
    }

    private static Group group(Digest d, String list, String area) {
        return d.groups().stream().filter(g -> g.list().equals(list) && g.area().equals(area)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + list + "/" + area + " in " + d.groups()));
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void theWeeksGroupsByListThenArea() throws IOException {
        Digest d = digest("2026-W47", null);
        assertEquals(List.of("linux-rdma/mlx5/driver", "linux-rdma/rdma-core/infrastructure", "linux-rdma/rxe/driver",
                "netdev//other"), d.groups().stream().map(g -> g.list() + "/" + g.area() + "/" + g.areaKind()).toList());
        assertEquals(NOW, d.generated());
        assertNull(d.list());
    }

    @Test
    void newSeriesAndNewVersionsWithWhatChanged() throws IOException {
        Digest d = digest("2026-W47", null);
        SeriesRef v2 = new SeriesRef(core, "RDMA/core: add ib_umem_pin()", "2", "accepted");
        assertEquals(List.of(new Posting(v2, Posting.Kind.NEW_VERSION, new Person("Noa Ashkenazi", "noaa@nvidia.com"),
                        at("2026-11-16T09:00:00Z"), WeekArchive.CORE_V2, 2,
                        List.of("1 of 2 patches changed, 1 unchanged", "rename the flag to IB_UMEM_PIN (Jason)"), false)),
                group(d, "linux-rdma", "rdma-core").postings());
        Posting shira = group(d, "linux-rdma", "mlx5").postings().get(0);
        assertEquals(new Posting(new SeriesRef(mlx5, "RDMA/mlx5: pin the odp umem", "1", "changes-requested"),
                Posting.Kind.NEW_SERIES, new Person("Shira Levi", "shiral@nvidia.com"), at("2026-11-17T10:00:00Z"),
                WeekArchive.MLX5, 1, List.of(), false), shira);
        assertEquals(WeekArchive.NETDEV, group(d, "netdev", "").postings().get(0).messageId());
        // v1 was W46's: a new series there, with no changes line.
        Digest w46 = digest("2026-W46", null);
        assertEquals(List.of(Posting.Kind.NEW_SERIES), group(w46, "linux-rdma", "rdma-core").postings().stream()
                .map(Posting::kind).toList());
        assertEquals(new SeriesRef(core, "RDMA/core: add ib_umem_pin()", "1", "under-review"),
                group(w46, "linux-rdma", "rdma-core").postings().get(0).series());
    }

    @Test
    void aTrailerBelongsToTheWeekItsMailIsDatedIn() throws IOException {
        SeriesRef v2 = new SeriesRef(core, "RDMA/core: add ib_umem_pin()", "2", "accepted");
        // Sunday 23:59:59 UTC: W47. The carried Tested-by and the Signed-off-by chain are not given this week.
        assertEquals(List.of(new PersonReviews(LEON, List.of(new TrailerGiven("Acked-by", LEON, v2, "all",
                        WeekArchive.LEON_ACK, at("2026-11-22T23:59:59Z"))))),
                group(digest("2026-W47", null), "linux-rdma", "rdma-core").reviews());
        // Monday 00:00:00 UTC: W48, and only there.
        SeriesRef v2then = new SeriesRef(core, "RDMA/core: add ib_umem_pin()", "2", "accepted");
        assertEquals(List.of(new PersonReviews(JASON, List.of(new TrailerGiven("Reviewed-by", JASON, v2then, "1/2",
                        WeekArchive.JASON_REVIEW, at("2026-11-23T00:00:00Z"))))),
                group(digest("2026-W48", null), "linux-rdma", "rdma-core").reviews());
        // Priya tested v1 in W46; v2 carries it (unchanged patch), which is not a new test.
        Person priya = new Person("Priya Natarajan", "pnatarajan@redhat.com");
        assertEquals(List.of(new PersonReviews(priya, List.of(new TrailerGiven("Tested-by", priya,
                        new SeriesRef(core, "RDMA/core: add ib_umem_pin()", "1", "under-review"), "2/2",
                        WeekArchive.PRIYA_TEST, at("2026-11-11T08:00:00Z"))))),
                group(digest("2026-W46", null), "linux-rdma", "rdma-core").reviews());
    }

    @Test
    void nacksPullsAndMerges() throws IOException {
        Digest d = digest("2026-W47", null);
        Group mlx5g = group(d, "linux-rdma", "mlx5");
        assertEquals(List.of(new TrailerGiven("Nacked-by", JASON,
                        new SeriesRef(mlx5, "RDMA/mlx5: pin the odp umem", "1", "changes-requested"), "1/1",
                        WeekArchive.JASON_NACK, at("2026-11-18T10:00:00Z"))), mlx5g.nacks());
        assertEquals(List.of(), mlx5g.reviews(), "a NACK is listed apart");
        assertEquals(List.of(new PullLine(new SeriesRef("", "[GIT PULL] mlx5 updates for 6.20", "", ""),
                        new Person("Saeed Mahameed", "saeed@kernel.org"), at("2026-11-20T12:00:00Z"), WeekArchive.PULL,
                        "https://git.kernel.org/pub/scm/linux/kernel/git/saeed/linux.git", "tags/mlx5-updates-2026-11-20",
                        List.of())), mlx5g.pulls());
        String rxe = searcher.seriesOf(WeekArchive.RXE_FIX).orElseThrow().id();
        assertEquals(List.of(new Merge(new SeriesRef(rxe, "RDMA/rxe: check the qp state", "1", "applied"),
                        Merge.Kind.APPLIED, at("2026-11-19T08:00:00Z"), "", List.of("0a1b2c3d4e5f"), "",
                        WeekArchive.ZHU_APPLIED)), group(d, "linux-rdma", "rxe").merges());
        assertEquals(List.of(), group(digest("2026-W46", null), "linux-rdma", "rxe").merges(),
                "applied in W47, not when it was posted");
    }

    @Test
    void ruleFindingsOfTheSeriesActiveInTheWeek() throws IOException {
        SeriesRef v2 = new SeriesRef(core, "RDMA/core: add ib_umem_pin()", "2", "accepted");
        List<Finding> w47 = group(digest("2026-W47", null), "linux-rdma", "rdma-core").findings();
        assertEquals(List.of("exports", "required-acks"), w47.stream().map(Finding::rule).toList());
        assertEquals("exports without a user: ib_umem_unpin", w47.get(0).summary());
        assertEquals(v2, w47.get(0).series());
        assertEquals("missing Acked-by or Reviewed-by from Jason Gunthorpe (rdma-core)", w47.get(1).summary());
        assertEquals(List.of(JASON), w47.get(1).people());
        // At W46's end the mlx5 user (posted in W47) was not on the list: neither its use of ib_umem_pin nor its
        // driver's ack is part of that week's findings.
        List<Finding> w46 = group(digest("2026-W46", null), "linux-rdma", "rdma-core").findings();
        assertEquals(List.of("exports", "posted-together", "required-acks"), w46.stream().map(Finding::rule).toList());
        assertEquals("exports without a user: ib_umem_pin, ib_umem_unpin", w46.get(0).summary());
        assertEquals(List.of("rdma-core: no Acked-by or Reviewed-by from Jason Gunthorpe on 1/2"), w46.get(2).evidence());
        assertTrue(w46.stream().flatMap(f -> f.evidence().stream()).noneMatch(e -> e.contains("pin the odp umem")),
                w46.toString());
        assertTrue(w47.stream().noneMatch(Finding::pass));
        // Jason's review of W48 covers the core patch: only the unused export is left.
        assertEquals(List.of("exports"), group(digest("2026-W48", null), "linux-rdma", "rdma-core").findings()
                .stream().map(Finding::rule).toList());
    }

    @Test
    void waitingAtTheWeeksEndAndOnWhom() throws IOException {
        Digest d = digest("2026-W47", null);
        SeriesRef v2 = new SeriesRef(core, "RDMA/core: add ib_umem_pin()", "2", "accepted");
        assertEquals(List.of(new Waiting(v2, Waiting.Reason.AREA_ACK, at("2026-11-16T09:00:00Z"), 6, List.of(JASON),
                        "needs an Acked-by or Reviewed-by from Jason Gunthorpe (rdma-core)")),
                group(d, "linux-rdma", "rdma-core").waiting());
        SeriesRef quiet = new SeriesRef(searcher.seriesOf(WeekArchive.RXE_QUIET).orElseThrow().id(),
                "RDMA/rxe: refuse a short cq resize", "1", "new");
        Person zhu = new Person("Zhu Yanjun", "yanjun.zhu@linux.dev");
        assertEquals(List.of(new Waiting(quiet, Waiting.Reason.NO_REPLY, at("2026-11-13T10:00:00Z"), 9, List.of(zhu),
                        "no reply from anyone but Mateo Ruiz since v1 was posted")),
                group(d, "linux-rdma", "rxe").waiting());
        assertEquals(List.of(new Waiting(new SeriesRef(mlx5, "RDMA/mlx5: pin the odp umem", "1", "changes-requested"),
                        Waiting.Reason.PREREQUISITE, at("2026-11-17T10:00:00Z"), 5,
                        List.of(new Person("Noa Ashkenazi", "noaa@nvidia.com")),
                        "needs \"RDMA/core: add ib_umem_pin()\" (" + core + ", v2), still accepted")),
                group(d, "linux-rdma", "mlx5").waiting());
        assertEquals(List.of(new PersonQueue(JASON, group(d, "linux-rdma", "rdma-core").waiting()),
                new PersonQueue(zhu, group(d, "linux-rdma", "rxe").waiting())), d.waitingOnYou());
        // At W46's end the quiet patch had waited under 7 days, and v2 did not exist yet.
        Digest w46 = digest("2026-W46", null);
        assertTrue(w46.groups().stream().flatMap(g -> g.waiting().stream())
                .noneMatch(w -> w.reason() == Waiting.Reason.NO_REPLY), w46.groups().toString());
        // With a 2-day quiet it had waited long enough; and Lukas's fix (applied only in W47) too.
        Digest quick = new DigestBuilder(searcher, policy, Duration.ofDays(2), Clock.fixed(NOW, ZoneOffset.UTC))
                .digest(Period.isoWeek("2026-W46"), null);
        assertEquals(List.of("RDMA/rxe: check the qp state", "RDMA/rxe: refuse a short cq resize"),
                group(quick, "linux-rdma", "rxe").waiting().stream().map(w -> w.series().title()).sorted().toList());
    }

    @Test
    void stateChangesFromTheDecisionsRepository() throws IOException {
        SeriesRef v2 = new SeriesRef(core, "RDMA/core: add ib_umem_pin()", "2", "accepted");
        assertEquals(List.of(new StateChange(v2, "under-review", "accepted", LEON, at("2026-11-19T12:00:00Z"),
                "Queued once Jason reviews.")), group(digest("2026-W47", null), "linux-rdma", "rdma-core").stateChanges());
        assertEquals(List.of(), group(digest("2026-W48", null), "linux-rdma", "rdma-core").stateChanges());
    }

    @Test
    void figuresComparedWithThePreviousWeekAndTheFourBefore() throws IOException {
        Digest d = digest("2026-W47", null);
        // Median of v2's first answer (Leon, 6d 14:59:59) and the mlx5 patch's (the NACK, 24h).
        Duration w47 = Duration.ofMillis((Duration.parse("PT158H59M59S").toMillis() + Duration.ofHours(24).toMillis()) / 2);
        assertEquals(new Figures(2, 1, 1, 0, 0, 1, 1, 1, w47), d.figures());
        // W46: v1 answered by Priya after 23h, Lukas's fix by Zhu's "Applied" after 6d 23h; Mateo's never.
        assertEquals(new Figures(3, 0, 0, 0, 1, 0, 0, 0, Duration.ofHours((23 + 167) / 2)), d.previous());
        assertEquals(new Figures(0, 0, 0, 0, 0, 0, 0, 0, null), d.fourWeeks());
        assertEquals(12, d.trend().size());
        assertEquals("2026-W36", d.trend().get(0).week());
        assertEquals(new WeekFigures("2026-W47", d.figures()), d.trend().get(11));
        assertEquals(new WeekFigures("2026-W46", d.previous()), d.trend().get(10));
        assertEquals(new Figures(0, 0, 0, 1, 0, 0, 0, 0, null), digest("2026-W48", null).figures());
    }

    @Test
    void aListKeepsItsOwnSeriesOnly() throws IOException {
        Digest d = digest("2026-W47", "netdev");
        assertEquals("netdev", d.list());
        assertEquals(List.of("netdev/"), d.groups().stream().map(g -> g.list() + "/" + g.area()).toList());
        assertEquals(new Figures(1, 0, 0, 0, 0, 0, 0, 0, null), d.figures());
        assertEquals(List.of(), d.waitingOnYou());
        Digest rdma = digest("2026-W47", "linux-rdma");
        assertTrue(rdma.groups().stream().allMatch(g -> g.list().equals("linux-rdma")));
        assertEquals(1, rdma.figures().series());
    }

    @Test
    void aWeekWithNothingInItIsAnEmptyDigest() throws IOException {
        Digest d = digest("2026-W30", null);
        assertEquals(List.of(), d.groups());
        assertEquals(List.of(), d.waitingOnYou());
        assertEquals(new Figures(0, 0, 0, 0, 0, 0, 0, 0, null), d.figures());
        assertEquals(12, d.trend().size());
    }
}
