package org.patchlane.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.patchlane.git.RepoWriter;
import org.patchlane.git.RepoWriter.Person;

/**
 * The demo's git repositories, written with JGit: {@code demo-linux.git} (a 6.20 cycle: {@code v6.19}, then
 * {@code v6.20-rc1} to {@code v6.20-rc6} on Sundays, and an rdma {@code for-next}) and, under
 * {@code demo-remotes/}, the driver teams' trees the demo archive's {@code [GIT PULL]} mails name (the demo's
 * {@code [repo] mirror} maps their git.kernel.org URLs there). Every person, date, file and message is fixed, so
 * the commit ids are the same in every run and the pull mails name them.
 *
 * <p>What each request shows: mlx5 is clean; mlx5 UMR (Leon's) is clean and carries a series posted and reviewed on
 * the list, its commits those patches with the list's trailers (pr-series passes); irdma adds to
 * {@code include/uapi/} (pr-uapi, pr-paths); hns conflicts with for-next (pr-merge) and its first commit lost the
 * Reviewed-by its posted patch got (pr-series); hns3 is based on a for-next commit, its branch moved after the mail
 * and it came after rc6 (pr-base, pr-head, pr-range, pr-cutoff), and it conflicts with hns in the volatile
 * for-next. An export added in the merge window ({@code auxiliary_device_find_by_id}) never gets a user.
 */
final class DemoRepositories {
    static final String LINUX = "demo-linux.git";
    static final String REMOTES = "demo-remotes";
    /** The URL prefix of every demo pull request, mapped to {@link #REMOTES} by the demo's configuration. */
    static final String URL_PREFIX = "https://git.kernel.org/pub/scm/linux/kernel/git/";

    /** The driver trees under {@link #REMOTES}, as {@code owner/name.git}: one per demo pull request. */
    static final List<String> TREES = List.of("mellanox/linux.git", "jwierzbicki/linux.git", "hisilicon/linux.git",
            "chenwei/linux.git", "leon/linux-rdma.git");

    /** The commits the demo's pull mails name. */
    record Ids(String rc4, String forNextHns, String mlx5Head, String irdmaHead, String hnsHead, String hns3Announced,
               String hns3Moved, String umrHead) {
    }

    private static final ZoneOffset PDT = ZoneOffset.ofHours(-7), PST = ZoneOffset.ofHours(-8),
            IL = ZoneOffset.ofHours(2), CET = ZoneOffset.ofHours(1), CN = ZoneOffset.ofHours(8);

    private DemoRepositories() {
    }

    /** Whether {@code data} already has the demo's repositories (they are built once). */
    static boolean present(Path data) {
        return Files.isDirectory(data.resolve(LINUX));
    }

    /** Writes every demo repository under {@code data}; returns the commits the pull mails name. */
    static Ids build(Path data) throws IOException {
        Ids ids;
        try (RepoWriter linux = RepoWriter.create(data.resolve(LINUX))) {
            ids = new History(linux).write(true);
        }
        for (String tree : TREES)
            try (RepoWriter r = RepoWriter.create(data.resolve(REMOTES).resolve(tree))) {
                new History(r).writeRemote(tree.substring(0, tree.indexOf('/')));
            }
        return ids;
    }

    /** The whole demo history, written into one repository: the same commits wherever written. */
    private static final class History {
        private final RepoWriter w;
        private final Person linus = person("Linus Torvalds", "torvalds@linux-foundation.org", "2026-10-11T14:30:00", PDT);
        private final Person leon = person("Leon Romanovsky", "leon@kernel.org", "2026-11-17T10:00:00", IL);
        private final Person saeed = person("Saeed Mahameed", "saeed@kernel.org", "2026-11-23T17:40:02", IL);
        private String rc4, rc6, forNextHns, forNext;
        private SortedMap<String, String> rc4Tree, forNextTree;

        History(RepoWriter w) {
            this.w = w;
        }

