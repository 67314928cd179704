package org.patchlane.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluralTest {
    @ParameterizedTest
    @CsvSource({
            "0, message, 0 messages",
            "1, message, 1 message",
            "2, message, 2 messages",
            "1234, message, '1,234 messages'",
            "1, failed run, 1 failed run",
            "3, failed run, 3 failed runs"})
    void regular(long count, String singular, String expected) {
        assertEquals(expected, Plural.of(count, singular));
    }

    @ParameterizedTest
    @CsvSource({
            "1, patch, patches, 1 patch",
            "4, patch, patches, 4 patches",
            "1, series, series, 1 series",
            "7, series, series, 7 series",
            "1, query, queries, 1 query",
            "0, query, queries, 0 queries"})
    void irregular(long count, String singular, String plural, String expected) {
        assertEquals(expected, Plural.of(count, singular, plural));
    }
}
