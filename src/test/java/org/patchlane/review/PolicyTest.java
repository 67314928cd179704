package org.patchlane.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchlane.git.ConfigFile;
import org.patchlane.mail.Address;

class PolicyTest {
    @TempDir
    Path tmp;

    private Policy load(String text) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(dir.resolve("MAINTAINERS"), MaintainersRulesTest.fixture());
        Path f = dir.resolve("patchlane.conf");
        Files.writeString(f, text);
        return Policy.load(ConfigFile.read(f), null);
    }

    @Test
    void explicitAreasOverrideMaintainersForThePathsTheyCover() throws IOException {
        Policy p = load("""
                [maintainers]
                \tfile = MAINTAINERS
                [area "rdma-core"]
                \tkind = infrastructure
                \tpath = drivers/infiniband/core/
                \tpath = include/rdma/
                \tmaintainer = Jason Gunthorpe <jgg@example.org>
                \tmaintainer = leon@example.org
                [area "mlx5"]
                \tkind = driver
                \tpath = drivers/infiniband/hw/mlx5/
                [together]
                \twindow = 36h
                """);
        assertEquals(Duration.ofHours(36), p.window());
        assertEquals(List.of("mlx5", "rdma-core"), p.configuredAreas().stream().map(Area::name).toList());
        TouchedAreas t = p.areas(List.of("drivers/infiniband/hw/mlx5/main.c", "include/uapi/rdma/mlx5-abi.h",
                "drivers/infiniband/core/cma.c", "drivers/infiniband/hw/mlx5/qp.c", "include/rdma/ib_verbs.h",
                "drivers/infiniband/hw/mlx5/main.c"));
        assertEquals(List.of("mlx5", "MLX5 DRIVER", "rdma-core"), t.areas().stream().map(a -> a.area().name()).toList());
        AreaTouch mlx5 = t.areas().get(0);
        assertEquals(AreaKind.DRIVER, mlx5.area().kind());
        assertEquals(Area.Origin.CONFIGURATION, mlx5.area().origin());
        assertEquals(List.of("drivers/infiniband/hw/mlx5/main.c", "drivers/infiniband/hw/mlx5/qp.c"), mlx5.paths());
        // no maintainer = lines: the MAINTAINERS sections of its paths speak for it
        assertEquals(List.of(new Address("Bob Five", "bob@example.org"), new Address("Linus", "torvalds@example.org")),
                mlx5.contacts().maintainers());
        AreaTouch uapiHeader = t.areas().get(1);
        assertEquals(Area.Origin.MAINTAINERS, uapiHeader.area().origin());
        assertEquals(AreaKind.DRIVER, uapiHeader.area().kind());
        AreaTouch core = t.areas().get(2);
        assertEquals(AreaKind.INFRASTRUCTURE, core.area().kind());
        assertEquals(List.of(new Address("Jason Gunthorpe", "jgg@example.org"), new Address("", "leon@example.org")),
                core.contacts().maintainers());
        assertEquals(List.of(), core.contacts().lists());
        assertTrue(t.infrastructure());
        assertFalse(t.driversOnly());
        assertEquals(List.of("include/uapi/rdma/mlx5-abi.h"), t.uapi());
        assertTrue(t.touchesUapi());
    }

    @Test
    void withoutAreasTheDecidingSectionIsTheAreaAndEveryCoveringSectionGivesPeople() throws IOException {
        Policy p = load("[maintainers]\n\tfile = MAINTAINERS\n");
        assertEquals(Policy.WINDOW, p.window());
        TouchedAreas t = p.areas(List.of("drivers/net/bcm63xx.c", "drivers/net/ethernet/intel/phy1.c"));
        assertEquals(1, t.areas().size());
        AreaTouch globs = t.areas().get(0);
        assertEquals("GLOBS", globs.area().name());
        assertEquals(List.of(new Address("", "glob@example.org")), globs.area().contacts().maintainers());
        assertEquals(List.of(new Address("", "glob@example.org"), new Address("Net Person", "net@example.org"),
                new Address("Ann Core", "ann@example.org"), new Address("Linus", "torvalds@example.org")),
                globs.contacts().maintainers());
        assertEquals(List.of("netdev@example.org", "linux-kernel@example.org"), globs.contacts().lists());
        assertFalse(t.touchesUapi());
    }

    @Test
    void aSeriesOfDriverAreasOnlyIsADriverSeries() throws IOException {
        Policy p = load("[maintainers]\n\tfile = MAINTAINERS\n");
        TouchedAreas drivers = p.areas(List.of("drivers/infiniband/hw/mlx5/main.c", "drivers/net/sub/x.c"));
        assertEquals(List.of(AreaKind.DRIVER, AreaKind.DRIVER), drivers.areas().stream().map(a -> a.area().kind()).toList());
        assertTrue(drivers.driversOnly());
        assertFalse(drivers.infrastructure());
        TouchedAreas mixed = p.areas(List.of("drivers/infiniband/hw/mlx5/main.c", "include/rdma/ib_verbs.h"));
        assertTrue(mixed.infrastructure());
        TouchedAreas other = p.areas(List.of("README"));
        assertEquals(AreaKind.OTHER, other.areas().get(0).area().kind());
        assertFalse(other.infrastructure());
        assertFalse(other.driversOnly());
    }

    @Test
    void withoutMaintainersAPathNoAreaCoversIsUncovered() throws IOException {
        Policy p = load("""
                [area "rdma-core"]
                \tpath = drivers/infiniband/core/
                """);
        assertEquals(0, p.maintainers().sections().size());
        TouchedAreas t = p.areas(List.of("drivers/infiniband/core/cma.c", "fs/ext4/inode.c"));
        assertEquals(List.of("fs/ext4/inode.c"), t.uncovered());
        assertEquals(AreaKind.INFRASTRUCTURE, t.areas().get(0).area().kind(), "no kind =: the default split decides");
        assertFalse(t.driversOnly());
        TouchedAreas none = Policy.load(ConfigFile.empty(), null).areas(List.of("a.c"));
        assertEquals(List.of("a.c"), none.uncovered());
    }

    @Test
    void theDeepestAreaPathDecides() throws IOException {
        Policy p = load("""
                [area "infiniband"]
                \tkind = infrastructure
                \tpath = drivers/infiniband/
                [area "mlx5"]
                \tkind = driver
                \tpath = drivers/infiniband/hw/mlx5/
                """);
        TouchedAreas t = p.areas(List.of("drivers/infiniband/hw/mlx5/main.c", "drivers/infiniband/sw/rxe/rxe.c"));
        assertEquals(List.of("mlx5", "infiniband"), t.areas().stream().map(a -> a.area().name()).toList());
    }

    @Test
    void aRelativeFileResolvesAgainstTheGivenDirectory() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("M"), "X\nM:\tA <a@example.org>\nF:\tx/\n");
        Path f = tmp.resolve("p.conf");
        Files.writeString(f, "[maintainers]\n\tfile = M\n");
        assertEquals(1, Policy.load(ConfigFile.read(f), other).maintainers().sections().size());
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Policy.load(ConfigFile.read(f), null));
        assertTrue(e.getMessage().endsWith(tmp.resolve("M").toString()), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            7d   | PT168H
            36h  | PT36H
            2w   | PT336H
            1D   | PT24H
            """)
    void windowUnits(String value, String expected) throws IOException {
        assertEquals(Duration.parse(expected), load("[together]\n\twindow = " + value + "\n").window());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            [together]\\n\\twindow = 7                         | [together] window
            [together]\\n\\twindow = 7m                        | [together] window
            [together]\\n\\twindow = 0d                        | [together] window
            [together]\\n\\twindow = d                         | [together] window
            [area "x"]\\n\\tkind = core\\n\\tpath = a/          | [area "x"] kind must be
            [area "x"]\\n\\tkind = driver                      | [area "x"] has no path
            [area "x"]\\n\\tpath = a[b                         | [area "x"] path
            [area "x"]\\n\\tpath = a/\\n\\tmaintainer = Nobody | [area "x"] maintainer
            """)
    void badSettingsAreNamed(String conf, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load(conf.replace("\\n", "\n").replace("\\t", "\t")));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains("patchlane.conf"), e.getMessage());
    }
}