        /** Upstream with its tags and for-next; {@code refs} false writes the objects only (for the remotes). */
        Ids write(boolean refs) throws IOException {
            SortedMap<String, String> t = baseTree();
            String v619 = w.commit(t, List.of(), linus, null, "Linux 6.19\n");
            if (refs) w.tag("v6.19", v619, linus, "Linux 6.19\n");
            // the merge window: an export whose user never lands in this cycle
            t = edit(t, "drivers/base/auxiliary.c", 40, 0, List.of("",
                    "struct auxiliary_device *auxiliary_device_find_by_id(struct device *parent, u32 id)",
                    "{", "\treturn auxiliary_find_child(parent, id);", "}",
                    "EXPORT_SYMBOL_GPL(auxiliary_device_find_by_id);"));
            t = edit(t, "include/linux/auxiliary_bus.h", 20, 0,
                    List.of("struct auxiliary_device *auxiliary_device_find_by_id(struct device *parent, u32 id);"));
            Person elad = person("Elad Barkan", "ebarkan@nvidia.com", "2026-10-06T09:12:00", IL);
            Person greg = person("Greg Kroah-Hartman", "gregkh@linuxfoundation.org", "2026-10-13T08:40:00", CET);
            String head = w.commit(t, List.of(v619), elad, greg, """
                    driver core: auxiliary: add auxiliary_device_find_by_id()

                    Drivers that create several auxiliary devices on one parent look them up by id
                    again and again. Export a helper; the mlx5 conversion follows.

                    Signed-off-by: Elad Barkan <ebarkan@nvidia.com>
                    Signed-off-by: Greg Kroah-Hartman <gregkh@linuxfoundation.org>
                    """);
            Person hns = person("Mingjie Sun", "sunmingjie@hisilicon.com", "2026-10-02T15:00:00", CN);
            t = edit(t, "drivers/infiniband/hw/hns/hns_roce_main.c", 50, 1,
                    List.of("\thns_roce_step(dev, 50); /* flush the doorbell before the reset */"));
            head = w.commit(t, List.of(head), hns, linus.at(Instant.parse("2026-10-20T18:00:00Z")), """
                    RDMA/hns: Flush the doorbell before a reset

                    Signed-off-by: Mingjie Sun <sunmingjie@hisilicon.com>
                    """);
            String[] days = {"2026-10-25T14:10:00", "2026-11-01T14:25:00", "2026-11-08T13:58:00", "2026-11-15T14:02:11",
                    "2026-11-22T14:31:00", "2026-11-29T14:07:00"};
            for (int rc = 1; rc <= 6; rc++) {
                t = new TreeMap<>(t);
                t.put("Makefile", makefile("-rc" + rc));
                Person at = person("Linus Torvalds", "torvalds@linux-foundation.org", days[rc - 1], rc == 1 ? PDT : PST);
                head = w.commit(t, List.of(head), at, null, "Linux 6.20-rc" + rc + "\n");
                if (refs) w.tag("v6.20-rc" + rc, head, at, "Linux 6.20-rc" + rc + "\n");
                if (rc == 4) {
                    rc4 = head;
                    rc4Tree = t;
                }
            }
            rc6 = head;
            writeForNext();
            if (refs) {
                w.ref("refs/heads/master", rc6);
                w.ref("refs/heads/for-next", forNext);
            }
            return new Ids(rc4, forNextHns, null, null, null, null, null, null);
        }

        /** rdma for-next on rc4: the applied RESEND, and an hns rework that the hns request conflicts with. */
        private void writeForNext() throws IOException {
            SortedMap<String, String> t = edit(rc4Tree, "drivers/infiniband/core/device.c", 20, 1,
                    List.of(" * ib_device_rename - rename an IB device and notify its clients"));
            Person anton = person("Anton Petrov", "apetrov@yandex-team.ru", "2026-11-11T12:00:00", ZoneOffset.ofHours(3));
            String typo = w.commit(t, List.of(rc4), anton, leon, """
                    RDMA/core: fix a typo in the ib_device_rename() kernel-doc

                    Signed-off-by: Anton Petrov <apetrov@yandex-team.ru>
                    Link: https://patch.msgid.link/20261103091522.4410-1-apetrov@yandex-team.ru
                    Signed-off-by: Leon Romanovsky <leon@kernel.org>
                    """);
            t = edit(t, "drivers/infiniband/hw/hns/hns_roce_main.c", 10, 3, List.of(
                    "\tspin_lock(&hr_dev->reset_lock);", "\thns_roce_step(dev, 10);", "\thns_roce_step(dev, 11);",
                    "\tspin_unlock(&hr_dev->reset_lock);"));
            Person mingjie = person("Mingjie Sun", "sunmingjie@hisilicon.com", "2026-11-16T10:20:00", CN);
            forNextHns = w.commit(t, List.of(typo), mingjie, leon.at(Instant.parse("2026-11-18T09:00:00Z")), """
                    RDMA/hns: Take the reset lock around the doorbell steps

                    Signed-off-by: Mingjie Sun <sunmingjie@hisilicon.com>
                    Signed-off-by: Leon Romanovsky <leon@kernel.org>
                    """);
            forNext = forNextHns;
            forNextTree = t;
        }

