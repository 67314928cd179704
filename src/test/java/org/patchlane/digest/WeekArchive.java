package org.patchlane.digest;

import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written archive of two weeks of list mail (2026-W46 and W47, a trailer on each side of the W47/W48
 * boundary), as mbox text, with the configuration naming its areas: what {@link DigestBuilderTest} and the CLI
 * tests read the digest of. Each mail is built as git send-email, b4 and mutt write them; hunk headers are counted
 * from their lines.
 */
final class WeekArchive {
    static final String CORE_V1 = "20261110-umem-pin-v1-0-aa11bb22cc33@nvidia.com";
    static final String CORE_V1_1 = "20261110-umem-pin-v1-1-aa11bb22cc33@nvidia.com";
    static final String CORE_V1_2 = "20261110-umem-pin-v1-2-aa11bb22cc33@nvidia.com";
    static final String CORE_V2 = "20261116-umem-pin-v2-0-dd44ee55ff66@nvidia.com";
    static final String CORE_V2_1 = "20261116-umem-pin-v2-1-dd44ee55ff66@nvidia.com";
    static final String CORE_V2_2 = "20261116-umem-pin-v2-2-dd44ee55ff66@nvidia.com";
    static final String PRIYA_TEST = "CAHk-priya-test-v1-2@mail.gmail.com";
    static final String LEON_ACK = "20261122235959.GA1@unreal";
    static final String JASON_REVIEW = "20261123000000.GB2@nvidia.com";
    static final String MLX5 = "20261117100000.4242-1-shiral@nvidia.com";
    static final String JASON_NACK = "20261118100000.GC3@nvidia.com";
    static final String RXE_FIX = "20261112090000.777-1-lbrenner@ionos.com";
    static final String ZHU_APPLIED = "176355000000.1.2.b4-ty@linux.dev";
    static final String RXE_QUIET = "20261113100000.888-1-mruiz@suse.com";
    static final String PULL = "20261120120000.999-saeed@kernel.org";
    static final String NETDEV = "20261118090000.555-1-edumazet@google.com";

    static final String CONFIG = """
            [area "rdma-core"]
            \tkind = infrastructure
            \tpath = drivers/infiniband/core/
            \tpath = include/rdma/
            \tmaintainer = Jason Gunthorpe <jgg@nvidia.com>
            [area "mlx5"]
            \tkind = driver
            \tpath = drivers/infiniband/hw/mlx5/
            \tmaintainer = Leon Romanovsky <leon@kernel.org>
            [area "rxe"]
            \tkind = driver
            \tpath = drivers/infiniband/sw/rxe/
            \tmaintainer = Zhu Yanjun <yanjun.zhu@linux.dev>
            [together]
            \twindow = 7d
            """;

    private static final String NOA = "Noa Ashkenazi <noaa@nvidia.com>";
    private static final String JASON = "Jason Gunthorpe <jgg@nvidia.com>";
    private static final String LEON = "Leon Romanovsky <leon@kernel.org>";

    private WeekArchive() {
    }

