package org.patchlane.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchlane.patch.Interdiff.LineKind;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InterdiffsTest {
    /** A patch mail's text: commit message, sign-off, "---", diffstat-less diff, signature. */
    static String patch(String message, String diff) {
        return message + "\n\nSigned-off-by: Ada Lovelace <ada@example.org>\n---\n" + diff + "-- \n2.47.0\n";
    }

    static final String MSG = "watchdog: foo: stop the timer on shutdown\n\nThe timer keeps running after reboot.";

    static String wdt(int at, String... changed) {
        StringBuilder d = new StringBuilder("diff --git a/drivers/watchdog/foo_wdt.c b/drivers/watchdog/foo_wdt.c\n"
                + "index 3b18e2a..7c41d0f 100644\n--- a/drivers/watchdog/foo_wdt.c\n+++ b/drivers/watchdog/foo_wdt.c\n");
        d.append("@@ -").append(at).append(",6 +").append(at).append(",").append(6 + changed.length - 1)
                .append(" @@ static int foo_stop(struct watchdog_device *wdd)\n");
        d.append(" \tstruct foo_wdt *wdt = watchdog_get_drvdata(wdd);\n \n");
        d.append("-\twritel(0, wdt->base + FOO_CTRL);\n");
        for (String c : changed) d.append("+").append(c).append('\n');
        d.append(" \treturn 0;\n }\n \n");
        return d.toString();
    }

    static final String KCONFIG = """
            diff --git a/drivers/watchdog/Kconfig b/drivers/watchdog/Kconfig
            index 11aa22b..33cc44d 100644
            --- a/drivers/watchdog/Kconfig
            +++ b/drivers/watchdog/Kconfig
            @@ -120,3 +120,4 @@ config FOO_WATCHDOG
             \tdepends on HAS_IOMEM
             \tselect WATCHDOG_CORE
            +\tselect FOO_TIMER
             \thelp
            """;

    static final String NEW_FILE_V1 = """
            diff --git a/drivers/watchdog/foo_regs.h b/drivers/watchdog/foo_regs.h
            new file mode 100644
            index 0000000..5d1c2a3
            --- /dev/null
            +++ b/drivers/watchdog/foo_regs.h
            @@ -0,0 +1,4 @@
            +#ifndef FOO_REGS_H
            +#define FOO_CTRL 0x00
            +#define FOO_LOAD 0x04
            +#endif
            """;

    static final String NEW_FILE_V2 = NEW_FILE_V1.replace("index 0000000..5d1c2a3", "index 0000000..9e8f7a6")
            .replace("+#define FOO_LOAD 0x04", "+#define FOO_LOAD 0x08");

    static final String BINARY_V1 = """
            diff --git a/firmware/foo.bin b/firmware/foo.bin
            index 1f2e3d4..5a6b7c8 100644
            Binary files a/firmware/foo.bin and b/firmware/foo.bin differ
            """;

    static final String RENAME = """
            diff --git a/drivers/watchdog/foo.c b/drivers/watchdog/foo_wdt.c
            similarity index 100%
            rename from drivers/watchdog/foo.c
            rename to drivers/watchdog/foo_wdt.c
            """;

    /** Same function, other lines: the base changed under the diff (a rebase), so the old texts disagree. */
    static final String REBASED = wdt(40, "\twritel(FOO_STOP, wdt->base + FOO_CTRL);")
            .replace(" \tstruct foo_wdt *wdt = watchdog_get_drvdata(wdd);", " \tstruct foo_wdt *wdt = to_foo_wdt(wdd);");

    /** A hunk far from the other version's: nothing in common to rebuild the new text over. */
    static final String ELSEWHERE = """
            diff --git a/drivers/watchdog/foo_wdt.c b/drivers/watchdog/foo_wdt.c
            index 3b18e2a..7c41d0f 100644
            --- a/drivers/watchdog/foo_wdt.c
            +++ b/drivers/watchdog/foo_wdt.c
            @@ -300,3 +300,3 @@ static int foo_probe(struct platform_device *pdev)
             \twdt->wdd.timeout = 30;
            -\twdt->wdd.min_timeout = 1;
            +\twdt->wdd.min_timeout = 2;
             \treturn devm_watchdog_register_device(dev, &wdt->wdd);
            """;

    /** case | older text | newer text | expected summary (see {@link #summary}). */
    static Stream<Arguments> cases() {
        String stop = "\twritel(FOO_STOP, wdt->base + FOO_CTRL);";
        return Stream.of(
                Arguments.of("identical", patch(MSG, wdt(40, stop)), patch(MSG, wdt(40, stop)),
                        "NONE | drivers/watchdog/foo_wdt.c UNCHANGED POST_IMAGE"),
                Arguments.of("one added line changed", patch(MSG, wdt(40, stop)),
                        patch(MSG, wdt(40, "\twritel(FOO_STOP | FOO_CLR, wdt->base + FOO_CTRL);")),
                        "CODE | drivers/watchdog/foo_wdt.c CHANGED POST_IMAGE @@ -40,6 +40,6 "
                                + "-\twritel(FOO_STOP, wdt->base + FOO_CTRL); +\twritel(FOO_STOP | FOO_CLR, wdt->base + FOO_CTRL);"),
                Arguments.of("line added to a hunk", patch(MSG, wdt(40, stop)),
                        patch(MSG, wdt(40, stop, "\treadl(wdt->base + FOO_CTRL);")),
                        "CODE | drivers/watchdog/foo_wdt.c CHANGED POST_IMAGE @@ -40,6 +40,7 +\treadl(wdt->base + FOO_CTRL);"),
                Arguments.of("hunk moved by an offset only", patch(MSG, wdt(40, stop)), patch(MSG, wdt(57, stop)),
                        "NONE | drivers/watchdog/foo_wdt.c UNCHANGED POST_IMAGE"),
                Arguments.of("moved and changed", patch(MSG, wdt(40, stop)), patch(MSG, wdt(57, "\twritel(1, wdt->base);")),
                        "CODE | drivers/watchdog/foo_wdt.c CHANGED POST_IMAGE @@ -40,6 +57,6 "
                                + "-\twritel(FOO_STOP, wdt->base + FOO_CTRL); +\twritel(1, wdt->base);"),
                Arguments.of("commit message only", patch(MSG, wdt(40, stop)),
                        patch(MSG.replace("after reboot.", "after a reboot and resets the board."), wdt(40, stop)),
                        "MESSAGE | drivers/watchdog/foo_wdt.c UNCHANGED POST_IMAGE | message -The timer keeps running after reboot. "
                                + "+The timer keeps running after a reboot and resets the board."),
                Arguments.of("collected trailers are no change", patch(MSG, wdt(40, stop)),
                        patch(MSG + "\n\nReviewed-by: Guenter Roeck <linux@roeck-us.net>\nAcked-by: Wim <wim@linux-watchdog.org>",
                                wdt(40, stop)),
                        "NONE | drivers/watchdog/foo_wdt.c UNCHANGED POST_IMAGE"),
                Arguments.of("file added in v2", patch(MSG, wdt(40, stop)), patch(MSG, wdt(40, stop) + KCONFIG),
                        "CODE | drivers/watchdog/foo_wdt.c UNCHANGED POST_IMAGE | drivers/watchdog/Kconfig ADDED DIFF_TEXT @@ -0,0 +1,5 "
                                + "+@@ config FOO_WATCHDOG +\u0020\tdepends on HAS_IOMEM +\u0020\tselect WATCHDOG_CORE +\u002b\tselect FOO_TIMER +\u0020\thelp"),
                Arguments.of("file dropped in v2", patch(MSG, KCONFIG + wdt(40, stop)), patch(MSG, wdt(40, stop)),
                        "CODE | drivers/watchdog/foo_wdt.c UNCHANGED POST_IMAGE | drivers/watchdog/Kconfig DROPPED DIFF_TEXT @@ -1,5 +0,0 "
                                + "-@@ config FOO_WATCHDOG -\u0020\tdepends on HAS_IOMEM -\u0020\tselect WATCHDOG_CORE -\u002b\tselect FOO_TIMER -\u0020\thelp"),
                Arguments.of("new file's content changed", patch(MSG, NEW_FILE_V1), patch(MSG, NEW_FILE_V2),
                        "CODE | drivers/watchdog/foo_regs.h CHANGED POST_IMAGE @@ -1,4 +1,4 "
                                + "-#define FOO_LOAD 0x04 +#define FOO_LOAD 0x08"),
                Arguments.of("rebased: old text disagrees", patch(MSG, wdt(40, stop)), patch(MSG, REBASED),
                        "CODE | drivers/watchdog/foo_wdt.c CHANGED DIFF_TEXT @@ -1,5 +1,5 "
                                + "-\u0020\tstruct foo_wdt *wdt = watchdog_get_drvdata(wdd); +\u0020\tstruct foo_wdt *wdt = to_foo_wdt(wdd);"),
                Arguments.of("hunks in different regions", patch(MSG, wdt(40, stop)), patch(MSG, ELSEWHERE),
                        "CODE | drivers/watchdog/foo_wdt.c CHANGED DIFF_TEXT @@ -1,8 +1,5 "
                                + "-@@ static int foo_stop(struct watchdog_device *wdd) -\u0020\tstruct foo_wdt *wdt = watchdog_get_drvdata(wdd); "
                                + "-\u0020 --\twritel(0, wdt->base + FOO_CTRL); -+\twritel(FOO_STOP, wdt->base + FOO_CTRL); "
                                + "-\u0020\treturn 0; -\u0020} -\u0020 "
                                + "+@@ static int foo_probe(struct platform_device *pdev) +\u0020\twdt->wdd.timeout = 30; "
                                + "+-\twdt->wdd.min_timeout = 1; ++\twdt->wdd.min_timeout = 2; "
                                + "+\u0020\treturn devm_watchdog_register_device(dev, &wdt->wdd);"),
                Arguments.of("second hunk added elsewhere, first kept", patch(MSG, wdt(40, stop)),
                        patch(MSG, wdt(40, stop) + ELSEWHERE.substring(ELSEWHERE.indexOf("@@"))),
                        "CODE | drivers/watchdog/foo_wdt.c CHANGED POST_IMAGE @@ -300,3 +300,3 "
                                + "-\twdt->wdd.min_timeout = 1; +\twdt->wdd.min_timeout = 2;"),
                Arguments.of("plain diff -u of two trees in v2", patch(MSG, wdt(40, stop)),
                        patch(MSG, wdt(40, stop).replace("a/drivers/watchdog/foo_wdt.c", "linux-6.17/drivers/watchdog/foo_wdt.c.orig")
                                .replace("b/drivers/watchdog/foo_wdt.c", "linux-6.17/drivers/watchdog/foo_wdt.c")
                                .replaceFirst("diff --git [^\n]*\nindex [^\n]*\n", "")),
                        "NONE | linux-6.17/drivers/watchdog/foo_wdt.c UNCHANGED POST_IMAGE"),
                Arguments.of("binary unchanged", patch(MSG, BINARY_V1), patch(MSG, BINARY_V1),
                        "NONE | firmware/foo.bin UNCHANGED BINARY"),
                Arguments.of("binary changed", patch(MSG, BINARY_V1), patch(MSG, BINARY_V1.replace("5a6b7c8", "9d0e1f2")),
                        "CODE | firmware/foo.bin CHANGED BINARY (binary contents differ)"),
                Arguments.of("same rename", patch(MSG, RENAME), patch(MSG, RENAME),
                        "NONE | drivers/watchdog/foo_wdt.c UNCHANGED DIFF_TEXT"),
                Arguments.of("renamed in v1, modified under its new name in v2", patch(MSG, RENAME),
                        patch(MSG, wdt(40, stop)),
                        "CODE | drivers/watchdog/foo_wdt.c CHANGED DIFF_TEXT (older version renames drivers/watchdog/foo.c to "
                                + "drivers/watchdog/foo_wdt.c; newer version modifies drivers/watchdog/foo_wdt.c) @@ -1,4 +1,8 "
                                + "-diff --git a/drivers/watchdog/foo.c b/drivers/watchdog/foo_wdt.c "
                                + "-similarity index 100% -rename from drivers/watchdog/foo.c -rename to drivers/watchdog/foo_wdt.c "
                                + "+@@ static int foo_stop(struct watchdog_device *wdd) +\u0020\tstruct foo_wdt *wdt = watchdog_get_drvdata(wdd); "
                                + "+\u0020 +-\twritel(0, wdt->base + FOO_CTRL); ++\twritel(FOO_STOP, wdt->base + FOO_CTRL); "
                                + "+\u0020\treturn 0; +\u0020} +\u0020"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void interdiff(String name, String older, String newer, String expected) {
        assertEquals(expected, summary(Interdiffs.between(older, newer)));
    }

    /**
     * "SCOPE | path CHANGE METHOD (note) @@ -a,b +c,d ±line ... | message ±line ...": changed lines only (context
     * lines left out, so a case states what changed, not git's context rules).
     */
    static String summary(Interdiff d) {
        List<String> parts = new ArrayList<>();
        parts.add(d.scope().name());
        for (Interdiff.FileChange f : d.files()) {
            StringBuilder s = new StringBuilder(f.path() + " " + f.change() + " " + f.method());
            if (f.note() != null) s.append(" (").append(f.note()).append(")");
            for (Interdiff.Region r : f.hunks()) s.append(region(r));
            parts.add(s.toString());
        }
        if (!d.message().isEmpty()) {
            StringBuilder s = new StringBuilder("message");
            for (Interdiff.Region r : d.message()) s.append(changed(r));
            parts.add(s.toString());
        }
        return String.join(" | ", parts);
    }

    private static String region(Interdiff.Region r) {
        return " @@ -" + r.fromLine() + "," + r.fromCount() + " +" + r.toLine() + "," + r.toCount() + changed(r);
    }

    private static String changed(Interdiff.Region r) {
        StringBuilder s = new StringBuilder();
        for (Interdiff.Line l : r.lines()) {
            if (l.kind() != LineKind.CONTEXT) s.append(' ').append(l.kind() == LineKind.ADDED ? '+' : '-').append(l.text());
        }
        return s.toString();
    }

    @Test
    void contextAroundAChangeIsThreeLinesAndCountsAddUp() {
        Interdiff d = Interdiffs.between(patch(MSG, wdt(40, "\twritel(FOO_STOP, wdt->base + FOO_CTRL);")),
                patch(MSG, wdt(40, "\twritel(1, wdt->base);")));
        Interdiff.Region r = d.files().get(0).hunks().get(0);
        assertEquals(List.of(LineKind.CONTEXT, LineKind.CONTEXT, LineKind.REMOVED, LineKind.ADDED, LineKind.CONTEXT,
                LineKind.CONTEXT, LineKind.CONTEXT), r.lines().stream().map(Interdiff.Line::kind).toList());
        assertEquals(40, r.fromLine());
        assertEquals(6, r.fromCount());
        assertEquals(6, r.toCount());
    }
}
