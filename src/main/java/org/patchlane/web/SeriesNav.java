package org.patchlane.web;

import java.util.List;
import java.util.Optional;

import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * The message page's way around a series, when the message is a cover or patch of one of its versions: the
 * series page (at that version), the cover, and the previous and next patch (each null where there is none).
 */
public record SeriesNav(String seriesHref, String seriesTitle, String version, String position, String coverHref,
                        String previousHref, String previousLabel, String nextHref, String nextLabel) {

    /** Empty when {@code messageId} is not a cover or a patch posting of {@code series}. */
    public static Optional<SeriesNav> of(Series series, String messageId) {
        for (SeriesVersion v : series.versions()) {
            List<SeriesPatch> ps = v.patches();
            int at = -1;
            for (int i = 0; i < ps.size(); i++) {
                if (ps.get(i).messageId().equals(messageId) || ps.get(i).postings().contains(messageId)) at = i;
            }
            boolean cover = messageId.equals(v.cover());
            if (at < 0 && !cover) continue;
            String href = "/series/" + Links.encode(series.id()) + "#v" + v.label();
            String coverHref = v.cover() == null || cover ? null : Links.message("", v.cover());
            SeriesPatch prev = at > 0 ? ps.get(at - 1) : null;
            SeriesPatch next = cover ? (ps.isEmpty() ? null : ps.get(0)) : at + 1 < ps.size() ? ps.get(at + 1) : null;
            String position = cover ? "cover" : ps.get(at).index() + "/" + ps.get(at).total();
            return Optional.of(new SeriesNav(href, series.title(), v.label(), position, coverHref,
                    prev == null ? null : Links.message("", prev.messageId()), prev == null ? null : label(prev),
                    next == null ? null : Links.message("", next.messageId()), next == null ? null : label(next)));
        }
        return Optional.empty();
    }

    private static String label(SeriesPatch p) {
        return p.index() + "/" + p.total() + " " + p.title();
    }
}