    static String mbox() {
        List<String> mails = new ArrayList<>();
        // W46: the infrastructure series' v1, tested by Priya; two rxe fixes.
        mails.add(mail(CORE_V1, NOA, "[PATCH 0/2] RDMA/core: add ib_umem_pin()", "Tue, 10 Nov 2026 09:00:00 +0000",
                null, "Pinning helpers for umems.\n\n---\nNoa Ashkenazi (2):\n      a\n", "linux-rdma"));
        mails.add(mail(CORE_V1_1, NOA, "[PATCH 1/2] RDMA/core: add ib_umem_pin() and ib_umem_unpin()",
                "Tue, 10 Nov 2026 09:00:01 +0000", CORE_V1,
                "Add the helpers.\n\nSigned-off-by: " + NOA + "\n---\n" + coreDiff("IB_UMEM_PINNED"), "linux-rdma"));
        mails.add(mail(CORE_V1_2, NOA, "[PATCH 2/2] Documentation: infiniband: describe ib_umem_pin()",
                "Tue, 10 Nov 2026 09:00:02 +0000", CORE_V1,
                "Document them.\n\nSigned-off-by: " + NOA + "\n---\n" + docDiff(), "linux-rdma"));
        mails.add(mail(PRIYA_TEST, "Priya Natarajan <pnatarajan@redhat.com>",
                "Re: [PATCH 2/2] Documentation: infiniband: describe ib_umem_pin()", "Wed, 11 Nov 2026 08:00:00 +0000",
                CORE_V1_2, "Built the docs.\n\nTested-by: Priya Natarajan <pnatarajan@redhat.com>\n", "linux-rdma"));
        mails.add(mail(RXE_FIX, "Lukas Brenner <lbrenner@ionos.com>", "[PATCH rdma-next] RDMA/rxe: check the qp state",
                "Thu, 12 Nov 2026 09:00:00 +0000", null, "Check it.\n\nSigned-off-by: Lukas Brenner <lbrenner@ionos.com>\n---\n"
                        + diff("drivers/infiniband/sw/rxe/rxe_qp.c", " \tint err;", "-\tif (qp)", "+\tif (qp && qp->valid)",
                        " \t\treturn 0;"), "linux-rdma"));
        mails.add(mail(RXE_QUIET, "Mateo Ruiz <mruiz@suse.com>", "[PATCH rdma-next] RDMA/rxe: refuse a short cq resize",
                "Fri, 13 Nov 2026 10:00:00 +0000", null, "Refuse it.\n\nSigned-off-by: Mateo Ruiz <mruiz@suse.com>\n---\n"
                        + diff("drivers/infiniband/sw/rxe/rxe_cq.c", " \tif (cq) {", "+\t\tif (cqe < count)",
                        "+\t\t\treturn -EINVAL;", " \t}"), "linux-rdma"));
        // W47: v2, the mlx5 user (NACKed), the rxe fix applied, a pull request, a netdev patch, Leon's ack at the
        // very end of Sunday.
        mails.add(mail(CORE_V2, NOA, "[PATCH v2 0/2] RDMA/core: add ib_umem_pin()", "Mon, 16 Nov 2026 09:00:00 +0000",
                null, "Pinning helpers for umems.\n\nChanges in v2:\n- rename the flag to IB_UMEM_PIN (Jason)\n"
                        + "- Link to v1: https://lore.kernel.org/r/" + CORE_V1 + "\n\n---\nNoa Ashkenazi (2):\n      a\n",
                "linux-rdma"));
        mails.add(mail(CORE_V2_1, NOA, "[PATCH v2 1/2] RDMA/core: add ib_umem_pin() and ib_umem_unpin()",
                "Mon, 16 Nov 2026 09:00:01 +0000", CORE_V2,
                "Add the helpers.\n\nSigned-off-by: " + NOA + "\n---\n" + coreDiff("IB_UMEM_PIN"), "linux-rdma"));
        mails.add(mail(CORE_V2_2, NOA, "[PATCH v2 2/2] Documentation: infiniband: describe ib_umem_pin()",
                "Mon, 16 Nov 2026 09:00:02 +0000", CORE_V2,
                "Document them.\n\nSigned-off-by: " + NOA + "\n---\n" + docDiff(), "linux-rdma"));
        mails.add(mail(MLX5, "Shira Levi <shiral@nvidia.com>", "[PATCH rdma-next] RDMA/mlx5: pin the odp umem",
                "Tue, 17 Nov 2026 10:00:00 +0000", null, "Pin it.\n\nSigned-off-by: Shira Levi <shiral@nvidia.com>\n---\n"
                        + diff("drivers/infiniband/hw/mlx5/odp.c", " \tumem = ib_umem_get(dev, addr, len, flags);",
                        "+\terr = ib_umem_pin(umem);", "+\tif (err)", "+\t\tgoto out;", " \tif (IS_ERR(umem))"),
                "linux-rdma"));
        mails.add(mail(JASON_NACK, JASON, "Re: [PATCH rdma-next] RDMA/mlx5: pin the odp umem",
                "Wed, 18 Nov 2026 10:00:00 +0000", MLX5, "> +\terr = ib_umem_pin(umem);\n\nNot for odp.\n\nNACK\n",
                "linux-rdma"));
        mails.add(mail(NETDEV, "Eric Dumazet <edumazet@google.com>", "[PATCH net-next] net: fix a comment in dev.c",
                "Wed, 18 Nov 2026 09:00:00 +0000", null, "Fix it.\n\nSigned-off-by: Eric Dumazet <edumazet@google.com>\n---\n"
                        + diff("net/core/dev.c", " /*", "- * teh device", "+ * the device", " */"), "netdev"));
        mails.add(mail(ZHU_APPLIED, "Zhu Yanjun <yanjun.zhu@linux.dev>", "Re: [PATCH rdma-next] RDMA/rxe: check the qp state",
                "Thu, 19 Nov 2026 08:00:00 +0000", RXE_FIX, "On Thu, 12 Nov 2026, Lukas Brenner wrote:\n> Check it.\n\n"
                        + "Applied, thanks!\n\n[1/1] RDMA/rxe: check the qp state\n"
                        + "      https://git.kernel.org/rdma/rdma/c/0a1b2c3d4e5f\n\nBest regards,\n", "linux-rdma"));
        mails.add(mail(PULL, "Saeed Mahameed <saeed@kernel.org>", "[GIT PULL] mlx5 updates for 6.20",
                "Fri, 20 Nov 2026 12:00:00 +0000", null, """
                        Hi Leon,

                        The following changes since commit 1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e:

                          RDMA/core: fix the umem accounting (2026-11-01 10:00:00 +0200)

                        are available in the Git repository at:

                          https://git.kernel.org/pub/scm/linux/kernel/git/saeed/linux.git tags/mlx5-updates-2026-11-20

                        for you to fetch changes up to 5f6e7d8c9b0a1f2e3d4c5b6a7980f1e2d3c4b5a6:

                          RDMA/mlx5: tidy the umem code (2026-11-19 09:00:00 +0200)

                        ----------------------------------------------------------------
                        mlx5 updates

                        ----------------------------------------------------------------
                        Saeed Mahameed (1):
                              RDMA/mlx5: tidy the umem code

                         drivers/infiniband/hw/mlx5/mem.c | 4 ++--
                         1 file changed, 2 insertions(+), 2 deletions(-)
                        """, "linux-rdma"));
        mails.add(mail(LEON_ACK, LEON, "Re: [PATCH v2 0/2] RDMA/core: add ib_umem_pin()", "Sun, 22 Nov 2026 23:59:59 +0000",
                CORE_V2, "For mlx5:\n\nAcked-by: " + LEON + "\n", "linux-rdma"));
        // W48, the first second of it: Jason's review.
        mails.add(mail(JASON_REVIEW, JASON, "Re: [PATCH v2 1/2] RDMA/core: add ib_umem_pin() and ib_umem_unpin()",
                "Mon, 23 Nov 2026 00:00:00 +0000", CORE_V2_1, "Reviewed-by: " + JASON + "\n", "linux-rdma"));
        return String.join("", mails);
    }

