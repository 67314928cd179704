package org.patchlane.bench;

import java.util.List;

/**
 * The fixed word lists the generator draws from: people, lists, subsystem areas and source vocabulary.
 * Shapes follow the team's {@code gen_mbox.py} (linux-rdma, netdev and linux-mm flavoured traffic); the
 * people are fictional and their domains end in {@code .example}.
 */
final class Vocabulary {
    private Vocabulary() {
    }

    static final List<Person> PEOPLE = List.of(
            new Person("Leonie Brandt", "leonie.brandt@nvidia.example", true),
            new Person("Tomás Ferreira", "tferreira@redhat.example", true),
            new Person("Łukasz Wrona", "lukasz.wrona@intel.example", false),
            new Person("Søren Dahl", "sdahl@kernel.example", true),
            new Person("Jürgen Maier", "jmaier@suse.example", true),
            new Person("Wei Zhang", "zhangwei@huawei.example", false),
            new Person("Ярослав Петров", "yaroslav@yandex.example", false),
            new Person("Jason Marsh", "jmarsh@ziepe.example", true),
            new Person("Priya Raman", "praman@oracle.example", true),
            new Person("Daniel Okafor", "dokafor@google.example", true),
            new Person("Mikko Lehtonen", "mikko.lehtonen@iki.example", true),
            new Person("Chen Liang", "liang.chen@alibaba.example", false),
            new Person("Rachel Kim", "rkim@meta.example", true),
            new Person("François Dubois", "fdubois@free.example", true),
            new Person("Greta Lindqvist", "greta@linutronix.example", true),
            new Person("Ravi Shankar", "ravi.shankar@amd.example", true),
            new Person("Noa Ben-David", "noab@nvidia.example", true),
            new Person("Oleg Smirnov", "osmirnov@virtuozzo.example", true),
            new Person("Hannah Vogel", "hvogel@ibm.example", true),
            new Person("Kenji Watanabe", "kenji.w@fujitsu.example", true),
            new Person("Marta Nowak", "mnowak@samsung.example", true),
            new Person("Pedro Alves", "palves@linaro.example", true),
            new Person("Inès Moreau", "ines.moreau@bootlin.example", true),
            new Person("Viktor Horváth", "vhorvath@cloudflare.example", true));

    static final List<Person> MAINTAINERS = List.of(PEOPLE.get(7), PEOPLE.get(0), PEOPLE.get(14));

    static final Person PR_BOT = new Person("pr-tracker-bot", "pr-tracker-bot@kernel.example", true);
    static final Person TEST_ROBOT = new Person("kernel test robot", "lkp@intel.example", true);
    static final Person LINUS = new Person("Linus Torvalds", "torvalds@linux-foundation.example", true);

    /** A mailing list: posting address, List-Id, and the tree tags its patches carry. */
    record MailList(String address, String listId, List<Area> areas) {
    }

    /** A subsystem area: the subject prefix of its commits and the files its patches touch. */
    record Area(String tree, String prefix, boolean infrastructure, List<String> files) {
    }

    static final Area MLX5_IB = new Area("rdma-next", "RDMA/mlx5", false, List.of(
            "drivers/infiniband/hw/mlx5/main.c", "drivers/infiniband/hw/mlx5/mr.c",
            "drivers/infiniband/hw/mlx5/qp.c", "drivers/infiniband/hw/mlx5/cq.c",
            "drivers/infiniband/hw/mlx5/odp.c", "drivers/infiniband/hw/mlx5/devx.c",
            "drivers/infiniband/hw/mlx5/umr.c", "drivers/infiniband/hw/mlx5/mlx5_ib.h"));
    static final Area RDMA_CORE = new Area("rdma-rc", "RDMA/core", true, List.of(
            "drivers/infiniband/core/cma.c", "drivers/infiniband/core/device.c",
            "drivers/infiniband/core/verbs.c", "drivers/infiniband/core/umem.c",
            "include/rdma/ib_verbs.h", "include/rdma/rdma_cm.h", "drivers/infiniband/core/uverbs_cmd.c"));
    static final Area IRDMA = new Area("rdma-next", "RDMA/irdma", false, List.of(
            "drivers/infiniband/hw/irdma/main.c", "drivers/infiniband/hw/irdma/verbs.c",
            "drivers/infiniband/hw/irdma/ctrl.c", "drivers/infiniband/hw/irdma/hw.c"));
    static final Area MLX5E = new Area("net-next", "net/mlx5e", false, List.of(
            "drivers/net/ethernet/mellanox/mlx5/core/en_main.c",
            "drivers/net/ethernet/mellanox/mlx5/core/en_rx.c",
            "drivers/net/ethernet/mellanox/mlx5/core/en_tx.c",
            "drivers/net/ethernet/mellanox/mlx5/core/en/params.c",
            "drivers/net/ethernet/mellanox/mlx5/core/en_ethtool.c"));
    static final Area MLX5_CORE = new Area("mlx5-next", "net/mlx5", true, List.of(
            "drivers/net/ethernet/mellanox/mlx5/core/fw.c", "drivers/net/ethernet/mellanox/mlx5/core/main.c",
            "drivers/net/ethernet/mellanox/mlx5/core/cmd.c", "include/linux/mlx5/mlx5_ifc.h",
            "include/linux/mlx5/device.h", "include/linux/mlx5/driver.h"));
    static final Area MM = new Area("mm", "mm", true, List.of(
            "mm/page_alloc.c", "mm/memory.c", "mm/gup.c", "mm/hmm.c", "mm/mmu_notifier.c",
            "mm/huge_memory.c", "include/linux/mm.h", "include/linux/mmu_notifier.h"));
    static final Area DRIVER_CORE = new Area("driver-core-next", "driver core", true, List.of(
            "drivers/base/core.c", "drivers/base/auxiliary.c", "drivers/base/bus.c",
            "include/linux/device.h", "include/linux/auxiliary_bus.h"));

