package org.patchlane.mail;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A quick microbenchmark: prints the mean parse time of a typical 3 KB plain-text patch mail (ingest needs
 * 5,000 messages/s end to end on 2 cores, so parsing must stay well under 100 µs). Prints only: timings on a
 * shared machine are no test.
 */
class MailParserBench {
    static byte[] patchMail() {
        StringBuilder sb = new StringBuilder(new String(MailParserTest.fixture("plain"), StandardCharsets.UTF_8));
        for (int i = 0; sb.length() < 3000; i++) {
            sb.append("-\told_line_").append(i).append(" = widget_get(w, ").append(i).append(");\n")
                    .append("+\tnew_line_").append(i).append(" = widget_get_safe(w, ").append(i).append(");\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void printsParseTime() {
        time("plain-text patch", patchMail(), "20250304091500.1234-1-ada@example.org");
        time("nested multipart", MailParserTest.fixture("nested"), "nest-1@example.org");
        time("multipart/alternative", MailParserTest.fixture("alternative"), "alt-1@example.org");
        time("truncated multipart", MailParserTest.fixture("truncated-multipart"), "trunc-1@example.org");
    }

    private static void time(String what, byte[] raw, String expectedId) {
        int warmup = 20_000;
        int runs = 50_000;
        long chars = 0;
        for (int i = 0; i < warmup; i++) chars += MailParser.parse(raw, null, false).body().text().length();
        long t0 = System.nanoTime();
        for (int i = 0; i < runs; i++) chars += MailParser.parse(raw, null, false).body().text().length();
        long ns = (System.nanoTime() - t0) / runs;
        System.out.printf("MailParser, %s: %d bytes in %.1f µs (%d msgs/s on one core; %d chars decoded)%n", what,
                raw.length, ns / 1000.0, 1_000_000_000L / Math.max(1, ns), chars);
        assertEquals(expectedId, MailParser.parse(raw, null, false).messageId());
    }
}
