package org.patchlane.report;

import java.util.List;

import org.patchlane.link.Check;
import org.patchlane.link.SeriesCheck;
import org.patchlane.review.AreaTouch;

/**
 * {@code check SERIES --json} and {@code /api/series/{id}/checks}: the areas a series touches and every check.
 *
 * @param infrastructure true when it touches an infrastructure area
 * @param uapi           the uAPI headers it touches
 * @param exports        the symbols its latest version exports
 */
public record CheckJson(String series, String title, int version, boolean infrastructure, List<AreaJson> areas,
                        List<String> uapi, List<String> exports, List<Entry> checks) {
    /** One area touched: its kind, the paths in it, its maintainers. */
    public record AreaJson(String name, String kind, List<String> paths, List<PersonJson> maintainers) {
        static AreaJson of(AreaTouch t) {
            return new AreaJson(t.area().name(), t.area().kind().configName(), t.paths(),
                    t.area().contacts().maintainers().stream().map(PersonJson::of).toList());
        }
    }

    /** One check (docs/json.md, CHECK). */
    public record Entry(String name, String verdict, List<String> evidence, List<MissingJson> missing) {
        public static Entry of(Check c) {
            return new Entry(c.name().jsonName(), c.verdict().jsonName(), c.evidence(),
                    c.missing().stream().map(m -> new MissingJson(m.person().name(), m.person().email(), m.area()))
                            .toList());
        }
    }

    /** A person whose ack is missing, with the area they maintain. */
    public record MissingJson(String name, String email, String area) {
    }

    public static CheckJson of(SeriesCheck c) {
        return new CheckJson(c.series().id(), c.series().title(), c.series().latest().version(), c.infrastructure(),
                c.areas().areas().stream().map(AreaJson::of).toList(), c.areas().uapi(), c.exports(),
                entries(c.checks()));
    }

    static List<Entry> entries(List<Check> checks) {
        return checks.stream().map(Entry::of).toList();
    }
}