        /** A driver team's tree: the shared history plus its own branch or tag. */
        void writeRemote(String remote) throws IOException {
            write(false);
            w.ref("refs/heads/master", rc6);
            switch (remote) {
                case "mellanox" -> mlx5();
                case "jwierzbicki" -> irdma();
                case "hisilicon" -> hns();
                case "chenwei" -> hns3();
                case "leon" -> umr();
                default -> throw new IllegalArgumentException(remote);
            }
        }

        String mlx5() throws IOException {
            Person shira = person("Shira Levi", "shiral@nvidia.com", "2026-11-18T11:00:00", IL);
            Person michael = person("Michael Guralnik", "michaelgur@nvidia.com", "2026-11-19T16:30:00", IL);
            Person maher = person("Maher Sanalla", "msanalla@nvidia.com", "2026-11-20T10:15:00", IL);
            String mlx5 = "drivers/infiniband/hw/mlx5/";
            SortedMap<String, String> t = edit(rc4Tree, mlx5 + "qp.c", 20, 4, added("mlx5_ib_qp_type_is", 4));
            String c = w.commit(t, List.of(rc4), shira, saeed.at(at("2026-11-23T15:00:00", IL)),
                    message("RDMA/mlx5: Use the QP type helpers in create_qp", shira));
            t = edit(t, mlx5 + "qp.c", 40, 2, added("mlx5_ib_qp_set_counter", 2));
            c = w.commit(t, List.of(c), shira.at(at("2026-11-18T11:20:00", IL)), saeed.at(at("2026-11-23T15:00:01", IL)),
                    message("RDMA/mlx5: Drop the unused mlx5_ib_qp_set_counter() argument", shira));
            t = edit(t, mlx5 + "mr.c", 30, 7, added("mlx5r_umr_update_batch", 18));
            c = w.commit(t, List.of(c), michael, saeed.at(at("2026-11-23T15:00:02", IL)),
                    message("RDMA/mlx5: Batch UMR updates when registering large MRs", michael));
            t = edit(t, mlx5 + "counters.c", 20, 5, added("mlx5_ib_alloc_port_counter_set", 20));
            t = edit(t, mlx5 + "mlx5_ib.h", 30, 0, List.of("struct mlx5_ib_port_counters {", "\tu16 set_id;", "};"));
            t = edit(t, mlx5 + "main.c", 20, 2, added("mlx5_ib_port_counters_init", 6));
            c = w.commit(t, List.of(c), maher, saeed.at(at("2026-11-23T15:00:03", IL)),
                    message("RDMA/mlx5: Allocate a counter set per port", maher));
            t = edit(t, mlx5 + "counters.c", 50, 4, added("mlx5_ib_counter_stat_set_id", 11));
            t = edit(t, mlx5 + "main.c", 45, 2, added("mlx5_ib_fill_counter_set_id", 6));
            c = w.commit(t, List.of(c), maher.at(at("2026-11-20T10:40:00", IL)), saeed,
                    message("RDMA/mlx5: Report the counter set id in rdma_counter_stat", maher));
            w.ref("refs/heads/mlx5-next", c);
            w.tag("mlx5-ib-updates-2026-11-23", c, saeed.at(at("2026-11-23T17:45:00", IL)), """
                    mlx5 RDMA driver updates for 6.21

                    - Per-port counter set ids in rdma statistics
                    - Fewer firmware round trips when registering large MRs
                    - QP creation cleanups
                    """);
            return c;
        }

        String irdma() throws IOException {
            Person jacek = person("Jacek Wierzbicki", "jacek.wierzbicki@intel.com", "2026-11-24T16:00:00", CET);
            SortedMap<String, String> t = edit(rc4Tree, "drivers/infiniband/hw/irdma/verbs.c", 30, 2,
                    added("irdma_query_srq_limit", 8));
            String c = w.commit(t, List.of(rc4), jacek, null, message("RDMA/irdma: Report the SRQ limit in query_srq", jacek));
            t = edit(t, "drivers/infiniband/hw/irdma/verbs.c", 50, 1, added("irdma_copy_srq_limit", 3));
            t = edit(t, "include/uapi/rdma/irdma-abi.h", 20, 0,
                    List.of("struct irdma_create_srq_resp {", "\t__u32 srq_id;", "\t__u32 srq_limit;", "};"));
            c = w.commit(t, List.of(c), jacek.at(at("2026-11-25T11:02:00", CET)), null,
                    message("RDMA/irdma: Add the SRQ limit to the user ABI", jacek));
            w.ref("refs/heads/irdma-for-6.21", c);
            return c;
        }

