package org.patchlane.patch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SubjectTagsTest {

    /**
     * subject | reply | version | index | total | flags (P=patch R=rfc S=resend L=pull, - none) |
     * trees (space-separated, - none) | title
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            [PATCH] watchdog: fix a leak                         | false | 1 | -1 | -1 | P  | -                  | watchdog: fix a leak
            [PATCH v2 3/7] mm: add a helper                      | false | 2 |  3 |  7 | P  | -                  | mm: add a helper
            [RFC][PATCH v2 3/7] mm: add a helper                 | false | 2 |  3 |  7 | PR | -                  | mm: add a helper
            [PATCH net-next v2 09/10] net: mlx5: tidy            | false | 2 |  9 | 10 | P  | net-next           | net: mlx5: tidy
            [resend/standalone PATCH v4] Add auxiliary bus support | false | 4 | -1 | -1 | PS | standalone      | Add auxiliary bus support
            [GIT PULL] RDMA fixes for 6.13-rc2                   | false | 1 | -1 | -1 | L  | -                  | RDMA fixes for 6.13-rc2
            [GIT PULL REQUEST] watchdog - v5.2 Merge window      | false | 1 | -1 | -1 | L  | -                  | watchdog - v5.2 Merge window
            [PULL REQUEST] i2c for 5.18                          | false | 1 | -1 | -1 | L  | -                  | i2c for 5.18
            [PULL] drm-misc-fixes                                | false | 1 | -1 | -1 | L  | -                  | drm-misc-fixes
            Re: [GIT PULL] RDMA fixes for 6.13-rc2               | true  | 1 | -1 | -1 | L  | -                  | RDMA fixes for 6.13-rc2
            Re: AW: [RFC PATCH] usb: gadget: rework              | true  | 1 | -1 | -1 | PR | -                  | usb: gadget: rework
            [PATCH v5.1 10/12] iommu: split domain ops           | false | 5 | 10 | 12 | P  | -                  | iommu: split domain ops
            [PATCH V2] thermal: fix units                        | false | 2 | -1 | -1 | P  | -                  | thermal: fix units
            [PATCH 1/3 v2] i2c: core: check adapter              | false | 2 |  1 |  3 | P  | -                  | i2c: core: check adapter
            [PATCH RESEND] hwmon: fix typo                       | false | 1 | -1 | -1 | PS | -                  | hwmon: fix typo
            [PATCH rdma-next 0/5] Add mlx5 steering              | false | 1 |  0 |  5 | P  | rdma-next          | Add mlx5 steering
            [PATCH v3 0/5] cover                                 | false | 3 |  0 |  5 | P  | -                  | cover
            [PATCH 00/12] big series                             | false | 1 |  0 | 12 | P  | -                  | big series
            [PATCH 01/12] first of many                          | false | 1 |  1 | 12 | P  | -                  | first of many
            Re: [PATCH 2/2] x: y                                 | true  | 1 |  2 |  2 | P  | -                  | x: y
            RE: [PATCH] x                                        | true  | 1 | -1 | -1 | P  | -                  | x
            re: [PATCH] x                                        | true  | 1 | -1 | -1 | P  | -                  | x
            Fwd: [PATCH] x                                       | true  | 1 | -1 | -1 | P  | -                  | x
            Fw: [PATCH] x                                        | true  | 1 | -1 | -1 | P  | -                  | x
            FW: [PATCH] x                                        | true  | 1 | -1 | -1 | P  | -                  | x
            AW: [PATCH] x                                        | true  | 1 | -1 | -1 | P  | -                  | x
            Aw: [PATCH] x                                        | true  | 1 | -1 | -1 | P  | -                  | x
            SV: [PATCH] x                                        | true  | 1 | -1 | -1 | P  | -                  | x
            Re[2]: [PATCH] x                                     | true  | 1 | -1 | -1 | P  | -                  | x
            Re: Re: Re: [PATCH v2] x                             | true  | 2 | -1 | -1 | P  | -                  | x
            Re:[PATCH] no space                                  | true  | 1 | -1 | -1 | P  | -                  | no space
            [PATCH] Re: foo                                      | true  | 1 | -1 | -1 | P  | -                  | foo
            [dpdk-dev] Re: [PATCH v2 1/3] net/ice: fix           | true  | 2 |  1 |  3 | P  | dpdk-dev           | net/ice: fix
            [Intel-wired-lan] [PATCH iwl-net] ice: fix           | false | 1 | -1 | -1 | P  | Intel-wired-lan iwl-net | ice: fix
            [PATCH 5.10 1/2] backport: fix                       | false | 1 |  1 |  2 | P  | 5.10               | backport: fix
            [PATCH for-rc] RDMA/core: fix                        | false | 1 | -1 | -1 | P  | for-rc             | RDMA/core: fix
            [PATCH mm-unstable v2] mm: fix                       | false | 2 | -1 | -1 | P  | mm-unstable        | mm: fix
            [PATCH bpf-next,v3 2/4] bpf: add kfunc               | false | 3 |  2 |  4 | P  | bpf-next           | bpf: add kfunc
            [PATCH net,v2] tcp: fix                              | false | 2 | -1 | -1 | P  | net                | tcp: fix
            [PATCHv3 1/2] foo: bar                               | false | 3 |  1 |  2 | P  | -                  | foo: bar
            [RFC PATCH v2 0/3] sched: idea                       | false | 2 |  0 |  3 | PR | -                  | sched: idea
            [RFCv2] sched: idea                                  | false | 2 | -1 | -1 | R  | -                  | sched: idea
            [PATCH] [v2] two groups                              | false | 2 | -1 | -1 | P  | -                  | two groups
            watchdog: no brackets at all                         | false | 1 | -1 | -1 | -  | -                  | watchdog: no brackets at all
            Re: watchdog: no brackets                            | true  | 1 | -1 | -1 | -  | -                  | watchdog: no brackets
            [PATCH v2 unbalanced                                 | false | 1 | -1 | -1 | -  | -                  | [PATCH v2 unbalanced
            [PATCH]                                              | false | 1 | -1 | -1 | P  | -                  | ``
            ``                                                   | false | 1 | -1 | -1 | -  | -                  | ``
            [PATCH 3/0] bogus counter                            | false | 1 | -1 | -1 | P  | -                  | bogus counter
            [PATCH 7/5] index past total                         | false | 1 | 7  | 5  | P  | -                  | index past total
            Revert "[PATCH] foo"                                 | false | 1 | -1 | -1 | -  | -                  | Revert "[PATCH] foo"
            Svc: not a reply prefix                              | false | 1 | -1 | -1 | -  | -                  | Svc: not a reply prefix
            [GIT PULL v2] fixes                                  | false | 2 | -1 | -1 | L  | -                  | fixes
            [GIT] not a pull                                     | false | 1 | -1 | -1 | -  | GIT                | not a pull
            """)
    void parses(String subject, boolean reply, int version, int index, int total, String flags, String trees,
                String title) {
        SubjectTags t = SubjectTags.parse(subject);
        assertEquals(reply, t.reply(), "reply");
        assertEquals(version, t.version(), "version");
        assertEquals(index, t.index(), "index");
        assertEquals(total, t.total(), "total");
        assertEquals(flags.contains("P"), t.patch(), "patch");
        assertEquals(flags.contains("R"), t.rfc(), "rfc");
        assertEquals(flags.contains("S"), t.resend(), "resend");
        assertEquals(flags.contains("L"), t.pull(), "pull");
        assertEquals(trees.equals("-") ? List.of() : Arrays.asList(trees.split(" ")), t.trees(), "trees");
        assertEquals(title == null ? "" : title, t.title(), "title");
    }

    @Test
    void prefixesKeepEveryTokenAsWritten() {
        assertEquals(List.of("PATCH", "net-next", "v2", "09/10"),
                SubjectTags.parse("[PATCH net-next v2 09/10] x").prefixes());
        assertEquals(List.of("resend", "standalone", "PATCH", "v4"),
                SubjectTags.parse("[resend/standalone PATCH v4] Add auxiliary bus support").prefixes());
        assertEquals(List.of("PATCH", "v5.1", "10/12"), SubjectTags.parse("[PATCH v5.1 10/12] x").prefixes());
        assertEquals(List.of("RFC", "PATCH", "v2", "3/7"), SubjectTags.parse("[RFC][PATCH v2 3/7] x").prefixes());
    }

    @Test
    void nullSubjectIsEmpty() {
        SubjectTags t = SubjectTags.parse(null);
        assertEquals("", t.title());
        assertEquals(List.of(), t.prefixes());
    }
}
