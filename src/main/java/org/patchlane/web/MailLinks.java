package org.patchlane.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web links in a line of mail. Only {@code http} and {@code https} URLs become links (never {@code javascript:},
 * {@code data:} or {@code file:}); the template gives them {@code rel="noopener noreferrer"} and escapes every piece.
 */
public final class MailLinks {
    /** A URL runs to the first space, quote or angle bracket, as mail clients and lore cut them. */
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'`]+");
    /** Punctuation that ends a sentence rather than a URL ("see https://x/y." or "(https://x/y)"). */
    private static final String TRAILING = ".,;:!?)]}*";

    /** A run of a line's text; {@code href} is null for text that is no link. */
    public record Piece(String text, String href) {
    }

    private MailLinks() {
    }

    static List<Piece> split(String line) {
        List<Piece> out = new ArrayList<>();
        Matcher m = URL.matcher(line);
        int at = 0;
        while (m.find()) {
            String url = trim(m.group());
            String href = href(url);
            if (href == null) continue;
            if (m.start() > at) out.add(new Piece(line.substring(at, m.start()), null));
            out.add(new Piece(url, href));
            at = m.start() + url.length();
        }
        if (at < line.length() || out.isEmpty()) out.add(new Piece(line.substring(at), null));
        return out;
    }

    /** Drops trailing sentence punctuation; a ')' stays when the URL opened one (Wikipedia-style paths). */
    private static String trim(String url) {
        int end = url.length();
        while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0) {
            char c = url.charAt(end - 1);
            if (c == ')' && count(url, '(', end) > count(url, ')', end - 1)) break;
            end--;
        }
        return url.substring(0, end);
    }

    private static int count(String s, char c, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) if (s.charAt(i) == c) n++;
        return n;
    }

    /** The URL as a link target when it is a well-formed http(s) URL with a host; null otherwise. */
    private static String href(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return null;
            if (uri.getHost() == null || uri.getHost().isEmpty()) return null;
            return url;
        } catch (URISyntaxException notAUrl) {
            return null;
        }
    }
}
