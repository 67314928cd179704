package org.patchlane.patch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class MarkersTest {
    static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    static final String SHA2 = "89abcdef0123456789abcdef0123456789abcdef";

    @Test
    void readsEveryKindAfterTheLastSeparator() {
        String text = """
                Cover text.

                ---
                Jane Doe (2):
                      x: one
                      x: two

                base-commit: %s
                change-id: 20241208-aux-bus-3f2a1b0c9d8e
                prerequisite-change-id: 20241101-core-helpers-0a1b2c3d4e5f:v3
                prerequisite-patch-id: %s
                prerequisite-patch-id: %S
                prerequisite-patch-id: %s
                prerequisite-message-id: <20241101-core-helpers-v3-0-abc@example.org>
                prerequisite-message-id: 20241102-other@example.org

                Best regards,
                """.formatted(SHA, SHA, SHA2, SHA);
        Markers m = Markers.parse(text);
        assertEquals(SHA, m.baseCommit());
        assertEquals("20241208-aux-bus-3f2a1b0c9d8e", m.changeId());
        assertEquals(List.of(SHA, SHA2), m.prerequisitePatchIds());
        assertEquals(List.of("20241101-core-helpers-v3-0-abc@example.org", "20241102-other@example.org"),
                m.prerequisiteMessageIds());
        assertEquals(List.of("20241101-core-helpers-0a1b2c3d4e5f:v3"), m.prerequisiteChangeIds());
    }

    /** line that must give no marker */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            > base-commit: 0123456789abcdef0123456789abcdef01234567
            >> prerequisite-patch-id: 0123456789abcdef0123456789abcdef01234567
            ' base-commit: 0123456789abcdef0123456789abcdef01234567'
            base-commit: not-a-sha
            prerequisite-patch-id: zz
            the base-commit: 0123456789abcdef0123456789abcdef01234567 line
            base-commit:
            """)
    void ignoresQuotedIndentedAndMalformedLines(String line) {
        assertSame(Markers.NONE, Markers.parse(line));
    }

    @Test
    void firstBaseCommitWins() {
        Markers m = Markers.parse("base-commit: " + SHA + "\nBASE-COMMIT: " + SHA2.toUpperCase() + "\n");
        assertEquals(SHA, m.baseCommit());
    }

    @Test
    void emptyAndNullHaveNone() {
        assertSame(Markers.NONE, Markers.parse(""));
        assertSame(Markers.NONE, Markers.parse(null));
    }
}
