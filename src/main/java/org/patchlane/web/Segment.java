package org.patchlane.web;

import java.util.ArrayList;
import java.util.List;

import org.patchlane.store.Hit;

/**
 * A piece of a snippet, marked when a query term matched it. Templates escape each piece and wrap marked ones in
 * {@code <mark>}, so highlighting never needs unescaped output.
 */
public record Segment(String text, boolean mark) {
    /** Cuts a snippet at its highlight spans; spans past the end are clipped. */
    public static List<Segment> split(String snippet, List<Hit.Highlight> highlights) {
        List<Segment> out = new ArrayList<>();
        int at = 0;
        for (Hit.Highlight h : highlights) {
            int start = Math.min(Math.max(h.start(), at), snippet.length());
            int end = Math.min(h.end(), snippet.length());
            if (start > at) out.add(new Segment(snippet.substring(at, start), false));
            if (end > start) out.add(new Segment(snippet.substring(start, end), true));
            at = Math.max(at, end);
        }
        if (at < snippet.length()) out.add(new Segment(snippet.substring(at), false));
        return out;
    }
}