        String hns() throws IOException {
            Person junxian = person("Junxian Huang", "huangjunxian6@hisilicon.com", "2026-11-25T17:30:00", CN);
            String f = "drivers/infiniband/hw/hns/hns_roce_main.c";
            SortedMap<String, String> t = edit(rc4Tree, f, 10, 3, added("hns_roce_bond_reset_sync", 5));
            String c = w.commit(t, List.of(rc4), junxian, null,
                    message("RDMA/hns: Serialize the reset notification with the bond work", junxian));
            t = edit(t, f, 30, 2, added("hns_roce_bond_drop_state", 4));
            c = w.commit(t, List.of(c), junxian.at(at("2026-11-25T18:05:00", CN)), null,
                    message("RDMA/hns: Drop the stale bond state on unregister", junxian));
            w.tag("hns-roce-for-6.21", c, junxian.at(at("2026-11-26T09:00:00", CN)), "hns RoCE updates for 6.21\n");
            return c;
        }

        /** Based on a for-next commit, announced at its first commit; the branch moved on after the mail. */
        String[] hns3() throws IOException {
            Person wei = person("Wei Chen", "chenwei172@huawei.com", "2026-11-30T08:40:00", CN);
            String f = "drivers/infiniband/hw/hns/hns_roce_main.c";
            SortedMap<String, String> t = edit(forNextTree, f, 30, 2, added("hns_roce_take_reset_ref", 3));
            String announced = w.commit(t, List.of(forNextHns), wei, null,
                    message("RDMA/hns: Take the reset reference in the down notification", wei));
            t = edit(t, f, 45, 1, added("hns_roce_put_reset_ref", 2));
            String moved = w.commit(t, List.of(announced), wei.at(at("2026-11-30T15:20:00", CN)), null,
                    message("RDMA/hns: Put the reset reference on a timeout", wei));
            w.ref("refs/heads/hns3-for-6.21", moved);
            return new String[] {announced, moved};
        }

        /**
         * Michael's two mlx5 patches as posted on the list ({@code [PATCH rdma-next 0/2] RDMA/mlx5: Cache the UMR
         * capabilities}, 23 Nov), applied by Leon with the trailers they got there (Jason's Reviewed-by on the cover,
         * Saeed's Acked-by on 2/2): the demo's request that carries a reviewed series. Its lines are apart from the
         * mlx5 request's, so both merge.
         */
        String umr() throws IOException {
            Person michael = person("Michael Guralnik", "michaelgur@nvidia.com", "2026-11-20T14:10:00", IL);
            String mlx5 = "drivers/infiniband/hw/mlx5/";
            SortedMap<String, String> t = edit(rc4Tree, mlx5 + "mlx5_ib.h", 50, 0,
                    List.of("struct mlx5_ib_umr_caps {", "\tbool xlt_entities;", "\tbool pd_access;", "};"));
            t = edit(t, mlx5 + "main.c", 55, 1, added("mlx5_ib_read_umr_caps", 3));
            String c = w.commit(t, List.of(rc4), michael, leon.at(at("2026-11-26T10:00:00", IL)), applied("""
                    RDMA/mlx5: Read the UMR capabilities once at device init

                    The UMR capabilities are read from firmware on every MR registration,
                    yet they cannot change while the device lives. Read them once when the
                    device is initialised and keep them in the device.
                    """, michael, List.of("Reviewed-by: Jason Gunthorpe <jgg@nvidia.com>"),
                    "20261123090000.77120-2-michaelgur@nvidia.com"));
            t = edit(t, mlx5 + "mr.c", 50, 2, added("mlx5r_umr_use_cached_caps", 4));
            c = w.commit(t, List.of(c), michael.at(at("2026-11-20T14:35:00", IL)),
                    leon.at(at("2026-11-26T10:00:01", IL)), applied("""
                    RDMA/mlx5: Use the cached UMR capabilities when registering MRs

                    Registering a large MR asked the firmware for the UMR capabilities
                    again for each batch. Use the ones read at init.
                    """, michael, List.of("Reviewed-by: Jason Gunthorpe <jgg@nvidia.com>",
                    "Acked-by: Saeed Mahameed <saeed@kernel.org>"), "20261123090000.77120-3-michaelgur@nvidia.com"));
            w.ref("refs/heads/mlx5-umr-caps", c);
            w.tag("mlx5-umr-caps-for-6.21", c, leon.at(at("2026-11-26T10:30:00", IL)), """
                    mlx5 UMR capabilities for 6.21

                    Read the UMR capabilities once at init instead of on every MR
                    registration.
                    """);
            return c;
        }

