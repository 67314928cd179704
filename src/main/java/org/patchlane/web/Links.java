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

    /** {@code /{list}/{msgid}/T/}: the thread page, lore's URL for a message in its whole thread. */
    public static String thread(String list, String messageId) {
        return message(list, messageId) + "T/";
    }

    /**
     * The fragment of a message on its thread page, {@code m} and 16 hex digits of its Message-ID's SHA-1: stable,
     * and safe in an id attribute whatever characters the Message-ID holds.
     */
    public static String anchor(String messageId) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-1").digest(messageId.getBytes(StandardCharsets.UTF_8));
            return "m" + java.util.HexFormat.of().formatHex(h, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
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
