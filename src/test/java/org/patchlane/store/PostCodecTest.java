package org.patchlane.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.patchlane.mail.Address;
import org.patchlane.patch.Finding;
import org.patchlane.patch.MessageKind;
import org.patchlane.patch.Scope;
import org.patchlane.patch.Trailer;
import org.patchlane.review.MailNotice;
import org.patchlane.thread.Post;

/** Every field of a post survives the doc-values encoding, nulls and non-ASCII included. */
class PostCodecTest {
    @Test
    void roundTrips() {
        Post full = new Post("a@b", List.of("root@x", "parent@x"), new Address("Jürgen Weiß", "jw@example.org"),
                1_763_000_000_000L, "Re: [PATCH v5.1 3/7] drivers: ünïcode", List.of("linux-rdma", "netdev"),
                MessageKind.PATCH, true, 5, "5.1", 3, 7, true, true, "drivers: ünïcode", "0123abcd".repeat(5),
                List.of("drivers/a.c", "include/b.h"), "20261102-x-1", List.of("old@x"),
                List.of(new Trailer("Signed-off-by", "N", "n@x", "N <n@x>", null, false, 4)),
                List.of(new Trailer("Acked-by", "L", "l@x", "L <l@x> # for mlx5", "for mlx5", false, 9)),
                List.of(new Scope("for patches 1-3", new TreeSet<>(List.of(1, 2, 3)), null),
                        new Scope("for the mlx5 bits", new TreeSet<>(), "mlx5")),
                new Address("", "only@address"), List.of(new Finding("signoff-order", "the sender ...")),
                new MailNotice(MailNotice.Kind.APPLIED, "for-next", List.of(
                        new MailNotice.Entry(1, 2, "a: b", "0123456789ab", "https://git.kernel.org/x/c/0123456789ab"),
                        new MailNotice.Entry(2, 2, "a: c", "", ""))));
        assertEquals(full, roundTrip(full));
        Post empty = new Post("x", List.of(), new Address("", ""), 0, "", List.of(), MessageKind.OTHER, false, 1, "1",
                -1, -1, false, false, "", null, List.of(), null, List.of(), List.of(), List.of(), List.of(),
                new Address("", ""), List.of(), null);
        assertEquals(empty, roundTrip(empty));
        String huge = "s".repeat(100_000);
        assertEquals(huge, roundTrip(new Post("y", List.of(), new Address("", ""), 0, huge, List.of(),
                MessageKind.OTHER, false, 1, "1", -1, -1, false, false, "", null, List.of(), null, List.of(), List.of(),
                List.of(), List.of(), new Address("", ""), List.of(), null)).subject());
    }

    private static Post roundTrip(Post p) {
        byte[] b = PostCodec.encode(p);
        byte[] padded = new byte[b.length + 10];
        System.arraycopy(b, 0, padded, 5, b.length);
        return PostCodec.decode(padded, 5, b.length);
    }
}
