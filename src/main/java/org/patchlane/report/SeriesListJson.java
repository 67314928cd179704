package org.patchlane.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.patchlane.review.Standing;
import org.patchlane.store.Decisions;

import org.patchlane.store.SeriesPage;
import org.patchlane.thread.GivenTrailer;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/** {@code series [QUERY] --json} and {@code /api/series}: one line of facts per series, review counts per patch. */
public record SeriesListJson(String query, long total, int offset, List<Entry> series) {

    /**
     * @param state   the effective state (mail and the maintainers' decisions combined)
     * @param history the maintainers' decisions, newest first
     * @param patches  per patch of the latest version: how many people acked, reviewed, tested, nacked it
     * @param upstream merged detection's finding on the latest version, or null
     */
    public record Entry(String series, String title, PersonJson submitter, String changeId, String latestVersion,
                        int versions, String state, List<SeriesJson.HistoryJson> history, String lastActivity,
                        List<String> lists, List<String> problems, List<PatchCounts> patches, UpstreamJson upstream) {
        /** Without an upstream finding. */
        public Entry(String series, String title, PersonJson submitter, String changeId, String latestVersion,
                     int versions, String state, List<SeriesJson.HistoryJson> history, String lastActivity,
                     List<String> lists, List<String> problems, List<PatchCounts> patches) {
            this(series, title, submitter, changeId, latestVersion, versions, state, history, lastActivity, lists,
                    problems, patches, null);
        }
    }

    public record PatchCounts(int index, String subject, int acked, int reviewed, int tested, int nacked,
                              List<String> findings) {
        public static PatchCounts of(SeriesPatch p) {
            return new PatchCounts(p.index(), p.subject(), count(p, "Acked-by"), count(p, "Reviewed-by"),
                    count(p, "Tested-by"), count(p, "Nacked-by"), p.findings().stream().map(f -> f.check()).toList());
        }

        private static int count(SeriesPatch p, String kind) {
            return (int) p.trailers().stream().filter(t -> t.kind().equals(kind)).map(t -> t.name() + "\n" + t.email()).distinct().count();
        }
    }

    /** Mail's states only (no decisions read). */
    public static SeriesListJson of(SeriesPage page) {
        return new SeriesListJson(page.query(), page.total(), page.offset(),
                page.series().stream().map(s -> entry(s, SeriesJson.mailOnly(s))).toList());
    }

    /** Each series with its standing from the maintainers' {@code decisions}. */
    public static SeriesListJson of(SeriesPage page, Decisions decisions) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Series s : page.series()) entries.add(entry(s, decisions.standing(s)));
        return new SeriesListJson(page.query(), page.total(), page.offset(), entries);
    }

    private static Entry entry(Series s, Standing standing) {
        SeriesVersion v = s.latest();
        return new Entry(s.id(), s.title(), PersonJson.of(s.submitter()), s.changeId(), v.label(), s.versions().size(),
                standing.state().jsonName(), SeriesJson.HistoryJson.of(standing), SeriesJson.date(s.lastActivity()),
                s.lists(), v.problems(),
                v.patches().stream().map(PatchCounts::of).toList(), UpstreamJson.of(standing.upstream()));
    }
}
