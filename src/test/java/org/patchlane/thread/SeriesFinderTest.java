package org.patchlane.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchlane.thread.Mails.GREG;
import static org.patchlane.thread.Mails.JASON;
import static org.patchlane.thread.Mails.LEON;
import static org.patchlane.thread.Mails.NOA;
import static org.patchlane.thread.Mails.SAEED;
import static org.patchlane.thread.Mails.SHIRA;
import static org.patchlane.thread.Mails.mail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Series, versions and trailer attribution, one rule per row, with the expected matrix written out. A series renders
 * as {@code title | v1 state [cover|no cover] [partial] [problems] 1:{trailers} 2:{...} ; v2 ...}; a trailer as its
 * letter (A acked, R reviewed, T tested, N nacked), {@code *} when carried, {@code ?} when it does not name its
 * mail's sender, then the person's name. The patches' own sign-offs are left out. Every row is also checked in
 * three shuffled orders: the result must not depend on the order mail arrived in.
 */
class SeriesFinderTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                row("a reply to the cover counts for every patch",
                        List.of(cover("c", 2, 0), p("c", 1, 2, 1), p("c", 2, 2, 2),
                                mail("r1", LEON, "Re: [PATCH 0/2] aux").refs("c").at(10).body("Acked-by: " + LEON)),
                        "aux | v1 under-review cover 1:{A Leon Romanovsky} 2:{A Leon Romanovsky}"),
                row("a QEMU-style pull request is a series too: [PULL 0/2] covers the [PULL k/2] patches",
                        List.of(mail("q", NOA, "[PULL 0/2] aux").at(0).body("The following changes since commit "
                                        + "aaaaaaaaaaaa:\n\nare available in the Git repository at:\n\n  "
                                        + "https://gitlab.com/noa/aux.git tags/for-upstream\n"),
                                mail("q-1", NOA, "[PULL 1/2] aux: one").refs("q").at(1).patch("drivers/base/aux.c", "line1"),
                                mail("q-2", NOA, "[PULL 2/2] aux: two").refs("q").at(2).patch("drivers/base/aux.c", "line2"),
                                mail("r1", JASON, "Re: [PULL 2/2] aux: two").refs("q", "q-2").at(10)
                                        .body("Reviewed-by: " + JASON)),
                        "aux | v1 under-review cover 1:{} 2:{R Jason Gunthorpe}"),
                row("a reply to one patch counts for that patch",
                        List.of(cover("c", 2, 0), p("c", 1, 2, 1), p("c", 2, 2, 2),
                                mail("r1", JASON, "Re: [PATCH 2/2] aux: two").refs("c", "c-2").at(10)
                                        .body("Reviewed-by: " + JASON)),
                        "aux | v1 under-review cover 1:{} 2:{R Jason Gunthorpe}"),
                row("a reply to a reply counts for the patch above it",
                        List.of(cover("c", 2, 0), p("c", 1, 2, 1), p("c", 2, 2, 2),
                                mail("q", NOA, "Re: [PATCH 1/2] aux: one").refs("c", "c-1").at(10).body("Why?"),
                                mail("r", GREG, "Re: [PATCH 1/2] aux: one").refs("c", "c-1", "q").at(20)
                                        .body("> Why?\nBecause.\n\nAcked-by: " + GREG)),
                        "aux | v1 under-review cover 1:{A Greg Kroah-Hartman} 2:{}"),
                row("quoted trailers never count",
                        List.of(cover("c", 1, 0), p("c", 1, 1, 1),
                                mail("r", LEON, "Re: [PATCH 1/1] aux: one").refs("c", "c-1").at(10)
                                        .body("> Reviewed-by: " + JASON + "\n> Tested-by: " + GREG + "\nThanks.")),
                        "aux | v1 new cover 1:{}"),
                row("a scope remark on the cover limits the trailer to patches 1-2",
                        List.of(cover("c", 3, 0), p("c", 1, 3, 1), p("c", 2, 3, 2), p("c", 3, 3, 3),
                                mail("r", LEON, "Re: [PATCH 0/3] aux").refs("c").at(10)
                                        .body("For patches 1-2:\nAcked-by: " + LEON)),
                        "aux | v1 under-review cover 1:{A Leon Romanovsky} 2:{A Leon Romanovsky} 3:{}"),
                row("a scope comment names an area: only the patches touching it",
                        List.of(cover("c", 2, 0),
                                mail("c-1", NOA, "[PATCH 1/2] aux: core").refs("c").at(1)
                                        .patch("drivers/base/auxiliary.c", "core"),
                                mail("c-2", NOA, "[PATCH 2/2] aux: driver").refs("c").at(2)
                                        .patch("drivers/infiniband/hw/mlx5/main.c", "drv"),
                                mail("r", SAEED, "Re: [PATCH 0/2] aux").refs("c").at(10)
                                        .body("Acked-by: " + SAEED + " # for the mlx5 part")),
                        "aux | v1 under-review cover 1:{} 2:{A Saeed Mahameed}"),
                row("masked addresses match by name",
                        List.of(cover("c", 1, 0), p("c", 1, 1, 1),
                                mail("r", "Jason Gunthorpe <jgg@xxxxxxxxxx>", "Re: [PATCH 0/1] aux").refs("c").at(10)
                                        .body("Reviewed-by: Jason Gunthorpe <jgg@xxxxxxxxxx>")),
                        "aux | v1 under-review cover 1:{R Jason Gunthorpe}"),
                row("a trailer naming someone else is kept and marked",
                        List.of(cover("c", 1, 0), p("c", 1, 1, 1),
                                mail("r", SHIRA, "Re: [PATCH 0/1] aux").refs("c").at(10)
                                        .body("Leon said it is fine:\nAcked-by: " + LEON)),
                        "aux | v1 under-review cover 1:{A? Leon Romanovsky}"),
                row("a bare NACK line is a NACK from the sender",
                        List.of(cover("c", 1, 0), p("c", 1, 1, 1),
                                mail("r", GREG, "Re: [PATCH 1/1] aux: one").refs("c", "c-1").at(10)
                                        .body("NACK\n\nNo exports without a user.")),
                        "aux | v1 changes-requested cover 1:{N Greg Kroah-Hartman}"),
                row("a trailer carries to the next version only where the patch-id is unchanged",
                        List.of(cover("c", 2, 0), p("c", 1, 2, 1), p("c", 2, 2, 2),
                                mail("r", LEON, "Re: [PATCH 0/2] aux").refs("c").at(10).body("Acked-by: " + LEON),
                                coverV("d", 2, 2, 100), pv("d", 2, 1, 2, 101, "line1"), pv("d", 2, 2, 2, 102, "changed")),
                        "aux | v1 superseded cover 1:{A Leon Romanovsky} 2:{A Leon Romanovsky}"
                                + " ; v2 under-review cover 1:{A* Leon Romanovsky} 2:{}"),
                row("a new version posted in reply to the old cover is a new version, not a reply",
                        List.of(cover("c", 1, 0), p("c", 1, 1, 1),
                                mail("d", NOA, "[PATCH v2 0/1] aux").refs("c").at(100).body("v2: fixes"),
                                pv("d", 2, 1, 1, 101, "other")),
                        "aux | v1 superseded cover 1:{} ; v2 new cover 1:{}"),
                row("b4 change-id chains versions even under a new title",
                        List.of(mail("c", NOA, "[PATCH 0/1] aux: lifetime").at(0).body("---\nchange-id: 20261102-aux-1"),
                                p("c", 1, 1, 1),
                                mail("d", NOA, "[PATCH v2 0/1] driver core: lifetime helpers").at(100)
                                        .body("---\nchange-id: 20261102-aux-1"),
                                pv("d", 2, 1, 1, 101, "other")),
                        "driver core: lifetime helpers | v1 superseded cover 1:{} ; v2 new cover 1:{}"),
                row("Supersedes: naming the old cover chains a retitled series",
                        List.of(cover("c", 1, 0), p("c", 1, 1, 1),
                                mail("d", NOA, "[PATCH v2 0/1] driver core: new name").at(100)
                                        .body("Supersedes: <c>"),
                                pv("d", 2, 1, 1, 101, "other")),
                        "driver core: new name | v1 superseded cover 1:{} ; v2 new cover 1:{}"),
                row("Supersedes: in a reply to the new series works too",
                        List.of(cover("c", 1, 0), p("c", 1, 1, 1),
                                mail("d", NOA, "[PATCH v2 0/1] driver core: new name").at(100),
                                pv("d", 2, 1, 1, 101, "other"),
                                mail("n", NOA, "Re: [PATCH v2 0/1] driver core: new name").refs("d").at(110)
                                        .body("Forgot to say:\nSupersedes: <c>")),
                        "driver core: new name | v1 superseded cover 1:{} ; v2 new cover 1:{}"),
                row("Supersedes: naming one patch makes a single patch replace it",
                        List.of(cover("c", 3, 0), p("c", 1, 3, 1), p("c", 2, 3, 2), p("c", 3, 3, 3),
                                mail("r", LEON, "Re: [PATCH 0/3] aux").refs("c").at(10).body("Acked-by: " + LEON),
                                mail("x", NOA, "[PATCH v2] aux: two, fixed").at(100).body("Supersedes: <c-2>")
                                        .patch("drivers/base/aux.c", "two fixed")),
                        "aux | v1 superseded cover 1:{A Leon Romanovsky} 2:{A Leon Romanovsky} 3:{A Leon Romanovsky}"
                                + " ; v2 under-review no-cover partial 1:{A* Leon Romanovsky} 2:{} 3:{A* Leon Romanovsky}"),
                row("[PATCH v2 2/3] in reply to v1's 2/3 updates that patch only",
                        List.of(cover("c", 3, 0), p("c", 1, 3, 1), p("c", 2, 3, 2), p("c", 3, 3, 3),
                                mail("r", LEON, "Re: [PATCH 0/3] aux").refs("c").at(10).body("Acked-by: " + LEON),
                                mail("y", NOA, "[PATCH v2 2/3] aux: two").refs("c", "c-2").at(100)
                                        .patch("drivers/base/aux.c", "two v2")),
                        "aux | v1 superseded cover 1:{A Leon Romanovsky} 2:{A Leon Romanovsky} 3:{A Leon Romanovsky}"
                                + " ; v2 under-review no-cover partial 1:{A* Leon Romanovsky} 2:{} 3:{A* Leon Romanovsky}"),
                row("a v5.1 partial reroll keeps the other patches of v5",
                        List.of(coverV("c", 5, 3, 0), pv("c", 5, 1, 3, 1, "line1"), pv("c", 5, 2, 3, 2, "line2"),
                                pv("c", 5, 3, 3, 3, "line3"),
                                mail("z", NOA, "[PATCH v5.1 3/3] aux: three").refs("c", "c-3").at(100)
                                        .patch("drivers/base/aux.c", "three, again")),
                        "aux | v5 superseded cover 1:{} 2:{} 3:{} ; v5.1 new no-cover partial 1:{} 2:{} 3:{}"),
                row("a RESEND is the same version",
                        List.of(cover("c", 1, 0), p("c", 1, 1, 1),
                                mail("r", LEON, "Re: [PATCH 1/1] aux: one").refs("c", "c-1").at(10).body("Acked-by: " + LEON),
                                mail("e", NOA, "[PATCH RESEND 0/1] aux").at(1000).body("Resending."),
                                mail("e-1", NOA, "[PATCH RESEND 1/1] aux: one").refs("e").at(1001)
                                        .patch("drivers/base/aux.c", "line1")),
                        "aux | v1 under-review cover 1:{A Leon Romanovsky}"),
                row("a gap and an extra patch are flagged",
                        List.of(cover("c", 3, 0), p("c", 1, 3, 1), p("c", 3, 3, 3),
                                mail("c-4", NOA, "[PATCH 4/3] aux: four").refs("c").at(4).patch("drivers/base/aux.c", "4")),
                        "aux | v1 new cover missing 2/3 extra 4/3 1:{} 3:{} 4:{}"),
                row("no cover: patches threaded under patch 1",
                        List.of(mail("p1", NOA, "[PATCH 1/2] aux: one").at(0).patch("drivers/base/aux.c", "1"),
                                mail("p2", NOA, "[PATCH 2/2] aux: two").refs("p1").at(1).patch("drivers/base/aux.c", "2"),
                                mail("r", JASON, "Re: [PATCH 2/2] aux: two").refs("p1", "p2").at(9)
                                        .body("Reviewed-by: " + JASON)),
                        "aux: one | v1 under-review no-cover 1:{} 2:{R Jason Gunthorpe}"),
                row("no cover and no threading: one sender's patches sent together",
                        List.of(mail("u1", NOA, "[PATCH 1/2] aux: one").at(0).patch("drivers/base/aux.c", "1"),
                                mail("u2", NOA, "[PATCH 2/2] aux: two").at(1).patch("drivers/base/aux.c", "2"),
                                mail("w1", NOA, "[PATCH 1/2] other: one").at(600).patch("lib/other.c", "1"),
                                mail("w2", NOA, "[PATCH 2/2] other: two").at(601).patch("lib/other.c", "2")),
                        "aux: one | v1 new no-cover 1:{} 2:{}",
                        "other: one | v1 new no-cover 1:{} 2:{}"),
                row("two series in one thread stay two; a reply to the second says nothing of the first",
                        List.of(cover("c", 1, 0), p("c", 1, 1, 1),
                                mail("m", SHIRA, "[PATCH rdma-next 0/1] mlx5: use it").refs("c").at(50).body("User."),
                                mail("m-1", SHIRA, "[PATCH rdma-next 1/1] mlx5: use it").refs("c", "m").at(51)
                                        .patch("drivers/infiniband/hw/mlx5/main.c", "use"),
                                mail("r", SAEED, "Re: [PATCH rdma-next 0/1] mlx5: use it").refs("c", "m").at(60)
                                        .body("Acked-by: " + SAEED)),
                        "aux | v1 new cover 1:{}",
                        "mlx5: use it | v1 under-review cover 1:{A Saeed Mahameed}"),
                row("one series cross-posted to two lists is one series on both",
                        List.of(cover("c", 1, 0), p("c", 1, 1, 1), cover("c", 1, 0).list("netdev"),
                                p("c", 1, 1, 1).list("netdev")),
                        "aux | v1 new cover [linux-rdma, netdev] 1:{}"),
                row("a reply without threading headers finds its patch by subject",
                        List.of(mail("s", NOA, "[PATCH] aux: fix a leak").at(0).patch("drivers/base/aux.c", "fix"),
                                mail("r", LEON, "Re: [PATCH] aux: fix a leak").at(30).body("Reviewed-by: " + LEON)),
                        "aux: fix a leak | v1 under-review no-cover 1:{R Leon Romanovsky}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void attributes(String rule, List<Mails> mails, List<String> expected) {
        List<Post> posts = new ArrayList<>(mails.stream().map(Mails::post).toList());
        assertEquals(expected, render(SeriesFinder.find(posts)), rule);
        Random random = new Random(rule.hashCode());
        for (int i = 0; i < 3; i++) {
            Collections.shuffle(posts, random);
            assertEquals(expected, render(SeriesFinder.find(posts)), rule + " (shuffled)");
        }
    }

    private static Arguments row(String rule, List<Mails> mails, String... expected) {
        return Arguments.of(rule, mails, List.of(expected));
    }

    /** {@code [PATCH 0/n] aux}, id {@code id}. */
    static Mails cover(String id, int n, long minute) {
        return mail(id, NOA, "[PATCH 0/" + n + "] aux").at(minute).body("A series.");
    }

    static Mails coverV(String id, int v, int n, long minute) {
        return mail(id, NOA, "[PATCH v" + v + " 0/" + n + "] aux").at(minute).body("A series, v" + v + ".");
    }

    /** Patch k/n under cover {@code cover}, id {@code cover-k}, adding line "line{k}". */
    static Mails p(String cover, int k, int n, long minute) {
        return mail(cover + "-" + k, NOA, "[PATCH " + k + "/" + n + "] aux: " + word(k)).refs(cover).at(minute)
                .patch("drivers/base/aux.c", "line" + k);
    }

    static Mails pv(String cover, int v, int k, int n, long minute, String line) {
        return mail(cover + "-" + k, NOA, "[PATCH v" + v + " " + k + "/" + n + "] aux: " + word(k)).refs(cover)
                .at(minute).patch("drivers/base/aux.c", line);
    }

    private static String word(int k) {
        return List.of("zero", "one", "two", "three", "four").get(k);
    }

    static List<String> render(List<Series> all) {
        List<String> out = new ArrayList<>();
        for (Series s : all) {
            StringBuilder line = new StringBuilder(s.title()).append(" |");
            String sep = "";
            for (SeriesVersion v : s.versions()) {
                line.append(sep).append(" v").append(v.label()).append(' ').append(v.state())
                        .append(v.cover() == null ? " no-cover" : " cover");
                if (v.lists().size() > 1) line.append(' ').append(v.lists());
                if (v.partial()) line.append(" partial");
                for (String p : v.problems()) line.append(' ').append(p);
                for (SeriesPatch p : v.patches()) {
                    TreeSet<String> given = new TreeSet<>();
                    for (GivenTrailer t : p.trailers()) {
                        if (t.inPatch()) continue;
                        given.add(letter(t.kind()) + (t.carried() ? "*" : "") + (t.bySender() ? "" : "?") + " " + t.name());
                    }
                    line.append(' ').append(p.index()).append(":{").append(String.join(", ", given)).append('}');
                }
                sep = " ;";
            }
            out.add(line.toString());
        }
        Collections.sort(out);
        return out;
    }

    private static String letter(String kind) {
        return switch (kind) {
            case "Acked-by" -> "A";
            case "Reviewed-by" -> "R";
            case "Tested-by" -> "T";
            case "Nacked-by" -> "N";
            default -> kind;
        };
    }
}
