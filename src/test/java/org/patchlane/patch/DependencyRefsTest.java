package org.patchlane.patch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DependencyRefsTest {

    static String text(String csv) {
        return csv.replace("\\n", "\n");
    }

    static String describe(DependencyRef r) {
        return r.kind() + " " + r.form() + " " + r.target();
    }

    /** own text (\n for a line break) | the refs as "KIND FORM target", ; between them */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Depends-on: <20261102-aux-core-v3-0-2b7e9f4c1d38@nvidia.com>            | DEPENDS_ON MESSAGE_ID 20261102-aux-core-v3-0-2b7e9f4c1d38@nvidia.com
            depends-on: 20261102.1234-1-jane@example.org                             | DEPENDS_ON MESSAGE_ID 20261102.1234-1-jane@example.org
            Depends-on: https://patchwork.kernel.org/project/linux-rdma/patch/20261102-x-v1-1-abc@nvidia.com/ | DEPENDS_ON MESSAGE_ID 20261102-x-v1-1-abc@nvidia.com
            Based-on: <20261001123456.98765-1-pbonzini@redhat.com>                  | BASED_ON MESSAGE_ID 20261001123456.98765-1-pbonzini@redhat.com
            Link: https://lore.kernel.org/linux-watchdog/20230713095127.1230109-1-huaqian.li@siemens.com | LINK MESSAGE_ID 20230713095127.1230109-1-huaqian.li@siemens.com
            Link: https://lore.kernel.org/r/20250520020355.3885597-7-tmyu0%40nuvoton.com | LINK MESSAGE_ID 20250520020355.3885597-7-tmyu0@nuvoton.com
            Link: https://patch.msgid.link/20221025-test1-v1-2-e4f28f57990c@linuxfoundation.org | LINK MESSAGE_ID 20221025-test1-v1-2-e4f28f57990c@linuxfoundation.org
            Link: https://lkml.kernel.org/r/20190312190606.GA15675@redhat.com        | LINK MESSAGE_ID 20190312190606.GA15675@redhat.com
            Link: https://lore.kernel.org/all/87a5x3bc9d.fsf@mail.example.org/T/#u   | LINK MESSAGE_ID 87a5x3bc9d.fsf@mail.example.org
            This series depends on <20261102-aux-core-v3-0-2b7e9f4c1d38@nvidia.com>. | PROSE MESSAGE_ID 20261102-aux-core-v3-0-2b7e9f4c1d38@nvidia.com
            This patch depends on https://patchwork.kernel.org/patch/11162283/       | PROSE URL https://patchwork.kernel.org/patch/11162283/
            It is based on https://lore.kernel.org/linux-arm-msm/20250519-wdt_reset_reason-v4-0-d59d21275c75@oss.qualcomm.com/ and nothing else. | PROSE MESSAGE_ID 20250519-wdt_reset_reason-v4-0-d59d21275c75@oss.qualcomm.com
            Applies on top of change-id 20261102-aux-core-3f1c2a9b7d10 (v3).         | PROSE CHANGE_ID 20261102-aux-core-3f1c2a9b7d10
            This applies on the series "driver core: add auxiliary bus" from Dave.   | PROSE TITLE driver core: add auxiliary bus
            It requires '[PATCH v2 0/3] mm: add foo_pages()' to be merged first.     | PROSE TITLE mm: add foo_pages()
            The mlx5 changes are built on top of\\n"RDMA/core: Add the auxiliary bus lifetime helpers". | PROSE TITLE RDMA/core: Add the auxiliary bus lifetime helpers
            This series DEPENDS\\nON <20261102.555-1-leon@kernel.org>, please merge it first. | PROSE MESSAGE_ID 20261102.555-1-leon@kernel.org
            This series depends on the following series and patches:\\n* https://patchwork.kernel.org/cover/11166155/\\n* https://patchwork.kernel.org/patch/11166327/\\n\\nThanks, | PROSE URL https://patchwork.kernel.org/cover/11166155/;PROSE URL https://patchwork.kernel.org/patch/11166327/
            Changes in v2:\\n- Link to v1: https://lore.kernel.org/r/20250408-wdt_reset_reason-v1-0-e6ec30c2c926@oss.qualcomm.com | MENTION MESSAGE_ID 20250408-wdt_reset_reason-v1-0-e6ec30c2c926@oss.qualcomm.com
            See the discussion at https://lore.kernel.org/linux-arm-kernel/20200110073730.213789-1-hsinyi@chromium.org/. | MENTION MESSAGE_ID 20200110073730.213789-1-hsinyi@chromium.org
            """)
    void readsReferences(String own, String expected) {
        List<String> refs = DependencyRefs.in(text(own)).stream().map(DependencyRefsTest::describe).toList();
        assertEquals(List.of(expected.split(";")), refs);
    }

    /** own text that names no dependency: every false friend */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Link: https://bugzilla.kernel.org/show_bug.cgi?id=215432
            Link: https://docs.kernel.org/driver-api/auxiliary_bus.html
            Closes: https://lore.kernel.org/oe-kbuild-all/202505210555.mud6jZoi-lkp@intel.com/
            Reported-by: kernel test robot <lkp@intel.com>
            Fixes: 7de3697e9cbd ("Add auxiliary bus support")
            See https://lore.kernel.org/netdev/ for the list.
            This depends on the clock feeding the watchdog.
            Intel Keembay Soc requires watchdog timer support.
            Based on the discussion in the linux-arm-msm list[1], it is not needed.
            Rebased on Linux v6.12-rc1.
            This is based on a suggestion by Greg KH <gregkh@linuxfoundation.org>.
            > This series depends on <20261102-aux-core-v3-0-2b7e9f4c1d38@nvidia.com>.
            >> Depends-on: <20261102-aux-core-v3-0-2b7e9f4c1d38@nvidia.com>
            Depends on "nothing": it stands alone.
            The driver depends on CONFIG_AUXILIARY_BUS being set.
            Applies on top of linux-next (next-20261110).
            Depends-on: a few things we discussed
            `prerequisite-message-id: <20261102-aux-core-v3-0-2b7e9f4c1d38@nvidia.com>`
            """)
    void falseFriendsNameNothing(String own) {
        assertEquals(List.of(), DependencyRefs.in(text(own)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "RDMA/core: Add the helpers.      | rdma/core: add the helpers",
            "  mm:   add\tfoo_pages()  | mm: add foo_pages()",
            "lib: add bar.  .             | lib: add bar.",
            "''                           | ''",
            // a version or patch without a title (a subject of tags only) must not stop ingest
            "NULL                         | ''"})
    void aTitleKeyIgnoresCaseSpacingAndAFinalPeriod(String title, String key) {
        assertEquals(key, DependencyRef.titleKey(title));
    }

    @Test
    void kconfigInTheDiffIsNoProse() {
        String own = """
                watchdog: add the cgbc driver

                Signed-off-by: Ann Author <ann@example.org>
                ---
                diff --git a/drivers/watchdog/Kconfig b/drivers/watchdog/Kconfig
                --- a/drivers/watchdog/Kconfig
                +++ b/drivers/watchdog/Kconfig
                @@ -1,2 +1,3 @@
                 config CGBC_WDT
                +	depends on MFD_CGBC
                +	help: applies on top of <20261102.555-1-leon@kernel.org>
                """;
        assertEquals(List.of(), DependencyRefs.in(own));
        assertEquals(List.of(), DependencyRefs.in(null));
        assertEquals(List.of(), DependencyRefs.in(""));
    }

    @Test
    void evidenceIsTheSentenceOrLineAndAStrongerRefHidesTheMention() {
        String own = """
                Hi,

                This series converts mlx5 to the auxiliary bus. It depends
                on https://lore.kernel.org/r/20261102-aux-core-v3-0-2b7e9f4c1d38@nvidia.com, which Greg
                acked. Please merge it first.

                Depends-on: <20261101.4242-1-jane@example.org>
                Link: https://lore.kernel.org/r/20261102-aux-core-v3-0-2b7e9f4c1d38@nvidia.com
                """;
        List<DependencyRef> refs = DependencyRefs.in(own);
        assertEquals(List.of(
                new DependencyRef(DependencyRef.Kind.PROSE, DependencyRef.Form.MESSAGE_ID,
                        "20261102-aux-core-v3-0-2b7e9f4c1d38@nvidia.com",
                        "It depends on https://lore.kernel.org/r/20261102-aux-core-v3-0-2b7e9f4c1d38@nvidia.com, "
                                + "which Greg acked."),
                new DependencyRef(DependencyRef.Kind.DEPENDS_ON, DependencyRef.Form.MESSAGE_ID,
                        "20261101.4242-1-jane@example.org", "Depends-on: <20261101.4242-1-jane@example.org>"),
                new DependencyRef(DependencyRef.Kind.LINK, DependencyRef.Form.MESSAGE_ID,
                        "20261102-aux-core-v3-0-2b7e9f4c1d38@nvidia.com",
                        "Link: https://lore.kernel.org/r/20261102-aux-core-v3-0-2b7e9f4c1d38@nvidia.com")), refs);
    }
}
