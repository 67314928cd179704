package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every query the search refuses is a bad query: exit 2 with the reason, no stack trace, for {@code search} and
 * {@code series} alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadQueryExitTest {
    private static final String MBOX = """
            From leon@example.org Tue Nov  3 10:15:00 2026
            From: Leon Romanovsky <leon@example.org>
            To: linux-rdma@vger.kernel.org
            Subject: [PATCH] RDMA/mlx5: fix the aux device lifetime
            Message-ID: <bad-query-1@example.org>
            Date: Tue, 03 Nov 2026 10:15:00 +0000

            Keep the device until the driver is gone.

            Signed-off-by: Leon Romanovsky <leon@example.org>
            """;
    private Path data;

    @BeforeAll
    void ingest(@TempDir Path dir) throws IOException {
        data = dir.resolve("data");
        Path mbox = Files.writeString(dir.resolve("one.mbox"), MBOX, StandardCharsets.UTF_8);
        CliRun r = CliRun.of("ingest", "--data", data.toString(), mbox.toString());
        assertEquals(0, r.code(), r.err());
    }

    /** {@code w0 OR w1 OR ...}: n bare words, each searching three fields. */
    private static String ors(int n) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) words.add("w" + i);
        return String.join(" OR ", words);
    }

    /** command, query, part of the message */
    static Stream<Arguments> refused() {
        String limit = "more clauses than the " + IndexSearcher.getMaxClauseCount() + " the search engine allows";
        return Stream.of(
                Arguments.of("search", "kind:banana", "unknown value 'banana' for kind: (known: patch, cover, reply, "
                        + "pull, other)"),
                Arguments.of("search", "flag:nonsense", "unknown value 'nonsense' for flag: (known: parse_error, "),
                Arguments.of("search", "check:nope", "unknown value 'nope' for check: (known: signoff, "),
                Arguments.of("series", "state:bogus", "unknown value 'bogus' for state: (known: new, under-review, "
                        + "changes-requested, accepted, applied, partly-merged, merged, rejected, rfc, deferred)"),
                Arguments.of("series", "kind:banana", "unknown value 'banana' for kind:"),
                // 900 words search 2,700 fields: refused when searching.
                Arguments.of("search", ors(900), limit),
                Arguments.of("series", ors(900), limit),
                // One boolean query of more clauses than the limit: refused while parsing.
                Arguments.of("search", ors(IndexSearcher.getMaxClauseCount() + 1), limit));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("refused")
    void exitsTwoWithTheReason(String command, String query, String message) {
        CliRun r = CliRun.of(command, "--data", data.toString(), query);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("patchlane: bad query: "), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
    }
}
