package org.patchlane.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;

/**
 * lore's query language on Lucene's classic {@link QueryParser}: public-inbox prefixes ({@link Schema#prefixes()}),
 * AND as the default operator (as Xapian and lore), {@code OR}, {@code NOT}, {@code -}, phrases, parentheses,
 * wildcards, and lore's date forms after {@code d:}. Bare words search subject and body. A blank query matches
 * everything. Regular expressions ({@code /re/}) are not supported: '/' is an ordinary character, so paths and
 * Message-IDs need no quoting. Thread-safe; relative dates resolve against the injected clock.
 */
public final class QuerySyntax {
    private final Clock clock;

    public QuerySyntax(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The parsed query as Lucene prints it, for {@code --json} debugging. */
    public String explain(String query) throws QuerySyntaxException {
        return parse(query).toString();
    }

    /** Parses a query. A new parser per call: Lucene's parser is not thread-safe. */
    Query parse(String query) throws QuerySyntaxException {
        Objects.requireNonNull(query, "query");
        if (query.isBlank()) return new MatchAllDocsQuery();
        Escaped escaped = Escaped.of(query);
        try {
            return new Parser(clock).parse(escaped.text());
        } catch (ParseException e) {
            throw explainFailure(query, escaped, e);
        }
    }

    /**
     * The engine refused the query for its size, at parse time or when a search expanded it: a bad query, with the
     * limit named.
     */
    static QuerySyntaxException tooManyClauses(String query) {
        return new QuerySyntaxException("the query has more clauses than the " + IndexSearcher.getMaxClauseCount()
                + " the search engine allows (a word counts once per field it searches, " + Schema.resolve("").size()
                + " times without a prefix; a wildcard can count once per word it matches): use fewer words or a "
                + "narrower wildcard", query, -1);
    }

    private static QuerySyntaxException explainFailure(String query, Escaped escaped, ParseException wrapped) {
        Throwable cause = wrapped.getCause();
        if (cause instanceof IndexSearcher.TooManyClauses) return tooManyClauses(query);
        if (cause instanceof Problem p) {
            int at = query.indexOf(p.token);
            return new QuerySyntaxException(p.getMessage(), query, at < 0 ? -1 : at + 1);
        }
        if (cause instanceof ParseException pe && pe.currentToken != null) {
            org.apache.lucene.queryparser.classic.Token bad = pe.currentToken.next;
            // The classic parser's character stream counts columns from 0.
            int column = escaped.originalColumn(bad.beginColumn + 1);
            String what = bad.kind == QueryParserConstants.EOF ? "end of query" : "'" + bad.image + "'";
            return new QuerySyntaxException("unexpected " + what + (column > 0 ? " at column " + column : "")
                    + ": expected " + expected(pe), query, column);
        }
        if (cause instanceof TokenMgrError tme) {
            int quote = unmatchedQuote(query);
            if (quote > 0) {
                return new QuerySyntaxException("unterminated quote starting at column " + quote
                        + ": close the phrase with '\"'", query, quote);
            }
            if (query.endsWith("\\")) {
                return new QuerySyntaxException("a trailing '\\' at column " + query.length() + " escapes nothing",
                        query, query.length());
            }
            return new QuerySyntaxException("cannot read the query: " + tme.getMessage(), query, -1);
        }
        return new QuerySyntaxException("cannot parse query: " + wrapped.getMessage(), query, -1);
    }

    private static String expected(ParseException pe) {
        Set<String> parts = new LinkedHashSet<>();
        for (int[] seq : pe.expectedTokenSequences) {
            if (seq.length == 0) continue;
            switch (seq[0]) {
                case QueryParserConstants.RPAREN -> parts.add("')' to close the group");
                case QueryParserConstants.TERM, QueryParserConstants.QUOTED, QueryParserConstants.LPAREN ->
                        parts.add("a word, a \"phrase\" or '('");
                case QueryParserConstants.RANGE_TO -> parts.add("TO");
                case QueryParserConstants.RANGEIN_END, QueryParserConstants.RANGEEX_END -> parts.add("']' or '}'");
                case QueryParserConstants.RANGE_GOOP, QueryParserConstants.RANGE_QUOTED -> parts.add("a range bound");
                case QueryParserConstants.EOF -> parts.add("end of query");
                default -> { }
            }
        }
        if (parts.isEmpty()) return "something else";
        return String.join(" or ", parts);
    }

    /** 1-based column of an unclosed '"', or -1. */
    private static int unmatchedQuote(String q) {
        int open = -1;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '\\') i++;
            else if (c == '"') open = open < 0 ? i : -1;
        }
        return open < 0 ? -1 : open + 1;
    }

    /** A failure of ours inside the parser; its message is already meant for a person. */
    private static final class Problem extends ParseException {
        /** The text as typed that the message is about, to find its column. */
        final String token;

        Problem(String token, String message) {
            super(message);
            this.token = token;
        }
    }

    /**
     * The query with every '/' outside quotes escaped, so the classic parser reads paths and Message-IDs as words
     * instead of regular expressions, and a map back to the columns the user typed.
     */
    private record Escaped(String text, List<Integer> inserted) {
        static Escaped of(String q) {
            StringBuilder sb = new StringBuilder(q.length() + 8);
            List<Integer> inserted = new ArrayList<>();
            boolean quoted = false;
            for (int i = 0; i < q.length(); i++) {
                char c = q.charAt(i);
                if (c == '\\' && i + 1 < q.length()) {
                    sb.append(c).append(q.charAt(++i));
                    continue;
                }
                if (c == '"') quoted = !quoted;
                if (c == '/' && !quoted) {
                    inserted.add(sb.length());
                    sb.append('\\');
                }
                sb.append(c);
            }
            return new Escaped(sb.toString(), inserted);
        }

        int originalColumn(int column) {
            int shift = 0;
            for (int at : inserted) {
                if (at < column - 1) shift++;
            }
            return column - shift;
        }
    }

    /** The classic parser with lore's prefixes mapped onto {@link Schema} fields. */
    private static final class Parser extends QueryParser {
        private final Clock clock;

        Parser(Clock clock) {
            super("", Schema.analyzer());
            this.clock = clock;
            setDefaultOperator(QueryParser.AND_OPERATOR);
            setSplitOnWhitespace(true);
            setAutoGeneratePhraseQueries(true);
            // "ack:*" (anyone acked) is an everyday maintainer query; on body fields a leading wildcard walks every
            // term, which is slow but still correct.
            setAllowLeadingWildcard(true);
        }

        @Override
        protected Query getFieldQuery(String prefix, String text, boolean quoted) throws ParseException {
            List<Query> each = new ArrayList<>();
            for (Schema.Field f : fields(prefix)) {
                Query q = switch (f.type()) {
                    case TEXT, PATH -> super.getFieldQuery(f.name(), text, quoted);
                    case KEYWORD -> new TermQuery(new Term(f.name(), MessageDocument.bareId(text)));
                    case LOWER_KEYWORD -> new TermQuery(new Term(f.name(), known(prefix, f, text)));
                    case DATE -> date(prefix, text);
                    case INT -> IntPoint.newExactQuery(f.name(), integer(prefix, text));
                    case STORED -> throw new IllegalStateException("stored-only field has a prefix: " + f.name());
                };
                if (q != null) each.add(q);
            }
            return any(each);
        }

        @Override
        protected Query getRangeQuery(String prefix, String lo, String hi, boolean loIn, boolean hiIn)
                throws ParseException {
            List<Query> each = new ArrayList<>();
            for (Schema.Field f : fields(prefix)) {
                each.add(switch (f.type()) {
                    case DATE -> {
                        long from = isOpen(lo) ? Long.MIN_VALUE : span(prefix, lo).from();
                        long to = isOpen(hi) ? Long.MAX_VALUE : span(prefix, hi).to();
                        yield LongPoint.newRangeQuery(f.name(), loIn || from == Long.MIN_VALUE ? from : from + 1,
                                hiIn || to == Long.MAX_VALUE ? to : to - 1);
                    }
                    case INT -> {
                        int from = isOpen(lo) ? Integer.MIN_VALUE : integer(prefix, lo) + (loIn ? 0 : 1);
                        int to = isOpen(hi) ? Integer.MAX_VALUE : integer(prefix, hi) - (hiIn ? 0 : 1);
                        yield IntPoint.newRangeQuery(f.name(), from, to);
                    }
                    case KEYWORD, LOWER_KEYWORD -> TermRangeQuery.newStringRange(f.name(),
                            isOpen(lo) ? null : normal(f, lo), isOpen(hi) ? null : normal(f, hi), loIn, hiIn);
                    default -> super.getRangeQuery(f.name(), lo, hi, loIn, hiIn);
                });
            }
            return any(each);
        }

        @Override
        protected Query getPrefixQuery(String prefix, String text) throws ParseException {
            List<Query> each = new ArrayList<>();
            for (Schema.Field f : termFields(prefix, text + "*")) each.add(super.getPrefixQuery(f.name(), text));
            return any(each);
        }

        @Override
        protected Query getWildcardQuery(String prefix, String text) throws ParseException {
            List<Query> each = new ArrayList<>();
            for (Schema.Field f : termFields(prefix, text)) each.add(super.getWildcardQuery(f.name(), text));
            return any(each);
        }

        @Override
        protected Query getFuzzyQuery(String prefix, String text, float similarity) throws ParseException {
            List<Query> each = new ArrayList<>();
            for (Schema.Field f : termFields(prefix, text + "~")) {
                each.add(super.getFuzzyQuery(f.name(), text, similarity));
            }
            return any(each);
        }

        /** A query of only negations would match nothing; lore means "everything except". */
        @Override
        protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
            Query q = super.getBooleanQuery(clauses);
            if (!clauses.isEmpty() && clauses.stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT)) {
                BooleanQuery.Builder b = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
                clauses.forEach(b::add);
                return b.build();
            }
            return q;
        }

        private List<Schema.Field> fields(String prefix) throws Problem {
            List<Schema.Field> fields = Schema.resolve(prefix);
            if (fields == null) {
                throw new Problem(prefix + ":", "unknown prefix '" + prefix + ":' (known: "
                        + String.join(": ", Schema.prefixes().keySet()) + ":); quote the text to search it literally");
            }
            return fields;
        }

        /** The lower-cased value; for a closed vocabulary only one it holds, else a bad query listing them. */
        private static String known(String prefix, Schema.Field f, String text) throws Problem {
            String value = text.strip().toLowerCase(Locale.ROOT);
            List<String> values = Schema.vocabulary(f);
            if (values != null && !values.contains(value)) {
                throw new Problem(prefix + ":" + text, "unknown value '" + text + "' for " + prefix + ": (known: "
                        + String.join(", ", values) + ")");
            }
            return value;
        }

        /** Fields a wildcard or fuzzy term may search: words and keywords, not dates or numbers. */
        private List<Schema.Field> termFields(String prefix, String text) throws Problem {
            List<Schema.Field> fields = fields(prefix);
            for (Schema.Field f : fields) {
                if (f.type() == Schema.Type.DATE || f.type() == Schema.Type.INT) {
                    throw new Problem(prefix + ":" + text, "'" + text + "' after " + prefix + ": is not a "
                            + (f.type() == Schema.Type.DATE ? "date: use " + DateExpression.FORMS : "number"));
                }
            }
            return fields;
        }

        private Query date(String prefix, String text) throws Problem {
            DateExpression.Span span = span(prefix, text);
            return LongPoint.newRangeQuery(Schema.DATE.name(), span.from(), span.to());
        }

        /** A date form; in a {@code [A TO B]} range each bound is one, taken from its start or to its end. */
        private DateExpression.Span span(String prefix, String text) throws Problem {
            try {
                return DateExpression.parse(text, clock);
            } catch (IllegalArgumentException e) {
                throw new Problem(prefix + ":" + text, "bad date in " + prefix + ":" + text + ": " + e.getMessage()
                        + "; expected " + DateExpression.FORMS);
            }
        }

        private static int integer(String prefix, String text) throws Problem {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new Problem(prefix + ":" + text, "'" + text + "' after " + prefix + ": is not a whole number");
            }
        }

        private static String normal(Schema.Field f, String text) {
            return f.type() == Schema.Type.LOWER_KEYWORD ? text.toLowerCase(Locale.ROOT) : text;
        }

        private static boolean isOpen(String bound) {
            return bound == null || bound.equals("*");
        }

        private static Query any(List<Query> each) {
            if (each.isEmpty()) return null;
            if (each.size() == 1) return each.get(0);
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (Query q : each) b.add(q, BooleanClause.Occur.SHOULD);
            return b.build();
        }
    }
}
