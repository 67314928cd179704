package org.patchlane.web;

import java.util.List;

import org.patchlane.report.SeriesListJson;

/**
 * {@code /series}: the filter form, the query it composed, one page of series and how many series each state has
 * under the same filter.
 *
 * @param filter   the form's fields as submitted
 * @param query    the series query run (what the form composed, else the free query)
 * @param page     this page of series
 * @param error    why the query could not be run, or null
 * @param states   per state the form offers: the count under this filter (another state), and its link
 * @param lists    the archive's lists, for the list select
 * @param areas    area names the policy knows, suggested for the area field
 * @param prevHref the previous page, or null
 * @param nextHref the next page, or null
 */
public record SeriesListPage(SeriesFilter filter, String query, SeriesListJson page, String error,
                             List<StateCount> states, List<String> lists, List<String> areas, String prevHref,
                             String nextHref) {
    public SeriesListPage {
        states = List.copyOf(states);
        lists = List.copyOf(lists);
        areas = List.copyOf(areas);
    }

    /** A state and how many series the filter finds in it; {@code current} marks the filter's own state. */
    public record StateCount(String state, long count, String href, boolean current) {
    }

    /** A page of series; the pager's links keep the composed query. */
    static SeriesListPage of(SeriesFilter filter, SeriesListJson page, List<StateCount> states, List<String> lists,
                             List<String> areas) {
        int o = page.offset();
        String prev = o > 0 ? filter.href(Math.max(0, o - Links.PAGE)) : null;
        String next = o + page.series().size() < page.total() ? filter.href(o + Links.PAGE) : null;
        return new SeriesListPage(filter, page.query(), page, null, states, lists, areas, prev, next);
    }

    static SeriesListPage failed(SeriesFilter filter, String query, String error, List<String> lists, List<String> areas) {
        return new SeriesListPage(filter, query, new SeriesListJson(query, 0, 0, List.of()), error, List.of(), lists,
                areas, null, null);
    }

    /** The series list of a query at an offset. */
    public static String href(String query, int offset) {
        return "/series?q=" + Links.encode(query) + (offset > 0 ? "&o=" + offset : "");
    }

    /** 1-based position of the first series shown. */
    public long first() {
        return page.series().isEmpty() ? 0 : page.offset() + 1L;
    }

    /** 1-based position of the last series shown. */
    public long last() {
        return page.offset() + (long) page.series().size();
    }

    /** Why nothing was found, in words: what the filter asked for. */
    public String emptyReason() {
        if (query.isEmpty()) return "The archive holds no patch series yet.";
        return "No series match " + query + ". Remove a filter, or widen the free query.";
    }
}
