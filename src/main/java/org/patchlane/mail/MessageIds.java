package org.patchlane.mail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Message-IDs out of Message-ID, In-Reply-To and References values, without angle brackets. Tolerates what
 * mailers write between ids (comments, "message from X of date", commas), ids folded across lines (whitespace
 * inside brackets is removed, as public-inbox does), and ids without brackets (tokens holding an {@code @}).
 */
public final class MessageIds {
    private MessageIds() {
    }

    /** All ids in order, without duplicates; empty for null or when none is found. */
    public static List<String> parse(String value) {
        if (value == null) return List.of();
        Set<String> ids = new LinkedHashSet<>();
        int open = -1;
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c == '<') {
                open = i + 1; // "<<id>>" and "<junk <id>": the innermost opening wins
            } else if (c == '>' && open >= 0) {
                String id = stripSpace(value, open, i);
                if (!id.isEmpty()) ids.add(id);
                open = -1;
            }
        }
        if (ids.isEmpty()) {
            for (String token : value.split("[\\s,;]+")) {
                String t = trimPunct(token);
                if (t.indexOf('@') > 0) ids.add(t);
            }
            String whole = value.strip();
            if (ids.isEmpty() && !whole.isEmpty() && whole.indexOf(' ') < 0 && whole.indexOf('(') < 0) {
                ids.add(trimPunct(whole)); // a bare token like "1234.abcd": still the sender's identifier
            }
            ids.remove("");
        }
        return new ArrayList<>(ids);
    }

    /** The first id, or null. */
    public static String first(String value) {
        List<String> ids = parse(value);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static String stripSpace(String s, int from, int to) {
        StringBuilder sb = null;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c <= ' ') {
                if (sb == null) sb = new StringBuilder(to - from).append(s, from, i);
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s.substring(from, to) : sb.toString();
    }

    private static String trimPunct(String t) {
        int a = 0;
        int b = t.length();
        while (a < b && "<>\"'()[]".indexOf(t.charAt(a)) >= 0) a++;
        while (b > a && "<>\"'()[].".indexOf(t.charAt(b - 1)) >= 0) b--;
        return t.substring(a, b);
    }
}
