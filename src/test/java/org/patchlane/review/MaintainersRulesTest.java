package org.patchlane.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchlane.mail.Address;
import org.patchlane.patch.ParseProblem;
import org.patchlane.patch.ParseProblem.Severity;

/** The MAINTAINERS rules in isolation, on the hand-written fixture {@code review/MaintainersRulesTest.MAINTAINERS}. */
class MaintainersRulesTest {
    static String fixture() throws IOException {
        try (InputStream in = MaintainersRulesTest.class.getResourceAsStream("/review/MaintainersRulesTest.MAINTAINERS")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static final Maintainers M;

    static {
        try {
            M = Maintainers.parse(fixture());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            drivers/infiniband/core/cma.c        | CORE INFRA;THE REST
            include/rdma/ib_verbs.h              | CORE INFRA;THE REST
            drivers/infiniband/hw/mlx5/main.c    | MLX5 DRIVER;THE REST
            include/uapi/rdma/mlx5-abi.h         | MLX5 DRIVER;THE REST
            include/uapi/rdma/mlx5-abi.hpp       | THE REST
            drivers/net/bcm63xx.c                | GLOBS;NET DRIVERS;THE REST
            drivers/net/bcm63xx.h                | GLOBS;NET DRIVERS;THE REST
            drivers/net/bcm63xx.o                | NET DRIVERS;THE REST
            drivers/net/sub/bcm1.c               | NET DRIVERS;THE REST
            drivers/net/ethernet/intel/phy1.c    | GLOBS;NET DRIVERS;THE REST
            drivers/net/ethernet/intel/phy12.c   | NET DRIVERS;THE REST
            drivers/net/ethernet/phy1.c          | NET DRIVERS;THE REST
            drivers/net/ethernet/a/b/phy1.c      | NET DRIVERS;THE REST
            drivers/net/wireless/ath.c           | THE REST
            drivers/net/wireless                 | NET DRIVERS;THE REST
            lib/foo                              | DIRECTORY WITHOUT SLASH;THE REST
            lib/foo/bar.c                        | DIRECTORY WITHOUT SLASH;THE REST
            lib/foobar.c                         | THE REST
            drivers/gpu/tegra/dc.c               | TEGRA;THE REST
            drivers/net/tegra-eth.c              | NET DRIVERS;TEGRA;THE REST
            drivers/integrator.c                 | THE REST
            README                               | THE REST
            drivers/colonless/x.c                | BROKEN;THE REST
            orphan/tag/x.c                       | THE REST
            """)
    void sectionsMostSpecificFirst(String path, String expected) {
        assertEquals(List.of(expected.split(";")), names(M.sectionsFor(path)));
    }

    @Test
    void depthCountsSlashesPlusOneForAFileThenZeroForRegexesAndMinusOneForTheRest() {
        assertEquals(Map.of("GLOBS", 3, "NET DRIVERS", 2, "THE REST", -1), depths("drivers/net/bcm63xx.c"));
        assertEquals(Map.of("NET DRIVERS", 2, "TEGRA", 0, "THE REST", -1), depths("drivers/net/tegra-eth.c"));
        assertEquals(Map.of("DIRECTORY WITHOUT SLASH", 2, "THE REST", -1), depths("lib/foo/bar.c"));
    }

    @Test
    void aPathNoSectionCoversHasNone() {
        Maintainers m = Maintainers.parse("NET\nM:\tA <a@example.org>\nF:\tnet/\nF:\tinclude/net/*.h\n");
        assertEquals(List.of(), m.matches("drivers/net/foo.c"));
        assertEquals(List.of(), m.matches("include/net/sub/foo.h"));
        assertEquals(List.of("NET"), names(m.sectionsFor("include/net/foo.h")));
        assertEquals(List.of(), Maintainers.NONE.matches("net/foo.c"));
    }

    @Test
    void sectionsKeepTheirPeopleStatusAndEveryValue() {
        Section mlx5 = section("MLX5 DRIVER");
        assertEquals(List.of(new Address("Bob Five", "bob@example.org")), mlx5.contacts().maintainers());
        assertEquals(List.of(new Address("Rev, Iewer", "rev@example.org")), mlx5.contacts().reviewers());
        assertEquals("Supported", mlx5.status());
        assertEquals(List.of("drivers/infiniband/hw/mlx5/", "include/linux/mlx5/", "include/uapi/rdma/mlx5-abi.h"),
                mlx5.get(Tag.F));
        Section core = section("CORE INFRA");
        assertEquals(List.of("core@lists.example.org"), core.contacts().lists());
        assertEquals(List.of("core@lists.example.org (moderated for non-subscribers)"), core.get(Tag.L));
        assertEquals(List.of(new Address("Dee Rectory", "dee@example.org")),
                section("DIRECTORY WITHOUT SLASH").contacts().maintainers());
        Section broken = section("BROKEN");
        assertEquals(List.of("https://patchwork.example.org/"), broken.get(Tag.Q));
        assertEquals(List.of(new Address("Trailing Dot", "dot@example.org")), broken.contacts().maintainers());
        assertEquals(List.of("drivers/colonless/"), broken.get(Tag.F).subList(1, 2));
        assertEquals(List.of("CORE INFRA", "MLX5 DRIVER", "NET DRIVERS", "GLOBS", "DIRECTORY WITHOUT SLASH", "TEGRA",
                "THE REST", "BROKEN"), names(M.sections()));
    }

    @Test
    void everyLineNotUnderstoodIsAProblemAtItsLine() throws IOException {
        List<String> lines = Arrays.asList(fixture().split("\n"));
        Map<String, Severity> expected = Map.of(
                "a stray line after the first section", Severity.WARNING,
                "F:\torphan/tag/", Severity.ERROR,
                "M:\tnot an address", Severity.ERROR,
                "Z:\tunknown tag", Severity.WARNING,
                "F:\tbad[pattern", Severity.ERROR,
                "N:\t(unclosed", Severity.ERROR,
                "F\tdrivers/colonless/", Severity.WARNING,
                "M:\tTrailing Dot <dot@example.org>.", Severity.WARNING);
        Map<String, Severity> found = M.problems().stream()
                .collect(Collectors.toMap(p -> lines.get(p.line()), ParseProblem::severity));
        assertEquals(expected, found, M.problems().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            drivers/net/       | drivers/net/x.c            | true
            drivers/net/       | drivers/net                | false
            drivers/net/       | drivers/network/x.c        | false
            drivers/net/*      | drivers/net/x.c            | true
            drivers/net/*      | drivers/net/a/x.c          | false
            */net/*            | drivers/net/x.c            | true
            */net/*            | a/b/net/x.c                | false
            sound/soc/da[79]*.h | sound/soc/da7213.h        | true
            sound/soc/da[79]*.h | sound/soc/da8213.h        | false
            drivers/input/da72??.[ch] | drivers/input/da7280.c | true
            drivers/input/da72??.[ch] | drivers/input/da728.c  | false
            fs/ext4            | fs/ext4/inode.c            | true
            fs/ext4            | fs/ext4                    | true
            fs/ext4            | fs/ext4x/inode.c           | false
            kernel/audit*      | kernel/auditsc.c           | true
            kernel/audit*      | kernel/audit/x.c           | false
            arch/*/boot/dts/   | arch/arm64/boot/dts/x.dts  | true
            arch/*/boot/dts/   | arch/boot/dts/x.dts        | false
            a.b/               | aXb/c                      | false
            """)
    void patternsMatchLikeGetMaintainer(String pattern, String path, boolean matches) {
        assertEquals(matches, PathPattern.parse(pattern).matches(path));
    }

    @Test
    void badPatternsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse(""));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse("a//b"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse("a/[bc"));
        assertTrue(PathPattern.parse("*").matches("README"));
    }

    private static Map<String, Integer> depths(String path) {
        return M.matches(path).stream().collect(Collectors.toMap(m -> m.section().name(), SectionMatch::depth));
    }

    private static Section section(String name) {
        return M.sections().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    static List<String> names(List<Section> sections) {
        return sections.stream().map(Section::name).toList();
    }
}
