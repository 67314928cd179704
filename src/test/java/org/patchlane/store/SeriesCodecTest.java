package org.patchlane.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.patchlane.mail.Address;
import org.patchlane.patch.Finding;
import org.patchlane.thread.Applied;
import org.patchlane.thread.GivenTrailer;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * Every field of a series survives its series document's encoding. Each field holds a value no other field of its
 * type holds, and the booleans are tried in both patterns, so two fields read back in each other's place fail.
 */
class SeriesCodecTest {
    @Test
    void everyFieldRoundTrips() {
        for (boolean flip : List.of(false, true)) {
            Series s = series(flip);
            assertEquals(s, roundTrip(s));
        }
    }

    @Test
    void nullsEmptiesAndLongTextRoundTrip() {
        SeriesPatch bare = new SeriesPatch(1, 1, "p@x", List.of(), "", "", null, null, List.of(), null, List.of(),
                List.of(), null);
        SeriesVersion v = new SeriesVersion(1, "1", null, "", null, 0, false, false, null, "new", 0, List.of(),
                List.of(), List.of(bare), null);
        Series s = new Series("0123456789ab", "t".repeat(100_000), null, null, 0, List.of(), List.of(), List.of(v));
        assertEquals(s, roundTrip(s));
    }

    @Test
    void anotherLayoutIsRefused() {
        byte[] b = SeriesCodec.encode(series(false));
        b[0] = (byte) (SeriesCodec.VERSION + 1);
        assertThrows(IllegalStateException.class, () -> SeriesCodec.decode(b, 0, b.length));
    }

    private static Series series(boolean flip) {
        GivenTrailer acked = new GivenTrailer("Acked-by", "Jürgen Weiß", "jw@example.org", "ack@x", !flip, "2",
                flip, !flip, "for mlx5");
        GivenTrailer reviewed = new GivenTrailer("Reviewed-by", "Leon", "leon@x", "rb@x", flip, null, !flip, flip,
                null);
        SeriesPatch p1 = new SeriesPatch(1, 2, "p1@x", List.of("p1@x", "p1-resend@x"), "[PATCH v2 1/2] a: ünïcode",
                "a: ünïcode", "0123abcd".repeat(5), new Address("Author", "author@x"),
                List.of("drivers/a.c", "include/b.h"), "changed", List.of(acked, reviewed),
                List.of(new Finding("signoff-order", "the sender signs off last")),
                new Applied("deadbeef", "https://git.kernel.org/c/deadbeef", "for-next", "applied@x", 1_763_000_000_001L));
        SeriesPatch p2 = new SeriesPatch(2, 2, "p2@x", List.of("p2@x"), "[PATCH v2 2/2] b", "b", null,
                new Address("", "only@address"), List.of(), "new", List.of(), List.of(), null);
        SeriesVersion v1 = new SeriesVersion(1, "1", "cover1@x", "title one", new Address("Sender", "s@x"),
                1_762_000_000_000L, flip, !flip, null, "superseded", 1_762_500_000_000L, List.of("linux-rdma"),
                List.of("missing 2/2"), List.of(p2), null);
        SeriesVersion v2 = new SeriesVersion(2, "2.1", "cover2@x", "title two", new Address("Other", "o@x"),
                1_763_000_000_000L, !flip, flip, "1", "under-review", 1_763_100_000_000L,
                List.of("linux-rdma", "netdev"), List.of("extra 3/2"), List.of(p1, p2),
                new Applied("cafe", "https://example.org/m", "mainline", "bot@x", 1_763_200_000_000L));
        return new Series("f715ea28d31c", "the series", new Address("Submitter", "sub@x"), "20261102-x-1",
                1_763_300_000_000L, List.of("linux-rdma", "linux-kernel"), List.of("m1@x", "m2@x"), List.of(v1, v2));
    }

    private static Series roundTrip(Series s) {
        byte[] b = SeriesCodec.encode(s);
        byte[] padded = new byte[b.length + 10];
        System.arraycopy(b, 0, padded, 7, b.length);
        return SeriesCodec.decode(padded, 7, b.length);
    }
}
