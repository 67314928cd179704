package org.patchlane.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.patchlane.review.ReviewState;

/**
 * The series list's filter form, composed into one series query, so the form is a plain GET form (no JavaScript)
 * and what it asks is shown as a query the user can read, link and edit.
 *
 * @param list   a list name, "" for any
 * @param state  a state's query name ({@code under-review}), "" for any
 * @param person a name or address: the submitter or anyone who gave a trailer, "" for anyone
 * @param area   part of an area's name, "" for any
 * @param kind   {@code infrastructure}, {@code driver}, {@code other}, "" for any
 * @param q      the free query, as typed
 */
public record SeriesFilter(String list, String state, String person, String area, String kind, String q) {
    /** The kinds the form offers, as the {@code kind:} link term names them. */
    public static final List<String> KINDS = List.of("infrastructure", "driver", "other");

    public SeriesFilter {
        list = clean(list);
        state = clean(state).toLowerCase(Locale.ROOT);
        person = clean(person);
        area = clean(area);
        kind = clean(kind).toLowerCase(Locale.ROOT);
        if (kind.equals("any")) kind = "";
        q = clean(q);
    }

    /** The filter of a request's parameters (absent ones are ""). */
    public static SeriesFilter of(Map<String, String> params) {
        return new SeriesFilter(params.get("list"), params.get("state"), params.get("person"), params.get("area"),
                params.get("kind"), params.get("q"));
    }

    /**
     * The states a series can be in, from the state enum, so a state added there shows up in the form. Their query
     * names, in the enum's order.
     */
    public static List<String> states() {
        return ReviewState.ofSeries().stream().map(ReviewState::jsonName).toList();
    }

    /**
     * The series query: each field as its prefix, joined by AND, the free query last (in parentheses when there is
     * anything else, so its OR stays inside it). Values are quoted; a {@code "} in them is dropped, since the query
     * language has no escape for it.
     */
    public String query() {
        List<String> parts = new ArrayList<>();
        if (!list.isEmpty()) parts.add("list:" + quote(list));
        if (!state.isEmpty()) parts.add("state:" + state);
        if (!person.isEmpty()) {
            String p = quote(person);
            parts.add("(f:" + p + " OR ack:" + p + " OR rb:" + p + " OR tb:" + p + " OR nak:" + p + ")");
        }
        if (!area.isEmpty()) parts.add("area:" + quote(area));
        if (!kind.isEmpty()) parts.add("kind:" + kind);
        if (!q.isEmpty()) parts.add(parts.isEmpty() ? q : "(" + q + ")");
        return String.join(" AND ", parts);
    }

    /** True when a field other than the free query is set: then the form composed the query. */
    public boolean composed() {
        return !(list + state + person + area + kind).isEmpty();
    }

    /**
     * The series list of this filter at an offset: its non-empty fields as parameters, so the form shows them again
     * (the pager and the per-state counts link this way; the composed query is linked as {@code ?q=}).
     */
    public String href(int offset) {
        StringBuilder out = new StringBuilder("/series");
        String[][] fields = {{"list", list}, {"state", state}, {"person", person}, {"area", area}, {"kind", kind}, {"q", q}};
        for (String[] f : fields) {
            if (f[1].isEmpty()) continue;
            out.append(out.indexOf("?") < 0 ? '?' : '&').append(f[0]).append('=').append(Links.encode(f[1]));
        }
        if (offset > 0) out.append(out.indexOf("?") < 0 ? '?' : '&').append("o=").append(offset);
        return out.toString();
    }

    /** This filter with another state (for the per-state counts' links). */
    public SeriesFilter withState(String s) {
        return new SeriesFilter(list, s, person, area, kind, q);
    }

    private static String quote(String v) {
        String bare = v.replace("\"", "");
        return bare.matches("[A-Za-z0-9._@+-]+") ? bare : "\"" + bare + "\"";
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