        Ids all() throws IOException {
            Ids base = write(false);
            String[] hns3 = hns3();
            return new Ids(base.rc4(), base.forNextHns(), mlx5(), irdma(), hns(), hns3[0], hns3[1], umr());
        }
    }

    /** Every id, computed in a scratch repository (for tests and for writing the demo mails). */
    static Ids ids(Path scratch) throws IOException {
        try (RepoWriter w = RepoWriter.create(scratch)) {
            return new History(w).all();
        }
    }

    private static SortedMap<String, String> baseTree() {
        SortedMap<String, String> t = new TreeMap<>();
        t.put("Makefile", makefile(""));
        for (String f : List.of("drivers/base/auxiliary.c", "include/linux/auxiliary_bus.h",
                "drivers/infiniband/core/device.c", "drivers/infiniband/hw/mlx5/counters.c",
                "drivers/infiniband/hw/mlx5/main.c", "drivers/infiniband/hw/mlx5/mlx5_ib.h",
                "drivers/infiniband/hw/mlx5/mr.c", "drivers/infiniband/hw/mlx5/qp.c",
                "drivers/infiniband/hw/irdma/verbs.c", "include/uapi/rdma/irdma-abi.h",
                "drivers/infiniband/hw/hns/hns_roce_main.c"))
            t.put(f, source(f, 60));
        return t;
    }

    private static String makefile(String extra) {
        return "# SPDX-License-Identifier: GPL-2.0\nVERSION = 6\nPATCHLEVEL = " + (extra.isEmpty() ? "19" : "20")
                + "\nSUBLEVEL = 0\nEXTRAVERSION = " + extra + "\nNAME = Baby Opossum Posse\n";
    }

    /** A file of numbered, distinct lines: room for hunks that never run into each other. */
    private static String source(String path, int n) {
        String stem = stem(path);
        StringBuilder b = new StringBuilder(path.endsWith(".h") ? "/* SPDX-License-Identifier: GPL-2.0 */\n"
                : "// SPDX-License-Identifier: GPL-2.0\n");
        b.append("/* ").append(path).append(" (the demo's stand-in) */\n");
        for (int i = 3; i <= n; i++) b.append('\t').append(stem).append("_step(dev, ").append(i).append(");\n");
        return b.toString();
    }

    private static String stem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.substring(0, name.indexOf('.')).replace('-', '_');
    }

    /**
     * Replaces {@code remove} lines of {@code path}, starting at the line {@code step(dev, N)}, with {@code add}.
     */
    private static SortedMap<String, String> edit(SortedMap<String, String> tree, String path, int step, int remove,
                                                  List<String> add) {
        List<String> lines = new ArrayList<>(List.of(tree.get(path).split("\n", -1)));
        lines.remove(lines.size() - 1); // the empty string after the last newline
        String anchor = "_step(dev, " + step + ");";
        int at = -1;
        for (int i = 0; i < lines.size() && at < 0; i++) if (lines.get(i).endsWith(anchor)) at = i;
        if (at < 0) throw new IllegalStateException(path + " has no line " + step);
        for (int i = 0; i < remove; i++) lines.remove(at);
        lines.addAll(at, add);
        SortedMap<String, String> out = new TreeMap<>(tree);
        out.put(path, String.join("\n", lines) + "\n");
        return out;
    }

    private static List<String> added(String function, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) out.add("\t" + function + "(dev, " + i + ");");
        return out;
    }

    private static String message(String subject, Person author) {
        return subject + "\n\nSigned-off-by: " + author.name() + " <" + author.email() + ">\n";
    }

    /** A posted patch as its maintainer applies it: the list's trailers, a Link to the posting, their sign-off. */
    private static String applied(String text, Person author, List<String> trailers, String messageId) {
        StringBuilder b = new StringBuilder(text).append("\nSigned-off-by: ").append(author.name()).append(" <")
                .append(author.email()).append(">\n");
        for (String t : trailers) b.append(t).append('\n');
        return b.append("Link: https://patch.msgid.link/").append(messageId)
                .append("\nSigned-off-by: Leon Romanovsky <leon@kernel.org>\n").toString();
    }

    private static Instant at(String local, ZoneOffset zone) {
        return java.time.LocalDateTime.parse(local).toInstant(zone);
    }

    private static Person person(String name, String email, String local, ZoneOffset zone) {
        return new Person(name, email, at(local, zone), zone);
    }
}
