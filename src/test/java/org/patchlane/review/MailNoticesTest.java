package org.patchlane.review;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchlane.mail.BodyText;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Applied and merged notices in the shapes lore archives show (b4 ty, hand-written, Mark Brown's, the bot's). */
class MailNoticesTest {

    /** The reply's whole text (\n for a line break; quotes are split off as ingest does), then the notice found. */
    static String found(String csv) {
        String text = csv.replace("\\n", "\n");
        MailNotice n = MailNotices.parse(BodyText.of(text, List.of()).own());
        if (n == null) return "none";
        String entries = n.entries().stream()
                .map(e -> e.index() + "/" + e.total() + " " + e.commit() + (e.url().isEmpty() ? "" : " " + e.url())
                        + (e.title().isEmpty() ? "" : " " + e.title()))
                .collect(Collectors.joining("; "));
        return n.kind().jsonName() + " [" + n.tree() + "]" + (entries.isEmpty() ? "" : " " + entries);
    }

    /** reply text | kind [tree] entries as "n/m commit url title", ; between them | none */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Applied, thanks!                                                          | applied []
            Applied, thanks.\\n\\nRob                                                 | applied []
            On Mon, Jane wrote:\\n> Fix it.\\n\\nApplied, thanks!\\n\\n[1/1] RDMA/core: fix a typo\\n      https://git.kernel.org/rdma/rdma/c/4e2a91c7d3b0\\n\\nBest regards, | applied [] 1/1 4e2a91c7d3b0 https://git.kernel.org/rdma/rdma/c/4e2a91c7d3b0 RDMA/core: fix a typo
            Applied, thanks!\\n\\n[1/5] mfd: add Congatec Board Controller mfd driver\\n      commit: 6f1067cfbee72b04fc42234f7f1588f838cec0b6\\n[2/5] gpio: Congatec Board Controller gpio driver\\n      commit: 4342bf63b64b09561f4ad1537de2e1a971cfb197 | applied [] 1/5 6f1067cfbee72b04fc42234f7f1588f838cec0b6 mfd: add Congatec Board Controller mfd driver; 2/5 4342bf63b64b09561f4ad1537de2e1a971cfb197 gpio: Congatec Board Controller gpio driver
            Applied, thanks!\\n\\n[04/11] dt-bindings: firmware: scm: Add compatible for SDX65\\n        commit: 2ea6af6cc1f58f828180cf6124febbde47a10bad\\n\\nBest regards,\\n-- \\nBjorn | applied [] 4/11 2ea6af6cc1f58f828180cf6124febbde47a10bad dt-bindings: firmware: scm: Add compatible for SDX65
            Thanks, Applied to https://git.kernel.org/pub/scm/linux/kernel/git/amlogic/linux.git (v6.8/arm64-dt)\\n\\n[2/3] arm64: dts: Add watchdog node for Amlogic C3 SoCs\\n      https://git.kernel.org/amlogic/c/a30c7a73b0ad50c40c01811fa23e74764c3ba007 | applied [https://git.kernel.org/pub/scm/linux/kernel/git/amlogic/linux.git (v6.8/arm64-dt)] 2/3 a30c7a73b0ad50c40c01811fa23e74764c3ba007 https://git.kernel.org/amlogic/c/a30c7a73b0ad50c40c01811fa23e74764c3ba007 arm64: dts: Add watchdog node for Amlogic C3 SoCs
            Applied to for-next, thanks!                                              | applied [for-next]
            Applied to https://git.kernel.org/pub/scm/linux/kernel/git/rdma/rdma.git for-next, thanks! | applied [https://git.kernel.org/pub/scm/linux/kernel/git/rdma/rdma.git for-next]
            Applied for next (and by amending the commit message according to\\nRob's suggestion), thanks!\\n\\nKind regards\\nUffe | applied [next]
            Applied to the watchdog-next tree.                                        | applied [watchdog-next tree]
            Applied to asahi-soc/dt, thanks! Sorry for the delay, I have been dealing with other things. | applied [asahi-soc/dt]
            Applied to v6.8/arm64-dt. It will show up in linux-next soon.              | applied [v6.8/arm64-dt]
            Thanks, applied.                                                          | applied []
            Ok, applied to wim/linux-watchdog.git master.                             | applied [wim/linux-watchdog.git master]
            The patch\\n\\n   spi: sh-msiof: Add r8a774b1 support\\n\\nhas been applied to the spi tree at\\n\\n   https://git.kernel.org/pub/scm/linux/kernel/git/broonie/spi.git for-5.5\\n\\nAll being well | applied [https://git.kernel.org/pub/scm/linux/kernel/git/broonie/spi.git for-5.5]
            Applied, thanks!\\n\\n[1/2] watchdog: add a thing\\n      (no commit info)\\n[2/2] watchdog: use the thing\\n      commit: 0123456789ab | applied [] 1/2  watchdog: add a thing; 2/2 0123456789ab watchdog: use the thing
            The pull request you sent on Sat, 1 Feb 2020:\\n\\n> git://www.linux-watchdog.org/linux-watchdog.git tags/linux-watchdog-5.6-rc1\\n\\nhas been merged into torvalds/linux.git:\\nhttps://git.kernel.org/torvalds/c/b34f01f76a10386f1877181e4f0631fa2733ecdc\\n\\nThank you!\\n\\n-- \\nDeet-doot-dot, I am a bot. | merged [torvalds/linux.git] 0/0 b34f01f76a10386f1877181e4f0631fa2733ecdc https://git.kernel.org/torvalds/c/b34f01f76a10386f1877181e4f0631fa2733ecdc
            has been merged into torvalds/linux.git: https://git.kernel.org/torvalds/c/6755f4563144e38f375f43dbb01926fd4ce08620 | merged [torvalds/linux.git] 0/0 6755f4563144e38f375f43dbb01926fd4ce08620 https://git.kernel.org/torvalds/c/6755f4563144e38f375f43dbb01926fd4ce08620
            Applied on top of v6.18-rc3 it no longer builds.                         | none
            Applied cleanly here, but the driver oopses on probe.                     | none
            This applies to the rdma-next branch only.                                | none
            This patch was not applied: please rebase it.                             | none
            Jason wrote:\\n> Applied, thanks!\\n\\nWhere? I cannot find it in for-next. | none
            > Applied to for-next, thanks!\\n\\nThis broke the build.                  | none
            Please resend once the first series is applied.                           | none
            [if your patch is applied to the wrong git tree, kindly drop us a note.   | none
            Applied it locally and it crashes on boot.                                | none
            Applied to which tree?                                                    | none
            Reviewed-by: Leon Romanovsky <leon@kernel.org>\\n\\n-- \\nApplied, thanks! | none
            [1/1] RDMA/core: fix a typo\\n      commit: 4e2a91c7d3b0                   | none
            """)
    void detects(String text, String expected) {
        assertEquals(expected.strip(), found(text.strip()));
    }
}
