package org.patchlane.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.patchlane.store.Hit;

/** One search hit as a result row shows it. Strings are never null. */
public record HitView(String subject, String href, String from, String date, String kind, String list,
                      List<Segment> snippet) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    public static HitView of(Hit h) {
        String from = h.from().name().isEmpty() ? h.from().email() : h.from().name();
        return new HitView(h.subject().isEmpty() ? "(no subject)" : h.subject(), Links.message(h.list(), h.messageId()),
                from, date(h.date()), h.kind().jsonName(), h.list(), Segment.split(h.snippet(), h.highlights()));
    }

    /** UTC, minutes; "" for an unknown date. */
    static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }
}
