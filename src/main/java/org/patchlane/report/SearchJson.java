package org.patchlane.report;

import java.util.List;

import org.patchlane.store.Hit;
import org.patchlane.store.SearchResult;

/** {@code search --json}: {@code {"query", "total", "hits": [...]}}; highlights index into the snippet. */
public record SearchJson(String query, long total, int offset, List<HitJson> hits) {
    public record HitJson(String messageId, String subject, PersonJson from, String date, String kind, String list,
                          String snippet, List<int[]> highlights) {
    }

    public static SearchJson of(SearchResult r) {
        return new SearchJson(r.query(), r.total(), r.offset(), r.hits().stream().map(SearchJson::hit).toList());
    }

    private static HitJson hit(Hit h) {
        return new HitJson(h.messageId(), h.subject(), PersonJson.of(h.from()), Json.date(h.date()),
                h.kind().jsonName(), h.list(), h.snippet(),
                h.highlights().stream().map(x -> new int[] {x.start(), x.end()}).toList());
    }
}
