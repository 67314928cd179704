package org.patchlane.digest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.patchlane.git.ConfigFile;

/**
 * Where a digest's lines point: the series pages {@code BASE/series/{id}}, the messages {@code BASE/all/{msgid}/}
 * and the digests {@code BASE/digest/{week}}. BASE is the site's public address ({@code [web] url} in the
 * configuration); a mail needs it absolute, a page of the site itself may use "" (links relative to the site).
 *
 * @param base the site's address without a trailing slash, or "" for site-relative links
 */
public record DigestLinks(String base) {
    /** The address {@code serve} listens on by default. */
    public static final String DEFAULT = "http://127.0.0.1:7070";
    /** Links relative to the site, for its own pages. */
    public static final DigestLinks SITE = new DigestLinks("");

    public DigestLinks {
        base = base.strip();
        while (base.endsWith("/")) base = base.substring(0, base.length() - 1);
    }

    /**
     * The configuration's {@code [web] url}, else {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException when it is not an http(s) URL
     */
    public static DigestLinks of(ConfigFile conf) {
        String url = conf.string("web", null, "url");
        if (url == null || url.isBlank()) return new DigestLinks(DEFAULT);
        if (!url.strip().matches("https?://[^\\s/?#]+(/[^\\s?#]*)?"))
            throw new IllegalArgumentException("[web] url must be an http:// or https:// address: " + url);
        return new DigestLinks(url);
    }

    public String series(String id) {
        return base + "/series/" + encode(id);
    }

    /** A pull request's page: its series' when it is one ({@code [PULL 00/29]}), else its mail's. */
    public String pull(PullLine p) {
        return p.series().id().isEmpty() ? message(p.messageId()) : series(p.series().id());
    }

    public String message(String messageId) {
        return base + "/all/" + encode(messageId) + "/";
    }

    public String digest(String week) {
        return base + "/digest/" + encode(week);
    }
    /** Percent-encoding for a path segment: URLEncoder's, with spaces as %20 (the site's own {@code Links.encode}). */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
