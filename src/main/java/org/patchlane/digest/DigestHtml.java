package org.patchlane.digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * A digest as HTML: one body template ({@code web/templates/digestbody.jte}, every mail text escaped by jte) in two
 * thin wrappers. The web page wraps it in the site's layout, with its stylesheet linked and no inline style or
 * script (the site's Content-Security-Policy is {@code default-src 'self'}); the mail part written here is a whole
 * document with the site's stylesheet embedded in {@code <style>}, since a mail client fetches nothing.
 */
public final class DigestHtml {
    /** Precompiled at build time, as the web pages' templates are. */
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final String STYLESHEET = "/web/static/patchlane.css";

    private DigestHtml() {
    }

    /** The body: an {@code <article>} with the figures, the charts and every section. */
    public static String body(DigestView view) {
        StringOutput out = new StringOutput();
        ENGINE.render("digestbody.jte", Map.of("view", view), out);
        return out.toString();
    }

    /** The HTML mail part: a standalone document, links absolute, the stylesheet inside. */
    public static String mail(Digest digest, DigestLinks links) {
        DigestView view = DigestView.of(digest, links);
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(view.title())
                + "</title>\n<style>\n" + stylesheet() + "</style>\n</head>\n<body>\n<main>\n" + body(view)
                + webLink(digest, links) + "</main>\n</body>\n</html>\n";
    }

    /** Where a week's digest is on the site; a range has no page, and site-relative links lead nowhere in a mail. */
    private static String webLink(Digest digest, DigestLinks links) {
        if (!digest.period().week() || links.base().isEmpty()) return "";
        String url = escape(links.digest(digest.period().label()));
        return "<p class=\"hint\">This digest on the web: <a href=\"" + url + "\">" + url + "</a></p>\n";
    }

    /** The site's stylesheet; a {@code </style>} inside it could not end the element early, but is refused anyway. */
    static String stylesheet() {
        try (InputStream in = DigestHtml.class.getResourceAsStream(STYLESHEET)) {
            if (in == null) throw new IllegalStateException("the jar has no " + STYLESHEET);
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (css.toLowerCase(java.util.Locale.ROOT).contains("</style")) throw new IllegalStateException("bad stylesheet");
            return css;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HTML text and attribute escaping for the few strings outside the template. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&#34;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
