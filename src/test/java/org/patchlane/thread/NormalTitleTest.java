package org.patchlane.thread;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link Posts#normalTitle} collapses whitespace as the regex it replaced did, on titles as mail has them. */
class NormalTitleTest {
    /** The regex {@link Posts#normalTitle} replaced. */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    @ParameterizedTest(name = "[{index}] <{0}>")
    @ValueSource(strings = {"", " ", "watchdog: add driver", "  Watchdog:  Add\tDriver  ", "a\r\nb", "a \u000B\f b",
            "[PATCH v2 1/3] mlx5:   fix\t\tleak", "\u00a0nbsp\u00a0inside\u00a0", "ÜNÏCÖDÉ  Title", "tab\tonly",
            "\u2003em space\u2003stays", "trailing\n"})
    void asTheRegexCollapsedIt(String title) {
        String expected = SPACES.matcher(title.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
        assertEquals(expected, Posts.normalTitle(title));
    }
}
