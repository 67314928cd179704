package org.patchlane.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The changelog shapes of real cover letters (b4's, the watchdog list's, hand-written ones), version by version. */
class ChangelogTest {
    static Stream<Arguments> covers() {
        return Stream.of(
                Arguments.of("b4: items, the Link line left out, the shortlog ends it",
                        "Intro.\n\nChanges in v3:\n- replace devm_auxiliary_device_add() (Greg)\n- documentation updated\n"
                                + "- Link to v2: https://lore.kernel.org/r/x@y\n\n---\nNoa Ashkenazi (4):\n      a\n",
                        Map.of("3", List.of("replace devm_auxiliary_device_add() (Greg)", "documentation updated"))),
                Arguments.of("b4 history: several versions, a wrapped item joined, a wrapped Link line dropped",
                        "Changes in v7:\n- Collected the tags\n- Link to v6: https://lore.kernel.org/r/a\n\n"
                                + "Changes in v6:\n- Updated the 'sram' property in watchdog binding to point to SRAM\n"
                                + "  region and update the driver\n\nChanges in v5:\n- Rename property\n- Link to v4:\n"
                                + "  https://lore.kernel.org/b\n",
                        Map.of("7", List.of("Collected the tags"),
                                "6", List.of("Updated the 'sram' property in watchdog binding to point to SRAM region and update the driver"),
                                "5", List.of("Rename property"))),
                Arguments.of("'since' names the version before, with a reference mark",
                        "Changes since V2 [2]:\n- Modified yaml document.\n- Added a patch for S4.\n\n"
                                + "Changes since V1 [1]:\n- Added C3 compatibles.\n\n[1]: https://lore.kernel.org/all/a/\n",
                        Map.of("3", List.of("Modified yaml document.", "Added a patch for S4."),
                                "2", List.of("Added C3 compatibles."))),
                Arguments.of("star bullets, then a diffstat ends it",
                        "Changes since v1:\n* removed unneeded label (Thanks, Prabhakar)\n* added tags\n\n"
                                + " .../bindings/watchdog/renesas,rza-wdt.yaml    | 51 +++++\n",
                        Map.of("2", List.of("removed unneeded label (Thanks, Prabhakar)", "added tags"))),
                Arguments.of("indented bullets with continuation, then the separator",
                        "Changes in v3:\n - fix spelling,\n - add a comment about unknown interaction between imx7d\n"
                                + "   functionality and \"fsl,suspend-in-wait\",\n\nChanges in v2:\n - validate the property\n---\n",
                        Map.of("3", List.of("fix spelling,", "add a comment about unknown interaction between imx7d "
                                + "functionality and \"fsl,suspend-in-wait\","), "2", List.of("validate the property"))),
                Arguments.of("arrows",
                        "v2 -> v3:\n  - drop the lock\nv1->v2:\n  - rebase\n",
                        Map.of("3", List.of("drop the lock"), "2", List.of("rebase"))),
                Arguments.of("one-line labels under a Changelog heading",
                        "Changelog:\nv3: use a spinlock\nv2:\n  - fix the build\n\nThanks,\nNoa\n",
                        Map.of("3", List.of("use a spinlock"), "2", List.of("fix the build"))),
                Arguments.of("b4's placeholder is no change",
                        "Changes in v2:\n- EDITME: describe what is new in this series revision.\n- Link to v1: https://x\n",
                        Map.of()),
                Arguments.of("prose after the block ends it",
                        "Changes in v2:\n- one\n\nThis series is based on for-next.\n- not a change\n",
                        Map.of("2", List.of("one"))),
                Arguments.of("no changelog", "This adds helpers.\n\nv2 of the driver is coming.\n", Map.of()),
                Arguments.of("partial version labels", "Changes in v5.1:\n- only 10/12 reposted\n",
                        Map.of("5.1", List.of("only 10/12 reposted"))),
                Arguments.of("numbered items", "Changes for v4:\n1. rename\n2) split the patch\n",
                        Map.of("4", List.of("rename", "split the patch"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("covers")
    void readsEachVersionsItems(String name, String text, Map<String, List<String>> expected) {
        assertEquals(expected, Changelog.parse(text).byVersion());
    }
}