    static final List<MailList> LISTS = List.of(
            new MailList("linux-rdma@vger.kernel.org", "<linux-rdma.vger.kernel.org>",
                    List.of(MLX5_IB, MLX5_IB, RDMA_CORE, IRDMA)),
            new MailList("netdev@vger.kernel.org", "<netdev.vger.kernel.org>", List.of(MLX5E, MLX5E, MLX5_CORE)),
            new MailList("linux-mm@kvack.org", "<linux-mm.kvack.org>", List.of(MM)),
            new MailList("linux-kernel@vger.kernel.org", "<linux-kernel.vger.kernel.org>",
                    List.of(DRIVER_CORE, MM, RDMA_CORE)));

    static final String[] VERBS = {"Add support for", "Fix", "Remove", "Introduce", "Refactor", "Use", "Avoid",
        "Convert", "Simplify", "Expose", "Handle", "Drop unused", "Don't leak", "Clean up", "Rework"};
    static final String[] OBJECTS = {"ODP prefetch", "UMR based MR registration", "DMA-BUF MR", "implicit ODP",
        "DEVX async events", "RoCE LAG", "the MR cache", "dynamic interrupt moderation", "the QP state machine",
        "striding RQ", "XDP multi-buffer", "page pool recycling", "PTP timestamps", "FW reset flow",
        "folio based GUP pinning", "mmu interval notifiers", "hmm_range_fault()", "THP splitting",
        "memory tiering", "IPsec offload", "CQ moderation", "SRQ limit events", "the eswitch mode",
        "vhca_id lookup", "steering anchors", "mkey cache entries", "pin_user_pages_fast()",
        "auxiliary device release", "device link cleanup"};
    static final String[] IDENTS = {"mlx5_ib_dev", "mlx5_core_dev", "mlx5_ib_mr", "mlx5_ib_qp", "mlx5e_priv",
        "mlx5e_rq", "ib_umem", "ib_device", "mmu_interval_notifier", "folio", "vm_area_struct", "mlx5_cache_ent",
        "mlx5e_params", "mlx5_eswitch", "rdma_cm_id", "ib_pd", "hmm_range", "page_pool", "auxiliary_device"};
    static final String[] FUNCS = {"mlx5_ib_reg_user_mr", "mlx5_ib_dereg_mr", "mlx5r_umr_update_mr_pas",
        "mlx5_ib_create_qp", "mlx5e_open_rq", "mlx5e_alloc_rx_wqe", "mlx5_cmd_exec", "mlx5_core_create_mkey",
        "ib_umem_get", "ib_umem_odp_map_dma_and_lock", "pagefault_single_data_segment",
        "mlx5_ib_invalidate_range", "hmm_range_fault", "__get_user_pages", "mmu_notifier_range_init",
        "alloc_pages_bulk", "mlx5_eswitch_enable", "rdma_resolve_addr", "mlx5_fw_reset_event",
        "mlx5e_xdp_handle", "mlx5_cache_ent_get", "split_huge_page_to_list", "auxiliary_device_init"};
    static final String[] WORDS = ("the a driver firmware device queue buffer memory page region mapping kernel "
            + "user space when if then this that we should would could must not never always before after "
            + "because since while during allocation release reference count lock mutex spinlock race "
            + "condition deadlock warning splat regression performance latency throughput hardware capability "
            + "command interface offload path fast slow error handling patch series version change review "
            + "comment suggestion thanks question issue commit upstream stable backport maintainer tree "
            + "branch merge window").split(" ");
    static final String[] TEXT_MAILERS = {"Mutt/2.2.13 (2024-03-09)", "Mozilla Thunderbird 128.4.0",
        "Evolution 3.54.1", "aerc 0.18.2", "NeoMutt/20241002"};
    static final String[] HTML_MAILERS = {"Microsoft Outlook 16.0", "Apple Mail (2.3826.200.121)"};
    static final String[] SEND_MAILERS = {"git-send-email 2.47.1", "git-send-email 2.48.0", "b4 0.14.2"};
    static final String[] REVIEW_KINDS = {"Reviewed-by", "Acked-by", "Tested-by", "Reviewed-by", "Acked-by",
        "Reviewed-by"};
}
