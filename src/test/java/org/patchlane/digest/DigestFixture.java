package org.patchlane.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Hand-made digests for the writers' tests: {@link #full()} fills every section, with hostile text (markup,
 * attribute breakers, {@code javascript:} links) in titles, names, notes and evidence; {@link #empty()} has nothing.
 */
public final class DigestFixture {
    public static final String WEEK = "2026-W47";
    /** Set by the hostile text's script if it ever ran (the browser test looks for it). */
    public static final String MARKER = "window.__pwned";
    public static final String HOSTILE = "<script>" + MARKER + "=1</script><img src=x onerror=\"" + MARKER + "=1\">";

    public static final SeriesRef AUX = new SeriesRef("8d107a81e5c7",
            "driver core: auxiliary: add auxiliary_device_get() and auxiliary_device_put()", "3", "under-review");
    public static final SeriesRef MLX5 = new SeriesRef("a1b2c3d4e5f6", "RDMA/mlx5: use the auxiliary device lifetime "
            + HOSTILE, "2", "changes-requested");
    public static final SeriesRef HNS = new SeriesRef("0f1e2d3c4b5a", "RDMA/hns: take the device reference "
            + "\"onerror=alert(1) x=\" <a href=\"javascript:alert(1)\">click</a>", "1", "new");
    public static final SeriesRef PULL = new SeriesRef("77aa88bb99cc", "[GIT PULL] rdma fixes for 6.19", "1", "merged");
    public static final SeriesRef CORE = new SeriesRef("ccddeeff0011", "RDMA/core: fix a leak in ib_register_device", "1",
            "applied");

    static final Person NOA = new Person("Noa Ashkenazi", "noaa@nvidia.com");
    static final Person LEON = new Person("Leon Romanovsky", "leon@kernel.org");
    static final Person JASON = new Person("Jason Gunthorpe", "jgg@nvidia.com");
    static final Person EVIL = new Person("Mallory " + HOSTILE, "mallory@example.org");
    static final Person GREG = new Person("Greg Kroah-Hartman", "gregkh@linuxfoundation.org");

    private DigestFixture() {
    }

    static Instant at(String day) {
        return Instant.parse(day + "T10:00:00Z");
    }

    /** Figures per week for the trend: W42..W47. */
    static List<WeekFigures> trend() {
        return List.of(
                new WeekFigures("2026-W42", new Figures(1, 0, 2, 1, 0, 0, 0, 0, Duration.ofHours(30))),
                new WeekFigures("2026-W43", new Figures(2, 1, 3, 2, 1, 0, 1, 1, Duration.ofHours(20))),
                new WeekFigures("2026-W44", new Figures(3, 1, 4, 1, 0, 1, 0, 0, null)),
                new WeekFigures("2026-W45", new Figures(2, 2, 5, 3, 1, 0, 0, 1, Duration.ofHours(12))),
                new WeekFigures("2026-W46", new Figures(1, 2, 9, 2, 1, 0, 1, 0, Duration.ofHours(28))),
                new WeekFigures(WEEK, new Figures(4, 3, 12, 5, 2, 1, 1, 2, Duration.ofHours(26))));
    }

    /** A digest of linux-rdma in 2026-W47 with every section filled. */
    public static Digest full() {
        Posting aux = new Posting(AUX, Posting.Kind.NEW_VERSION, NOA, at("2026-11-16"),
                "20261116-aux-lifetime-v3-0-2b7e9f4c1d38@nvidia.com", 4,
                List.of("2 of 4 patches changed", "v3: drop the devm_ variant " + HOSTILE), false);
        Posting mlx5 = new Posting(MLX5, Posting.Kind.NEW_VERSION, EVIL, at("2026-11-17"), "mlx5-v2-0@example.org", 2,
                List.of("rebased on v3 of the auxiliary series"), false);
        Posting hns = new Posting(HNS, Posting.Kind.NEW_SERIES, new Person("Junxian Huang", "huangjunxian6@hisilicon.com"),
                at("2026-11-18"), "20261118-hns-1@hisilicon.com", 1, List.of(), true);
        TrailerGiven ack = new TrailerGiven("Acked-by", LEON, AUX, "1/4, 2/4, 3/4", "20261116110240.GH41260@unreal",
                at("2026-11-16"));
        TrailerGiven review = new TrailerGiven("Reviewed-by", JASON, AUX, "all", "20261117-jgg@nvidia.com",
                at("2026-11-17"));
        TrailerGiven test = new TrailerGiven("Tested-by", EVIL, MLX5, "all", "evil-1@example.org", at("2026-11-18"));
        TrailerGiven nack = new TrailerGiven("Nacked-by", JASON, MLX5, "2/2", "20261119-nack@nvidia.com",
                at("2026-11-19"));
        Finding late = new Finding("pull-late", PULL, false, "sent after the merge window opened",
                List.of("merge window opened 2026-11-15"), List.of());
        Finding clean = new Finding("pull-clean", PULL, true, "every commit is in the named tree", List.of(), List.of());
        PullLine pull = new PullLine(PULL, LEON, at("2026-11-20"), "pull-rdma-2026-11-20@kernel.org",
                "git://git.kernel.org/pub/scm/linux/kernel/git/rdma/rdma.git", "tags/for-linus", List.of(late, clean));
        Merge merged = new Merge(PULL, Merge.Kind.MERGED, at("2026-11-21"), "torvalds/linux.git",
                List.of("0123456789abcdef0123456789abcdef01234567"), "v6.19-rc1", "pr-tracker-bot-1@kernel.org");
        Merge applied = new Merge(CORE, Merge.Kind.APPLIED, at("2026-11-19"), "rdma for-next",
                List.of("fedcba9876543210fedcba9876543210fedcba98"), "", "applied-1@kernel.org");
        Finding acks = new Finding("required-acks", AUX, false, "no ack from a maintainer of DRIVER CORE",
                List.of("patches 1/4, 2/4 touch drivers/base/auxiliary.c"), List.of(GREG));
        Finding exports = new Finding("exports", AUX, false, "auxiliary_device_destroy is exported but unused",
                List.of("EXPORT_SYMBOL_GPL(auxiliary_device_destroy) " + HOSTILE), List.of());
        Waiting driverAck = new Waiting(AUX, Waiting.Reason.DRIVER_ACK, at("2026-11-16"), 6, List.of(GREG),
                "Acked-by from DRIVER CORE");
        Waiting prereq = new Waiting(MLX5, Waiting.Reason.PREREQUISITE, at("2026-11-17"), 5, List.of(NOA),
                "needs \"" + AUX.title() + "\" v3");
        Waiting noReply = new Waiting(HNS, Waiting.Reason.NO_REPLY, at("2026-11-18"), 4, List.of(), "");
        StateChange change = new StateChange(MLX5, "under-review", "changes-requested", LEON, at("2026-11-19"),
                "see Jason's NACK; " + HOSTILE);
        Group infra = new Group("linux-rdma", "DRIVER CORE", "infrastructure", List.of(aux),
                List.of(new PersonReviews(JASON, List.of(review)), new PersonReviews(LEON, List.of(ack))), List.of(),
                List.of(), List.of(), List.of(acks, exports), List.of(driverAck), List.of());
        Group drivers = new Group("linux-rdma", "MELLANOX MLX5 IB DRIVER " + HOSTILE, "driver", List.of(mlx5, hns),
                List.of(new PersonReviews(EVIL, List.of(test))), List.of(nack), List.of(pull),
                List.of(merged, applied), List.of(), List.of(prereq, noReply), List.of(change));
        List<WeekFigures> trend = trend();
        Figures now = trend.get(5).figures();
        Figures previous = trend.get(4).figures();
        Figures four = new Figures(2, 1, 4, 2, 1, 0, 0, 1, Duration.ofHours(21));
        return new Digest(Period.isoWeek(WEEK), at("2026-11-23"), "linux-rdma", now, previous, four, trend,
                List.of(infra, drivers), List.of(new PersonQueue(GREG, List.of(driverAck)),
                new PersonQueue(NOA, List.of(prereq))));
    }

    /** A week of linux-rdma when nothing happened. */
    public static Digest empty() {
        Figures zero = new Figures(0, 0, 0, 0, 0, 0, 0, 0, null);
        return new Digest(Period.isoWeek(WEEK), at("2026-11-23"), "linux-rdma", zero, zero, zero, List.of(), List.of(),
                List.of());
    }

    /** A source answering {@link #full()} for any week and list (as that week and list), {@link #empty()} for W44. */
    public static DigestSource source() {
        return (period, list) -> {
            Digest d = period.label().equals("2026-W44") ? empty() : full();
            return new Digest(period, d.generated(), list, d.figures(), d.previous(), d.fourWeeks(), d.trend(),
                    d.groups(), d.waitingOnYou());
        };
    }

    /** The series ids every line of {@link #full()} is about. */
    public static List<String> seriesIds() {
        return List.of(AUX.id(), MLX5.id(), HNS.id(), PULL.id(), CORE.id());
    }
}