    private static String coreDiff(String flag) {
        return diff("include/rdma/ib_umem.h", " struct ib_umem;", "+#define " + flag + " 1",
                "+int ib_umem_pin(struct ib_umem *umem);", "+void ib_umem_unpin(struct ib_umem *umem);", " ")
                + diff("drivers/infiniband/core/umem.c", " }", "+int ib_umem_pin(struct ib_umem *umem)", "+{",
                "+\treturn 0;", "+}", "+EXPORT_SYMBOL_GPL(ib_umem_pin);", "+void ib_umem_unpin(struct ib_umem *umem)",
                "+{", "+}", "+EXPORT_SYMBOL_GPL(ib_umem_unpin);", " ");
    }

    private static String docDiff() {
        return diff("Documentation/infiniband/umem.rst", " Umems", "+Pin them with ib_umem_pin().", " ");
    }

    private static String diff(String path, String... lines) {
        int old = 0, now = 0;
        for (String l : lines) {
            if (l.charAt(0) != '+') old++;
            if (l.charAt(0) != '-') now++;
        }
        StringBuilder d = new StringBuilder("diff --git a/" + path + " b/" + path + "\n--- a/" + path + "\n+++ b/" + path
                + "\n@@ -10," + old + " +10," + now + " @@\n");
        for (String l : lines) d.append(l).append('\n');
        return d.toString();
    }

    private static String mail(String id, String from, String subject, String date, String inReplyTo, String body,
                               String list) {
        String address = from.substring(from.indexOf('<') + 1, from.indexOf('>'));
        StringBuilder m = new StringBuilder("From " + address + " Mon Nov  2 10:00:00 2026\n");
        m.append("From: ").append(from).append('\n');
        m.append("To: ").append(list).append("@vger.kernel.org\n");
        m.append("Subject: ").append(subject).append('\n');
        m.append("Date: ").append(date).append('\n');
        m.append("Message-ID: <").append(id).append(">\n");
        if (inReplyTo != null) {
            m.append("In-Reply-To: <").append(inReplyTo).append(">\nReferences: <").append(inReplyTo).append(">\n");
        }
        m.append("List-Id: <").append(list).append(".vger.kernel.org>\n");
        m.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\n");
        m.append(body.replaceAll("(?m)^From ", ">From "));
        if (!body.endsWith("\n")) m.append('\n');
        return m.append('\n').toString();
    }
}
