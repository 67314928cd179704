package org.patchlane.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.patchlane.SharedData;

/**
 * The real kernel MAINTAINERS files (6.12 and 4.2.8). Every expectation was read off the file with grep: for the
 * deciding-section table, an F: line naming exactly that file, in one section only, with no glob of the same
 * depth matching it and no X: in that section; the full lists were checked pattern by pattern (F:, X:, N:).
 */
class MaintainersCorpusTest {
    /** path | the section whose F: names the file exactly: the deepest possible pattern, so it decides. */
    private static final String DECIDING = """
            Documentation/networking/device_drivers/ethernet/3com/vortex.rst | 3C59X NETWORK DRIVER
            drivers/acpi/viot.c | ACPI VIOT DRIVER
            Documentation/scsi/advansys.rst | ADVANSYS SCSI DRIVER
            Documentation/devicetree/bindings/thermal/allwinner,sun8i-a83t-ths.yaml | ALLWINNER THERMAL DRIVER
            include/linux/amd-iommu.h | AMD IOMMU (AMD-VI)
            Documentation/devicetree/bindings/media/i2c/adv7604.yaml | ANALOG DEVICES INC ADV7604 DRIVER
            arch/arm/include/asm/arch_gicv3.h | ARM GENERIC INTERRUPT CONTROLLER DRIVERS
            drivers/mtd/nand/raw/pl35x-nand-controller.c | ARM PRIMECELL PL35X NAND CONTROLLER DRIVER
            Documentation/devicetree/bindings/nvme/apple,nvme-ans.yaml | ARM/APPLE MACHINE SUPPORT
            Documentation/devicetree/bindings/arm/arm,trace-buffer-extension.yaml | ARM/CORESIGHT FRAMEWORK AND DRIVERS
            Documentation/hwmon/gxp-fan-ctrl.rst | ARM/HPE GXP ARCHITECTURE
            drivers/bus/mvebu-mbus.c | ARM/Marvell Dove/MV78xx0/Orion SOC support
            Documentation/userspace-api/media/drivers/npcm-video.rst | ARM/NUVOTON NPCM VIDEO ENGINE DRIVER
            include/clocksource/samsung_pwm.h | ARM/SAMSUNG S3C, S5P AND EXYNOS ARM ARCHITECTURES
            Documentation/devicetree/bindings/hwinfo/ti,k3-socinfo.yaml | ARM/TEXAS INSTRUMENTS K3 ARCHITECTURE
            Documentation/devicetree/bindings/spi/xlnx,zynq-qspi.yaml | ARM/ZYNQ ARCHITECTURE
            Documentation/devicetree/bindings/eeprom/at24.yaml | AT24 EEPROM DRIVER
            sound/soc/atmel/tse850-pcm5142.c | AXENTIA ASOC DRIVERS
            include/linux/bitops.h | BITOPS API
            kernel/bpf/stackmap.c | BPF [TRACING]
            include/linux/brcmphy.h | BROADCOM ETHERNET PHY DRIVERS
            tools/testing/selftests/cachestat/test_cachestat.c | CACHESTAT: PAGE CACHE STATS FOR A FILE
            net/sched/sch_etf.c | CBS/ETF/TAPRIO QDISCS
            drivers/platform/chrome/cros_typec_switch.c | CHROMEOS EC USB TYPE-C DRIVER
            drivers/pci/hotplug/cpcihp_generic.c | COMPACTPCI HOTPLUG GENERIC DRIVER
            include/linux/counter.h | COUNTER SUBSYSTEM
            include/uapi/rdma/cxgb4-abi.h | CXGB4 IWARP RNIC DRIVER (IW_CXGB4)
            tools/wmi/dell-smbios-example.c | DELL SMBIOS WMI DRIVER
            drivers/mfd/da903x.c | DIALOG SEMICONDUCTOR DRIVERS
            Documentation/sphinx/parse-headers.pl | DOCUMENTATION SCRIPTS
            drivers/video/aperture.c | DRM DRIVER FOR FIRMWARE FRAMEBUFFERS
            Documentation/devicetree/bindings/display/panel/novatek,nt36523.yaml | DRM DRIVER FOR NOVATEK NT36523 PANELS
            Documentation/devicetree/bindings/display/bridge/ti,sn65dsi86.yaml | DRM DRIVER FOR TI SN65DSI86 BRIDGE CHIP
            Documentation/devicetree/bindings/display/ti/ti,k2g-dss.yaml | DRM DRIVERS FOR TI KEYSTONE
            drivers/edac/ie31200_edac.c | EDAC-IE31200
            rust/kernel/net/phy.rs | ETHERNET PHY LIBRARY [RUST]
            include/linux/dax.h | FILESYSTEM DIRECT ACCESS (DAX)
            include/linux/spi/spi-fsl-dspi.h | FREESCALE DSPI DRIVER
            Documentation/devicetree/bindings/sound/nxp,lpc3220-i2s.yaml | FREESCALE SOC LPC32XX SOUND DRIVERS
            include/linux/arch_topology.h | GENERIC ARCHITECTURE TOPOLOGY
            Documentation/admin-guide/gpio/gpio-aggregator.rst | GPIO AGGREGATOR
            drivers/staging/greybus/light.c | GREYBUS SDIO/GPIO/SPI PROTOCOLS DRIVERS
            drivers/hid/wacom.h | HID WACOM DRIVER
            Documentation/devicetree/bindings/scsi/hisilicon-sas.txt | HISILICON SAS Controller
            arch/x86/kernel/cpu/hygon.c | HYGON PROCESSOR SUPPORT
            include/linux/i2c.h | I2C SUBSYSTEM
            drivers/i3c/master/ast2600-i3c-master.c | I3C DRIVER FOR ASPEED AST2600
            drivers/iio/industrialio-backend.c | IIO BACKEND FRAMEWORK
            drivers/dma/dma-jz4780.c | INGENIC JZ47xx SoCs
            drivers/platform/x86/intel/atomisp2/pm.c | INTEL ATOMISP2 DUMMY / POWER-MANAGEMENT DRIVER
            Documentation/devicetree/bindings/crypto/intel,keembay-ocs-hcu.yaml | INTEL KEEM BAY OCS HCU CRYPTO DRIVER
            Documentation/devicetree/bindings/firmware/intel,stratix10-svc.txt | INTEL STRATIX10 FIRMWARE DRIVERS
            Documentation/userspace-api/iommufd.rst | IOMMUFD
            Documentation/hwmon/k10temp.rst | K10TEMP HARDWARE MONITORING DRIVER
            drivers/s390/char/uvdevice.c | KERNEL VIRTUAL MACHINE for s390 (KVM/s390)
            include/asm-generic/kprobes.h | KPROBES
            include/linux/pata_arasan_cf_data.h | LIBATA PATA ARASAN COMPACT FLASH CONTROLLER
            include/linux/llc.h | LLC (802.2)
            drivers/thermal/loongson2_thermal.c | LOONGSON-2 SOC SERIES THERMAL DRIVER
            drivers/mailbox/arm_mhuv3.c | MAILBOX ARM MHUv3
            drivers/misc/mrvl_cn10k_dpi.c | MARVELL OCTEON CN10K DPI DRIVER
            Documentation/devicetree/bindings/mfd/maxim,max77714.yaml | MAXIM MAX77714 PMIC MFD DRIVER
            Documentation/devicetree/bindings/media/nxp,imx7-csi.yaml | MEDIA DRIVERS FOR FREESCALE IMX7/8
            drivers/i2c/busses/i2c-mt65xx.c | MEDIATEK I2C CONTROLLER DRIVER
            Documentation/i2c/busses/i2c-mlxcpld.rst | MELLANOX MLXCPLD I2C AND MUX DRIVER
            Documentation/driver-api/men-chameleon-bus.rst | MEN CHAMELEON BUS (mcb)
            drivers/media/platform/atmel/atmel-isi.c | MICROCHIP ISI DRIVER
            drivers/pwm/pwm-atmel.c | MICROCHIP PWM DRIVER
            Documentation/devicetree/bindings/media/i2c/mipi-ccs.yaml | MIPI CCS, SMIA AND SMIA++ IMAGE SENSOR DRIVER
            drivers/iio/adc/mp2629_adc.c | MONOLITHIC POWER SYSTEM PMIC DRIVER
            drivers/net/ethernet/natsemi/natsemi.c | NATSEMI ETHERNET DRIVER (DP8381x)
            tools/testing/selftests/net/ipsec.c | NETWORKING [IPSEC]
            include/uapi/linux/nfc.h | NFC SUBSYSTEM
            include/linux/nvmem-provider.h | NVMEM FRAMEWORK
            drivers/hwmon/nzxt-kraken2.c | NZXT-KRAKEN2 HARDWARE MONITORING DRIVER
            drivers/mfd/tps65219.c | OMAP2+ SUPPORT
            include/linux/oa_tc6.h | OPEN ALLIANCE 10BASE-T1S MACPHY SERIAL INTERFACE FRAMEWORK
            include/uapi/linux/ppdev.h | PARALLEL PORT SUBSYSTEM
            Documentation/driver-api/switchtec.rst | PCI DRIVER FOR MICROSEMI SWITCHTEC
            drivers/pci/controller/dwc/pcie-al.c | PCIE DRIVER FOR AMAZON ANNAPURNA LABS
            Documentation/devicetree/bindings/pinctrl/mediatek,mt8183-pinctrl.yaml | PIN CONTROLLER - MEDIATEK
            include/linux/powercap.h | POWER MANAGEMENT CORE
            net/ethtool/phc_vclocks.c | PTP VIRTUAL CLOCK SUPPORT
            include/uapi/drm/qaic_accel.h | QUALCOMM CLOUD AI (QAIC) DRIVER
            include/ras/ras_event.h | RAS INFRASTRUCTURE
            drivers/i2c/busses/i2c-rcar.c | RENESAS R-CAR I2C DRIVERS
            kernel/rseq.c | RESTARTABLE SEQUENCES SUPPORT
            drivers/clk/thead/clk-th1520-ap.c | RISC-V THEAD SoC SUPPORT
            drivers/regulator/bd9576-regulator.c | ROHM POWER MANAGEMENT IC DEVICE DRIVERS
            Documentation/admin-guide/LSM/SafeSetID.rst | SAFESETID SECURITY MODULE
            kernel/sched/ext.c | SCHEDULER - SCHED_EXT
            Documentation/admin-guide/LSM/SELinux.rst | SELINUX SECURITY MODULE
            include/linux/shrinker.h | SHRINKER
            drivers/gpio/gpio-sl28cpld.c | SL28 CPLD MFD DRIVER
            Documentation/devicetree/bindings/media/i2c/imx219.yaml | SONY IMX219 SENSOR DRIVER
            Documentation/networking/device_drivers/ethernet/toshiba/spider_net.rst | SPIDERNET NETWORK DRIVER for CELL
            Documentation/devicetree/bindings/usb/starfive,jh7110-usb.yaml | STARFIVE JH71X0 USB DRIVERS
            Documentation/devicetree/bindings/watchdog/sunplus,sp7021-wdt.yaml | SUNPLUS WATCHDOG DRIVER
            drivers/firmware/arm_scpi.c | SYSTEM CONTROL & POWER/MANAGEMENT INTERFACE (SCPI/SCMI) Message Protocol drivers
            Documentation/devicetree/bindings/display/tegra/nvidia,tegra20-vip.yaml | TEGRA VIDEO DRIVER
            include/uapi/linux/thermal.h | THERMAL
            drivers/iio/humidity/hdc3020.c | TI HDC302X HUMIDITY DRIVER
            kernel/rcu/refscale.c | TORTURE-TEST MODULES
            drivers/net/tap.c | TUN/TAP driver
            Documentation/usb/ehci.rst | USB EHCI DRIVER
            include/linux/uio.h | USERSPACE COPYIN/COPYOUT (UIOVEC)
            include/linux/vringh.h | VIRTIO CORE AND NET DRIVERS
            drivers/input/mouse/vmmouse.c | VMWARE VMMOUSE SUBDRIVER
            Documentation/core-api/workqueue.rst | WORKQUEUE
            drivers/xen/swiotlb-xen.c | XEN SWIOTLB SUBSYSTEM
            """;

