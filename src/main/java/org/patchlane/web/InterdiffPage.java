package org.patchlane.web;

import org.patchlane.report.InterdiffJson;
import org.patchlane.thread.Series;

/**
 * The interdiff page: each patch of one version against its counterpart in another, as {@link InterdiffJson}
 * has it, with the page's links.
 *
 * @param seriesHref the series page at the newer version
 * @param jsonHref   the same interdiff from the API
 */
public record InterdiffPage(String title, String seriesHref, String jsonHref, InterdiffJson diff) {
    static InterdiffPage of(Series s, InterdiffJson d) {
        String q = "?from=" + Links.encode(d.from()) + "&to=" + Links.encode(d.to());
        return new InterdiffPage(s.title(), "/series/" + Links.encode(s.id()) + "#v" + d.to(),
                "/api/series/" + Links.encode(s.id()) + "/interdiff" + q, d);
    }

    /** The CSS class of an interdiff line by its first character: added, removed or context. */
    public static String css(String line) {
        return line.startsWith("+") ? "l add" : line.startsWith("-") ? "l del" : "l ctx";
    }

    /** A patch's section id: its index in the newer version, else (dropped) in the older one. */
    public static String anchor(InterdiffJson.PatchJson p) {
        return p.to() != null ? "p" + p.to().index() : "dropped-" + p.from().index();
    }

    /** "message only", "code", "message and code", "no change". */
    public static String scope(InterdiffJson.PatchJson p) {
        return switch (p.scope()) {
            case "message" -> "commit message only";
            case "code" -> "code only";
            case "both" -> "commit message and code";
            case "unknown" -> "not compared: a mail is not in the archive";
            default -> "no change";
        };
    }
}
