package org.patchlane.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.patchlane.mail.MailFlag;
import org.patchlane.patch.MessageKind;
import org.patchlane.patch.PatchCheck;
import org.patchlane.review.ReviewState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How queries parse (explain) and how bad ones are reported. Matching itself is in {@link SearchTest}. */
class QuerySyntaxTest {
    private final QuerySyntax syntax = new QuerySyntax(Fixture.CLOCK);

    private static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    static Stream<Arguments> parsed() {
        return Stream.of(
                Arguments.of("foo bar", "+(s:foo nq:foo q:foo) +(s:bar nq:bar q:bar)"),
                Arguments.of("foo OR bar", "(s:foo nq:foo q:foo) (s:bar nq:bar q:bar)"),
                Arguments.of("foo -bar", "+(s:foo nq:foo q:foo) -(s:bar nq:bar q:bar)"),
                Arguments.of("NOT kind:patch", "+*:* -kind:patch"),
                Arguments.of("", "*:*"),
                Arguments.of("s:\"title words\"", "s:\"title words\""),
                Arguments.of("bs:Leak", "s:leak nq:leak q:leak"),
                Arguments.of("tc:jgg", "t:jgg c:jgg"),
                Arguments.of("a:leon", "f:leon t:leon c:leon"),
                Arguments.of("f:addr@example.org", "f:\"addr example.org\""),
                Arguments.of("m:<a/b@c>", "m:a/b@c"),
                Arguments.of("m:\"CA+x=y/z:w@mail.gmail.com\"", "m:CA+x=y/z:w@mail.gmail.com"),
                Arguments.of("dfn:drivers/net/foo.c", "dfn:\"drivers net foo.c\""),
                Arguments.of("kind:PATCH", "kind:patch"),
                Arguments.of("flag:Duplicate_ID", "flag:duplicate_id"),
                Arguments.of("patchid:ABC", "patchid:abc"),
                Arguments.of("changeid:20261102-Foo", "changeid:20261102-Foo"),
                Arguments.of("v:3", "v:[3 TO 3]"),
                Arguments.of("list:linux-rdma", "list:linux-rdma"),
                Arguments.of("sob:leon nak:greg", "+sob:leon +nak:greg"),
                Arguments.of("s:frob*", "s:frob*"),
                Arguments.of("nq:\"change-id: 20261102-foo-abc123\"", "nq:\"change id 20261102 foo abc123\""),
                Arguments.of("(s:\"title words\" AND f:\"addr@example.org\") AND d:20261102..",
                        "+(+s:\"title words\" +f:\"addr example.org\") +d:[" + ms("2026-11-02T00:00:00Z")
                                + " TO 9223372036854775807]"),
                Arguments.of("d:20261102", "d:[" + ms("2026-11-02T00:00:00Z") + " TO "
                        + (ms("2026-11-03T00:00:00Z") - 1) + "]"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("parsed")
    void explains(String query, String expected) throws Exception {
        assertEquals(expected, syntax.explain(query));
    }

    /** Each date form against the fixed clock (2026-11-15T12:00Z, UTC): query -> [from, to] inclusive. */
    static Stream<Arguments> dates() {
        long day = 86_400_000L;
        long now = ms("2026-11-15T12:00:00Z");
        long today = ms("2026-11-15T00:00:00Z");
        return Stream.of(
                Arguments.of("20261102", ms("2026-11-02T00:00:00Z"), ms("2026-11-03T00:00:00Z") - 1),
                Arguments.of("2026-11-02", ms("2026-11-02T00:00:00Z"), ms("2026-11-03T00:00:00Z") - 1),
                Arguments.of("20261102..", ms("2026-11-02T00:00:00Z"), Long.MAX_VALUE),
                Arguments.of("..20261109", Long.MIN_VALUE, ms("2026-11-10T00:00:00Z") - 1),
                Arguments.of("2026-11-02..2026-11-09", ms("2026-11-02T00:00:00Z"), ms("2026-11-10T00:00:00Z") - 1),
                Arguments.of("20261102153000", ms("2026-11-02T15:30:00Z"), ms("2026-11-02T15:30:00Z") + 999),
                Arguments.of("2.weeks.ago..", now - 14 * day, Long.MAX_VALUE),
                Arguments.of("3.days.ago..yesterday", now - 3 * day, today - 1),
                Arguments.of("1.day.ago..", now - day, Long.MAX_VALUE),
                Arguments.of("6.hours.ago..now", now - 6 * 3_600_000L, now),
                Arguments.of("30.minutes.ago..", now - 1_800_000L, Long.MAX_VALUE),
                Arguments.of("90.seconds.ago..", now - 90_000L, Long.MAX_VALUE),
                Arguments.of("2.months.ago..", ms("2026-09-15T12:00:00Z"), Long.MAX_VALUE),
                Arguments.of("1.year.ago..", ms("2025-11-15T12:00:00Z"), Long.MAX_VALUE),
                Arguments.of("last.week..", now - 7 * day, Long.MAX_VALUE),
                Arguments.of("last.month..", ms("2026-10-15T12:00:00Z"), Long.MAX_VALUE),
                Arguments.of("yesterday", today - day, today - 1),
                Arguments.of("today", today, today + day - 1),
                Arguments.of("2.days.ago", today - 2 * day, today - day - 1));
    }

    @ParameterizedTest(name = "[{index}] d:{0}")
    @MethodSource("dates")
    void resolvesDates(String form, long from, long to) throws Exception {
        assertEquals("d:[" + from + " TO " + to + "]", syntax.explain("d:" + form));
        assertEquals(syntax.explain("d:" + form), syntax.explain("dt:" + form).replace("dt:", "d:"));
    }

    @Test
    void datesFollowTheClockZone() throws Exception {
        QuerySyntax paris = new QuerySyntax(Fixture.CLOCK.withZone(java.time.ZoneId.of("Europe/Paris")));
        assertEquals("d:[" + ms("2026-11-01T23:00:00Z") + " TO " + (ms("2026-11-02T23:00:00Z") - 1) + "]",
                paris.explain("d:20261102"));
    }

    /** query -> (part of the message, column). */
    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("s:(foo", "unexpected end of query at column 7: expected", 7),
                Arguments.of("s:(foo", "')' to close the group", 7),
                Arguments.of("foo)", "unexpected ')' at column 4", 4),
                Arguments.of("foo AND", "unexpected end of query at column 8: expected a word, a \"phrase\" or '('", 8),
                Arguments.of("a/b)", "unexpected ')' at column 4", 4),
                Arguments.of("s:[a TO", "expected TO or a range bound", 8),
                Arguments.of("\"unterminated", "unterminated quote starting at column 1", 1),
                Arguments.of("s:ok \"open", "unterminated quote starting at column 6", 6),
                Arguments.of("foo\\", "a trailing '\\' at column 4 escapes nothing", 4),
                Arguments.of("foo zz:bar", "unknown prefix 'zz:' (known: m: s: f:", 5),
                Arguments.of("d:yesterdayish", "bad date in d:yesterdayish: 'yesterdayish' is not a date; expected "
                        + "YYYYMMDD", 1),
                Arguments.of("d:2.fortnights.ago..", "unknown time unit 'fortnight'", 1),
                Arguments.of("x d:20261340", "'20261340' is not a valid calendar date", 3),
                Arguments.of("d:..", "'..' needs a date on at least one side", 1),
                Arguments.of("v:two", "'two' after v: is not a whole number", 1),
                Arguments.of("d:2026*", "'2026*' after d: is not a date", 1),
                Arguments.of("v:3~", "'3~' after v: is not a number", 1),
                Arguments.of("kind:banana", "unknown value 'banana' for kind: (known: patch, cover, reply, pull, other)",
                        1),
                Arguments.of("s:x AND kind:Banana", "unknown value 'Banana' for kind:", 9),
                Arguments.of("kind:\"banana\"", "unknown value 'banana' for kind:", -1),
                Arguments.of("flag:nonsense", "unknown value 'nonsense' for flag: (known: parse_error, charset, "
                        + "no_message_id, truncated, duplicate_id, bad_date, html_only)", 1),
                Arguments.of("NOT flag:nonsense", "unknown value 'nonsense' for flag:", 5),
                Arguments.of("check:nope", "unknown value 'nope' for check: (known: signoff, signoff-author, "
                        + "signoff-codev, signoff-order, fixes)", 1),
                Arguments.of("state:bogus", "unknown value 'bogus' for state: (known: new, under-review, "
                        + "changes-requested, accepted, applied, partly-merged, merged, rejected, rfc, deferred)", 1),
                Arguments.of("(kind:patch OR kind:pach)", "unknown value 'pach' for kind:", 16));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("bad")
    void reportsBadQueries(String query, String message, int column) {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> syntax.explain(query));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertEquals(query, e.query());
    }

    /** Every value the indexing enums write is a value the closed-vocabulary prefixes accept. */
    static Stream<String> knownValues() {
        Stream.Builder<String> b = Stream.builder();
        for (MessageKind k : MessageKind.values()) b.add("kind:" + k.jsonName());
        for (MailFlag f : MailFlag.values()) b.add("flag:" + f.jsonName().toUpperCase(java.util.Locale.ROOT));
        for (PatchCheck c : PatchCheck.values()) b.add("check:" + c.id()).add("check:" + c.family());
        for (ReviewState st : ReviewState.ofSeries()) b.add("state:" + st.jsonName());
        return b.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownValues")
    void acceptsEveryValueOfAClosedVocabulary(String query) throws Exception {
        assertEquals(query.toLowerCase(java.util.Locale.ROOT), syntax.explain(query));
    }

    @Test
    void aSupersededSeriesIsNotAStateASeriesHas() {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> syntax.explain("state:superseded"));
        assertTrue(e.getMessage().contains("unknown value 'superseded' for state:"), e.getMessage());
    }

    @Test
    void wildcardsOnAClosedVocabularyAreStillAllowed() throws Exception {
        assertEquals("check:signoff*", syntax.explain("check:signoff*"));
    }

    /** More clauses in one boolean query than the engine allows are refused while parsing, as a bad query. */
    @Test
    void tooManyClausesWhileParsingNamesTheLimit() {
        String q = SearcherTest.ors("s:", org.apache.lucene.search.IndexSearcher.getMaxClauseCount() + 1);
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> syntax.explain(q));
        assertTrue(e.getMessage().startsWith("the query has more clauses than the "
                + org.apache.lucene.search.IndexSearcher.getMaxClauseCount() + " the search engine allows"),
                e.getMessage());
        assertEquals(-1, e.column());
    }

    @Test
    void everyPrefixIsDocumented() {
        for (String p : new String[] {"s", "f", "t", "c", "tc", "a", "b", "bs", "nq", "q", "m", "d", "dt", "dfn", "dfa",
                "dfb", "dfhh", "patchid", "kind", "v", "list", "sob", "ack", "rb", "tb", "nak", "flag", "changeid"}) {
            assertTrue(Schema.prefixes().containsKey(p), p);
        }
    }
}
