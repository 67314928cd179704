package org.patchlane.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.patchlane.patch.MessageKind;
import org.patchlane.store.QuerySyntaxException;

/**
 * A series query term the link stage answers rather than the index: {@code area:NAME}, {@code kind:infrastructure}
 * (or {@code driver}, {@code other}), {@code missing:ack}, {@code missing:user}, {@code check:together-fail}
 * ({@code exports-fail}, {@code acks-fail}, {@code prerequisite-fail}) and {@code uses:SERIES}, each negatable with
 * {@code -} or {@code NOT}. They combine with the rest of a query by AND only: {@link #split} refuses them beside a
 * top-level OR, since the rest runs in the index and these are applied to its hits.
 *
 * @param prefix  the prefix
 * @param value   its value, quotes removed
 * @param negated true for {@code -term} or {@code NOT term}
 */
public record LinkTerm(Prefix prefix, String value, boolean negated) {
    /** The prefixes, with their closed vocabularies (empty: any value). */
    public enum Prefix {
        AREA("area", List.of()),
        KIND("kind", List.of("infrastructure", "driver", "other")),
        MISSING("missing", List.of("ack", "user")),
        CHECK("check", List.of("together-fail", "exports-fail", "acks-fail", "prerequisite-fail")),
        USES("uses", List.of());

        private final String name;
        private final List<String> values;

        Prefix(String name, List<String> values) {
            this.name = name;
            this.values = values;
        }

    }

    private static final List<String> MESSAGE_KINDS =
            java.util.Arrays.stream(MessageKind.values()).map(MessageKind::jsonName).toList();

    /**
     * A query with its link terms taken out.
     *
     * @param rest  what the index answers ({@code ""}: every series)
     * @param terms the link terms, in query order
     */
    public record Split(String rest, List<LinkTerm> terms) {
        public Split {
            terms = List.copyOf(terms);
        }
    }

    /**
     * Takes the top-level link terms out of a query. {@code kind:} and {@code check:} values the index knows
     * ({@code kind:patch}, {@code check:signoff}) stay in the rest.
     *
     * @throws QuerySyntaxException for a link term beside a top-level OR, or an unknown value of a closed prefix
     */
    public static Split split(String query) throws QuerySyntaxException {
        String q = query == null ? "" : query;
        List<String> tokens = tokens(q);
        List<LinkTerm> terms = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        boolean or = false;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("OR")) or = true;
            boolean not = t.equals("NOT") && i + 1 < tokens.size() && term(tokens.get(i + 1), false, q) != null;
            LinkTerm term = not ? term(tokens.get(++i), true, q) : term(t, false, q);
            if (term == null) {
                rest.add(t);
                continue;
            }
            terms.add(term);
            if (!rest.isEmpty() && rest.get(rest.size() - 1).equals("AND")) rest.remove(rest.size() - 1);
            else if (i + 1 < tokens.size() && tokens.get(i + 1).equals("AND")) i++;
        }
        if (or && !terms.isEmpty()) {
            throw new QuerySyntaxException("area:, kind:infrastructure|driver|other, missing:, check:*-fail and uses: "
                    + "combine with the rest of a query by AND only", q, 0);
        }
        return new Split(String.join(" ", rest), terms);
    }

    /** The link term a token is, or null when the index answers it. */
    private static LinkTerm term(String token, boolean not, String query) throws QuerySyntaxException {
        boolean negated = not;
        String t = token;
        if (t.startsWith("-")) {
            negated = true;
            t = t.substring(1);
        }
        int colon = t.indexOf(':');
        if (colon <= 0) return null;
        String name = t.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = unquote(t.substring(colon + 1));
        for (Prefix p : Prefix.values()) {
            if (!p.name.equals(name)) continue;
            boolean closed = !p.values.isEmpty();
            String v = value.toLowerCase(Locale.ROOT);
            // kind:patch and check:signoff are the index's own.
            if (p == Prefix.KIND && !p.values.contains(v)) {
                if (MESSAGE_KINDS.contains(v)) return null;
                throw new QuerySyntaxException("unknown value '" + value + "' for kind: (known: "
                        + String.join(", ", p.values) + " for series; " + String.join(", ", MESSAGE_KINDS)
                        + " for messages)", query, Math.max(0, query.indexOf(token)));
            }
            if (p == Prefix.CHECK && !v.endsWith("-fail")) return null;
            if (closed && !p.values.contains(v)) {
                throw new QuerySyntaxException("unknown value '" + value + "' for " + p.name + ": (known: "
                        + String.join(", ", p.values) + ")", query, Math.max(0, query.indexOf(token)));
            }
            if (value.isEmpty()) {
                throw new QuerySyntaxException(p.name + ": needs a value", query, Math.max(0, query.indexOf(token)));
            }
            return new LinkTerm(p, closed ? value.toLowerCase(Locale.ROOT) : value, negated);
        }
        return null;
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** Top-level tokens: split on blanks outside quotes and parentheses; a group or phrase stays one token. */
    static List<String> tokens(String q) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')') depth = Math.max(0, depth - 1);
            if (Character.isWhitespace(c) && !quoted && depth == 0) {
                if (cur.length() > 0) out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }
}