    private static Maintainers modern;

    private static Maintainers modern() throws IOException {
        if (modern == null) {
            modern = Maintainers.parse(Files.readString(SharedData.require("corpus/maintainers/MAINTAINERS")));
        }
        return modern;
    }

    private static List<String[]> deciding() {
        List<String[]> rows = new ArrayList<>();
        for (String row : DECIDING.strip().split("\n")) rows.add(row.strip().split(" \\| ", 2));
        return rows;
    }

    @Test
    void theExactlyNamedFileDecides() throws IOException {
        Maintainers m = modern();
        List<String> wrong = new ArrayList<>();
        for (String[] row : deciding()) {
            List<Section> got = m.sectionsFor(row[0]);
            if (got.isEmpty() || !got.get(0).name().equals(row[1])) wrong.add(row[0] + " -> " + got);
        }
        assertTrue(deciding().size() >= 100, "only " + deciding().size() + " paths");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyCoveringSectionInOrder() throws IOException {
        Maintainers m = modern();
        String[][] cases = {
            {"drivers/infiniband/hw/mlx5/main.c", "MELLANOX MLX5 IB driver", "INFINIBAND SUBSYSTEM", "THE REST"},
            {"drivers/net/ethernet/mellanox/mlx5/core/en_main.c", "MELLANOX ETHERNET DRIVER (mlx5e)",
                "MELLANOX MLX5 core VPI driver", "NETWORKING DRIVERS", "THE REST"},
            {"fs/ext4/inode.c", "EXT4 FILE SYSTEM", "THE REST"},
            // F: mm/sl?b* (depth 2) beats F: mm/ (depth 1)
            {"mm/slub.c", "SLAB ALLOCATOR", "MEMORY MANAGEMENT", "THE REST"},
            {"kernel/sched/core.c", "SCHEDULER", "THE REST"},
            // X: drivers/gpu/drm/tegra/ takes DRM DRIVERS AND MISC GPU PATCHES out; N: [^a-z]tegra counts 0
            {"drivers/gpu/drm/tegra/dc.c", "DRM DRIVERS FOR NVIDIA TEGRA", "DRM DRIVERS",
                "TEGRA ARCHITECTURE SUPPORT", "THE REST"},
            // ARM64 PORT excludes arch/arm64/boot/dts/; the glob arch/*/boot/dts/ covers it
            {"arch/arm64/boot/dts/nvidia/tegra194.dtsi", "OPEN FIRMWARE AND FLATTENED DEVICE TREE BINDINGS",
                "TEGRA ARCHITECTURE SUPPORT", "THE REST"},
            {"net/ipv6/route.c", "NETWORKING [IPv4/IPv6]", "NETWORKING [GENERAL]", "THE REST"},
            // NETWORKING DRIVERS has X: drivers/net/wireless/
            {"drivers/net/wireless/ath/ath9k/main.c", "QUALCOMM ATHEROS ATH9K WIRELESS DRIVER",
                "NETWORKING DRIVERS (WIRELESS)", "THE REST"},
            // ABI/API has X: include/uapi/
            {"include/uapi/rdma/mlx5-abi.h", "MELLANOX MLX5 IB driver", "INFINIBAND SUBSYSTEM", "THE REST"},
            {"README", "THE REST"},
        };
        for (String[] c : cases) {
            assertEquals(List.of(c).subList(1, c.length), MaintainersRulesTest.names(m.sectionsFor(c[0])), c[0]);
        }
    }

    @Test
    void defaultKindsOnTheRealFile() throws IOException {
        Policy p = Policy.of(modern());
        String[][] cases = {
            {"drivers/infiniband/hw/mlx5/main.c", "DRIVER"},
            {"drivers/net/ethernet/mellanox/mlx5/core/en_main.c", "DRIVER"},
            {"drivers/infiniband/core/cma.c", "INFRASTRUCTURE"},
            {"fs/ext4/inode.c", "DRIVER"},
            {"mm/slub.c", "INFRASTRUCTURE"},
            {"arch/arm64/kernel/setup.c", "OTHER"},
            {"drivers/net/wireless/ath/ath9k/main.c", "DRIVER"},
        };
        for (String[] c : cases) {
            Area a = p.areas(List.of(c[0])).areas().get(0).area();
            assertEquals(AreaKind.valueOf(c[1]), a.kind(), c[0] + " in " + a.name());
        }
        TouchedAreas series = p.areas(List.of("drivers/infiniband/core/cma.c", "drivers/infiniband/hw/mlx5/main.c",
                "include/uapi/rdma/mlx5-abi.h"));
        assertTrue(series.infrastructure());
        assertEquals(List.of("include/uapi/rdma/mlx5-abi.h"), series.uapi());
    }

    @Test
    void theWholeFileParsesWithItsOddLinesReported() throws IOException {
        Maintainers m = modern();
        assertTrue(m.sections().size() > 2800, m.sections().size() + " sections");
        assertEquals("3C59X NETWORK DRIVER", m.sections().get(0).name());
        assertEquals("THE REST", m.sections().get(m.sections().size() - 1).name());
        // STAGING - REALTEK RTL8712U DRIVERS writes a full stop after an address (line 21923)
        assertEquals(List.of(21923), m.problems().stream().map(p -> p.line() + 1).toList(), m.problems().toString());

        Maintainers old = Maintainers.parse(
                Files.readString(SharedData.require("corpus/maintainers/MAINTAINERS-v4.2.8")));
        // EDAC-XGENE is a stray title above the real one; INTEL MIC DRIVERS forgets two colons ("F<tab>path")
        assertEquals(List.of(3929, 5506, 5510, 9775), old.problems().stream().map(p -> p.line() + 1).toList(),
                old.problems().toString());
        // ABI/API has F: include/uapi/ and, in 4.2.8, no X: for it yet
        assertEquals(List.of("INTEL MIC DRIVERS (mic)", "ABI/API", "THE REST"),
                MaintainersRulesTest.names(old.sectionsFor("include/uapi/linux/scif_ioctl.h")));
    }

    @Test
    void parseAndLookupTimes() throws IOException {
        String text = Files.readString(SharedData.require("corpus/maintainers/MAINTAINERS"));
        long best = Long.MAX_VALUE;
        Maintainers m = null;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            m = Maintainers.parse(text);
            best = Math.min(best, System.nanoTime() - t0);
        }
        List<String> paths = deciding().stream().map(r -> r[0]).toList();
        for (int warm = 0; warm < 50; warm++) paths.forEach(m::matches);
        int covered = 0;
        long t0 = System.nanoTime();
        for (int round = 0; round < 200; round++) {
            for (String p : paths) covered += m.matches(p).isEmpty() ? 0 : 1;
        }
        double perLookup = (System.nanoTime() - t0) / (200.0 * paths.size());
        System.out.printf("MAINTAINERS 6.12: %d sections parsed in %.1f ms (best of 5); %.1f us per lookup "
                + "(%d lookups)%n", m.sections().size(), best / 1e6, perLookup / 1e3, 200 * paths.size());
        assertEquals(200 * paths.size(), covered, "THE REST covers every path");
    }
}
