package org.patchlane.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefaultSplitTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            drivers/infiniband/hw/mlx5/ include/linux/mlx5/ include/uapi/rdma/mlx5-abi.h  | DRIVER
            drivers/net/ethernet/mellanox/mlx5/core/ include/linux/mlx5/                  | DRIVER
            drivers/net/ethernet/mellanox/mlx5/core/en_*                                  | DRIVER
            drivers/gpu/drm/i915/ include/drm/i915_drm.h                                  | DRIVER
            drivers/gpu/drm/tegra/ drivers/gpu/host1x/ include/linux/host1x.h             | DRIVER
            fs/ext4/ include/trace/events/ext4.h Documentation/filesystems/ext4/          | DRIVER
            drivers/watchdog/foo_wdt.c Documentation/watchdog/foo.rst                     | DRIVER
            drivers/net/wireless/ath/ath9k/                                               | DRIVER
            drivers/watchdog/ Documentation/watchdog/                                     | DRIVER
            drivers/watchdog/ include/linux/watchdog.h                                    | INFRASTRUCTURE
            drivers/gpu/ drivers/gpu/drm/ include/drm/                                    | INFRASTRUCTURE
            drivers/infiniband/ include/rdma/ samples/bpf/ibumad_kern.c                   | INFRASTRUCTURE
            drivers/infiniband/core/                                                      | INFRASTRUCTURE
            sound/core/                                                                   | INFRASTRUCTURE
            drivers/base/                                                                 | INFRASTRUCTURE
            mm/                                                                           | INFRASTRUCTURE
            kernel/sched/                                                                 | INFRASTRUCTURE
            lib/foo.c                                                                     | INFRASTRUCTURE
            fs/namei.c                                                                    | INFRASTRUCTURE
            fs/                                                                           | INFRASTRUCTURE
            net/core/dev.c                                                                | INFRASTRUCTURE
            include/linux/slab.h                                                          | INFRASTRUCTURE
            include/uapi/rdma/                                                            | OTHER
            net/ipv6/                                                                     | OTHER
            arch/arm64/ Documentation/arch/arm64/                                         | OTHER
            drivers/net/ drivers/infiniband/                                              | OTHER
            Documentation/process/                                                        | OTHER
            """)
    void kindOfASectionByItsFiles(String files, AreaKind expected) {
        StringBuilder text = new StringBuilder("S\nM:\tA <a@example.org>\n");
        for (String f : files.split(" ")) text.append("F:\t").append(f).append('\n');
        Maintainers m = Maintainers.parse(text.toString());
        assertEquals(expected, DefaultSplit.of(m.sections().get(0)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            include/uapi/linux/watchdog.h        | true
            arch/x86/include/uapi/asm/kvm.h      | true
            include/linux/watchdog.h             | false
            arch/x86/include/asm/kvm.h           | false
            drivers/include/uapi/x.h             | false
            """)
    void uapiHeaders(String path, boolean uapi) {
        assertEquals(uapi, DefaultSplit.uapi(path));
    }
}
