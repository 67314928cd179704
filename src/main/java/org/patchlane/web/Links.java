package org.patchlane.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The site's URLs, built in one place so lore-compatible paths and percent-encoding stay consistent. */
public final class Links {
    /** Page size of the search results (lore's is 200; 50 keeps pages light). */
    public static final int PAGE = 50;

    private Links() {
    }

    /** {@code /{list}/{msgid}/}; an empty list name becomes {@code all}. */
    public static String message(String list, String messageId) {
        return "/" + listOrAll(list) + "/" + encode(messageId) + "/";
    }

    /** {@code /{list}/{msgid}/raw}. */
    public static String raw(String list, String messageId) {
        return message(list, messageId) + "raw";
    }

    /** The search page for a query at an offset (offset 0 is left out). */
    public static String search(String query, int offset) {
        return "/search?q=" + encode(query) + (offset > 0 ? "&o=" + offset : "");
    }

    /** Percent-encoding for a path segment or query value: URLEncoder's, with spaces as %20 (not '+'). */
    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String listOrAll(String list) {
        return list == null || list.isEmpty() ? "all" : list;
    }
}
