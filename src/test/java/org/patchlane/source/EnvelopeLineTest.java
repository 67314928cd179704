package org.patchlane.source;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EnvelopeLineTest {
    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("From ana@example.org Tue Mar  4 10:11:13 2025\n", true, "2025-03-04T10:11:13Z"),
                Arguments.of("From ana@example.org Tue Mar  4 10:11:13 2025\r\n", true, "2025-03-04T10:11:13Z"),
                // two spaces after the sender (patchwork's bugs-spamming.mbox shape)
                Arguments.of("From vk@example.com  Tue Sep 18 03:03:49 2018\n", true, "2018-09-18T03:03:49Z"),
                Arguments.of("From x@example.net Wed Mar  5 08:00:00 2025 +0100\n", true, "2025-03-05T07:00:00Z"),
                Arguments.of("From x@example.net Wed Mar  5 08:00:00 -0500 2025\n", true, "2025-03-05T13:00:00Z"),
                Arguments.of("From x@example.net Fri, 22 Oct 2010 11:51:02 +1100\n", true, "2010-10-22T00:51:02Z"),
                Arguments.of("From uucp Sat Aug 27 23:07 2005 remote from gateway\n", true, "2005-08-27T23:07:00Z"),
                // weekday wrong for the date: tolerated, the date wins
                Arguments.of("From a Mon Aug 27 23:07:49 2005\n", true, "2005-08-27T23:07:49Z"),
                // epoch 0 (public-inbox, b4) and git format-patch's fixed date mean "no date"
                Arguments.of("From mboxrd@z Thu Jan  1 00:00:00 1970\n", true, null),
                Arguments.of("From 4f2a9c0d1e5b Mon Sep 17 00:00:00 2001\n", true, null),
                // impossible date: still an envelope, no date
                Arguments.of("From a Mon Feb 30 10:00:00 2024\n", true, null),
                Arguments.of("From the beginning, mbox should have been mboxrd\n", false, null),
                Arguments.of("From this line on the quoting is left out.\n", false, null),
                Arguments.of("From a Tue Mar  4 2025\n", false, null),
                Arguments.of("From nobody\n", false, null),
                Arguments.of("From: Ana <ana@example.org>\n", false, null),
                Arguments.of(">From a Tue Mar  4 10:11:13 2025\n", false, null));
    }

    @ParameterizedTest
    @MethodSource("lines")
    void parsesEnvelopeShapeAndDate(String line, boolean envelope, String date) {
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        EnvelopeLine parsed = EnvelopeLine.parse(b, b.length);
        assertEquals(envelope, parsed.isEnvelope(), "envelope: " + line);
        assertEquals(date == null ? null : Instant.parse(date), parsed.date(), "date: " + line);
    }
}
