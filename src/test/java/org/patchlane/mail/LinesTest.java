package org.patchlane.mail;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** {@link Lines#split} gives what the regex split it replaces gave, on line endings as mail has them. */
class LinesTest {
    static Stream<String> texts() {
        return Stream.of(
                "",
                "one line",
                "a\nb",
                "a\r\nb",
                "a\n",
                "a\r\n",
                "\n",
                "\r\n",
                "\n\n\n",
                "\r\n\r\n",
                "lone\rcarriage\rreturns",
                "a\r\r\nb",
                "\r",
                "\rstart",
                "end\r",
                "mixed\nendings\r\nand\n\r\nblank\r\n\r\nlines\n",
                "> quoted\n>> deeper\n\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new\n",
                "Signed-off-by: A <a@b>\r\nAcked-by: C <c@d>\r\n",
                "ünïcödé\nlines\r\n€\n");
    }

    @ParameterizedTest
    @MethodSource("texts")
    void sameAsRegexSplit(String text) {
        assertArrayEquals(text.split("\r?\n", -1), Lines.split(text), List.of(text.split("")).toString());
    }
}
