package org.patchlane.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/** The plain-text digest, line by line on the fixture: columns, sections, figures, footnotes. */
class TextDigestTest {
    private static final DigestLinks LINKS = new DigestLinks("https://patchlane.example.org/");
    private static final Pattern FOOTNOTE = Pattern.compile("\\[(\\d+)] (\\S+)");
    private static final List<String> LINES = TextDigest.lines(DigestFixture.full(), LINKS);

    @Test
    void everyLineFitsEightyColumns() {
        for (String line : LINES) assertTrue(line.length() <= 80, () -> line.length() + " columns: " + line);
        assertTrue(LINES.stream().noneMatch(l -> l.endsWith(" ") && !l.equals("-- ")), "no trailing spaces");
    }

    @Test
    void sectionsComeInTheirFixedOrderAndEmptyOnesAreLeftOut() {
        List<String> order = List.of("Figures", "linux-rdma: DRIVER CORE (infrastructure)", "New series and versions",
                "Acks, reviews and tests", "Rules broken", "Waiting", "linux-rdma: MELLANOX MLX5 IB DRIVER <script>",
                "New series and versions", "Acks, reviews and tests", "NACKs", "Pull requests", "Merged and applied",
                "Waiting", "State changes", "Waiting on you", "Links", "-- ");
        int at = -1;
        List<Integer> found = new ArrayList<>();
        for (String heading : order) {
            int from = at + 1;
            int i = from;
            while (i < LINES.size() && !(LINES.get(i).equals(heading) || heading.endsWith("<script>")
                    && LINES.get(i).startsWith(heading))) i++;
            assertTrue(i < LINES.size(), () -> "heading after line " + from + ": " + heading);
            assertTrue(LINES.get(i - 1).isEmpty(), () -> "a blank line before " + heading);
            found.add(i);
            at = i;
        }
        List<String> infra = LINES.subList(found.get(1), found.get(6));
        for (String absent : List.of("NACKs", "Pull requests", "Merged and applied", "State changes"))
            assertFalse(infra.contains(absent), () -> "the infrastructure group has no " + absent);
        assertEquals("-".repeat("Waiting on you".length()), LINES.get(found.get(14) + 1), "top sections underlined");
        assertEquals("Patchlane digest: linux-rdma 2026-W47 (2026-11-16 to 2026-11-22)", LINES.get(0));
        assertEquals("=".repeat(LINES.get(0).length()), LINES.get(1));
    }

    @Test
    void figuresCompareWithLastWeekAndTheFourWeeksBefore() {
        int at = LINES.indexOf("Figures");
        assertEquals(List.of("  4 series (+3 on last week, 2/week before)",
                "  3 versions (+1 on last week, 1/week before)",
                "  12 acks (+3 on last week, 4/week before)",
                "  5 reviews (+3 on last week, 2/week before)",
                "  2 tests (+1 on last week, 1/week before)",
                "  1 NACK (+1 on last week, 0/week before)",
                "  1 pull request (same as last week, 0/week before)",
                "  2 merged (+2 on last week, 1/week before)",
                "  1d 2h to first review (-2h on last week, 21h/week before)"), LINES.subList(at + 2, at + 11));
    }

