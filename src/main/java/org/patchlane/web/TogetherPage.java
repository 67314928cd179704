package org.patchlane.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.patchlane.link.Check;
import org.patchlane.link.Link;
import org.patchlane.link.SeriesCheck;
import org.patchlane.store.Decisions;
import org.patchlane.link.Verdict;
import org.patchlane.report.SeriesJson;
import org.patchlane.thread.Series;

/**
 * {@code /together}: the open infrastructure series with the series that use them and every check's verdict, most
 * urgent first (as {@link org.patchlane.link.Together#open} orders them).
 *
 * @param query the series query as run
 * @param error why the query could not be read, or null
 * @param rows  one per infrastructure series
 */
public record TogetherPage(String query, String error, List<Row> rows) {
    /**
     * One infrastructure series.
     *
     * @param failed how many checks failed
     */
    public record Row(String series, String title, String href, String version, String state, String lastActivity,
                      List<String> exports, List<User> users, List<Verdicts> checks, long failed) {
    }

    /** A series that uses it, with the kind of its strongest link. */
    public record User(String series, String title, String href, String kind) {
    }

    /**
     * One check's verdict.
     *
     * @param missing the names of the people whose ack is missing
     */
    public record Verdicts(String name, String verdict, String css, List<String> missing) {
    }

    /** The rows, each with its effective state (mail and the maintainers' {@code decisions} combined). */
    static TogetherPage of(String query, List<SeriesCheck> open, Decisions decisions) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (SeriesCheck c : open) {
            Series s = c.series();
            Map<String, User> users = new LinkedHashMap<>();
            for (Link l : c.links().users()) {
                users.putIfAbsent(l.other().id(), new User(l.other().id(), l.other().title(),
                        "/series/" + Links.encode(l.other().id()), l.kind().jsonName()));
            }
            List<Verdicts> checks = new ArrayList<>();
            for (Check k : c.checks()) {
                checks.add(new Verdicts(k.name().jsonName(), k.verdict().jsonName(),
                        "verdict-" + k.verdict().jsonName().replace("/", ""),
                        k.missing().stream().map(m -> m.person().name().isEmpty() ? m.person().email()
                                : m.person().name()).distinct().toList()));
            }
            long failed = c.checks().stream().filter(k -> k.verdict() == Verdict.FAIL).count();
            rows.add(new Row(s.id(), s.title(), "/series/" + Links.encode(s.id()), s.latest().label(),
                    decisions.effective(s).jsonName(), SeriesJson.date(s.lastActivity()), c.exports(), List.copyOf(users.values()),
                    checks, failed));
        }
        return new TogetherPage(query, null, rows);
    }

    static TogetherPage failed(String query, String error) {
        return new TogetherPage(query, error, List.of());
    }
}
