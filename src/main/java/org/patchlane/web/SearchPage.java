package org.patchlane.web;

import java.util.List;

import org.patchlane.store.QuerySyntaxException;
import org.patchlane.store.SearchResult;

/**
 * The search results page.
 *
 * @param query       the query as typed ("" for none)
 * @param list        the list the lore-style URL restricts to, "" for all
 * @param total       matches in all pages
 * @param offset      index of the first hit shown
 * @param hits        this page, newest first
 * @param prevHref    link to the previous page, or null on the first
 * @param nextHref    link to the next page, or null on the last
 * @param error       why the query could not be read, or null
 * @param errorColumn 1-based column of the bad token, or -1
 */
public record SearchPage(String query, String list, long total, int offset, List<HitView> hits, String prevHref,
                         String nextHref, String error, int errorColumn) {
    public SearchPage {
        hits = List.copyOf(hits);
    }

    static SearchPage of(String query, String list, SearchResult r, String baseHref) {
        int o = r.offset();
        String prev = o > 0 ? page(baseHref, query, Math.max(0, o - Links.PAGE)) : null;
        String next = o + r.hits().size() < r.total() ? page(baseHref, query, o + Links.PAGE) : null;
        return new SearchPage(query, list, r.total(), o, r.hits().stream().map(HitView::of).toList(), prev, next,
                null, -1);
    }

    static SearchPage failed(String query, String list, QuerySyntaxException e) {
        return new SearchPage(query, list, 0, 0, List.of(), null, null, e.getMessage(), e.column());
    }

    /** The query with a caret under the bad column, for a monospace block; "" when the column is unknown. */
    public String caret() {
        return errorColumn < 1 ? "" : query + "\n" + " ".repeat(errorColumn - 1) + "^";
    }

    /** 1-based position of the last hit shown. */
    public int last() {
        return offset + hits.size();
    }

    private static String page(String baseHref, String query, int offset) {
        return baseHref + "?q=" + Links.encode(query) + (offset > 0 ? "&o=" + offset : "");
    }
}