    /** Every title line ends with [n], and footnote n is that series' page. */
    @Test
    void footnotesResolveToTheSeriesTheLineNames() {
        Map<Integer, String> urls = new HashMap<>();
        for (String l : LINES) {
            Matcher m = FOOTNOTE.matcher(l);
            if (m.matches()) urls.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        assertEquals(5, urls.size(), "one footnote per series");
        Map<String, SeriesRef> byTitle = new HashMap<>();
        for (SeriesRef s : List.of(DigestFixture.AUX, DigestFixture.MLX5, DigestFixture.HNS, DigestFixture.PULL,
                DigestFixture.CORE)) byTitle.put(Phrases.series(s), s);
        int items = 0;
        for (int i = 0; i < LINES.size(); i++) {
            String l = LINES.get(i).strip();
            if (!l.startsWith("* ")) continue;
            StringBuilder title = new StringBuilder(l.substring(2));
            while (!title.toString().matches(".* \\[\\d+]")) title.append(' ').append(LINES.get(++i).strip());
            Matcher m = Pattern.compile("(.*) \\[(\\d+)]").matcher(title);
            assertTrue(m.matches());
            SeriesRef s = byTitle.get(m.group(1));
            assertTrue(s != null, () -> "a title line names a fixture series: " + title);
            assertEquals("https://patchlane.example.org/series/" + s.id(), urls.get(Integer.parseInt(m.group(2))));
            items++;
        }
        assertEquals(18, items, "every line of every section names its series");
        assertTrue(LINES.contains("    auxiliary_device_put() v3 [1]"), "the footnote ends the title's last line");
    }

    @Test
    void everyFactOfTheFixtureIsWritten() {
        String text = String.join("\n", LINES);
        for (String fact : List.of("new version v3, 4 patches, by Noa Ashkenazi <noaa@nvidia.com>",
                "- 2 of 4 patches changed", "Acked-by on patches 1/4, 2/4, 3/4", "Reviewed-by on all patches",
                "Nacked-by Jason Gunthorpe <jgg@nvidia.com> on patches 2/2", "FAIL pull-late: sent after the merge",
                "pass pull-clean:", "merged into torvalds/linux.git (v6.19-rc1), commit 0123456789ab",
                "applied to rdma for-next, commit fedcba987654", "no reply for 4 days", "new series, 1 patch, RFC",
                "under-review -> changes-requested by Leon Romanovsky <leon@kernel.org> on"))
            assertTrue(text.contains(fact), fact);
    }

    @Test
    void anEmptyDigestSaysSoInOneLine() {
        assertEquals(List.of("Nothing happened on linux-rdma in 2026-W47 (2026-11-16 to 2026-11-22)."),
                TextDigest.lines(DigestFixture.empty(), LINKS));
    }

    static Stream<Arguments> wraps() {
        String eighty = "w123456789".repeat(8);
        return Stream.of(
                Arguments.of("short", "a b c", 0, 2, List.of("a b c")),
                Arguments.of("whitespace of mail collapses", "a \t b\n\nc\r\n", 2, 4, List.of("  a b c")),
                Arguments.of("exactly eighty columns", eighty, 0, 0, List.of(eighty)),
                Arguments.of("a word longer than a line is cut", eighty + "TAIL", 0, 2, List.of(eighty, "  TAIL")),
                Arguments.of("cut at the indent", "  " + eighty, 4, 4, List.of("    " + eighty.substring(0, 76),
                        "    " + eighty.substring(76))),
                Arguments.of("hanging indent", "one two three four five six seven eight nine ten eleven twelve "
                        + "thirteen fourteen fifteen", 2, 6, List.of("  one two three four five six seven eight nine "
                        + "ten eleven twelve thirteen", "      fourteen fifteen")),
                Arguments.of("a word that just fits stays", "x".repeat(75) + " abcd", 0, 0,
                        List.of("x".repeat(75) + " abcd")),
                Arguments.of("one column too many moves it", "x".repeat(75) + " abcde", 0, 0,
                        List.of("x".repeat(75), "abcde")),
                Arguments.of("empty text", "   ", 0, 0, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wraps")
    void wrapsAtEightyColumns(String what, String text, int first, int rest, List<String> expected) {
        assertEquals(expected, TextDigest.wrapped(text, first, rest));
    }

    @Test
    void theGluedFootnoteMovesWithTheLastWord() {
        String title = "x".repeat(72) + " word";
        assertEquals(List.of("x".repeat(72), "  word [1]"), TextDigest.wrapped(title + "\u00a0[1]", 0, 2));
        assertFalse(TextDigest.wrapped("a b", 0, 0).get(0).contains("\u00a0"));
    }
}
