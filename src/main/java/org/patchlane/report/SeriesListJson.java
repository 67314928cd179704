package org.patchlane.report;

import java.util.List;

import org.patchlane.store.SeriesPage;
import org.patchlane.thread.GivenTrailer;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/** {@code series [QUERY] --json} and {@code /api/series}: one line of facts per series, review counts per patch. */
public record SeriesListJson(String query, long total, int offset, List<Entry> series) {

    /**
     * @param patches per patch of the latest version: how many people acked, reviewed, tested, nacked it
     */
    public record Entry(String series, String title, PersonJson submitter, String changeId, String latestVersion,
                        int versions, String state, String lastActivity, List<String> lists, List<String> problems,
                        List<PatchCounts> patches) {
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

    public static SeriesListJson of(SeriesPage page) {
        return new SeriesListJson(page.query(), page.total(), page.offset(),
                page.series().stream().map(SeriesListJson::entry).toList());
    }

    private static Entry entry(Series s) {
        SeriesVersion v = s.latest();
        return new Entry(s.id(), s.title(), PersonJson.of(s.submitter()), s.changeId(), v.label(), s.versions().size(),
                v.state(), SeriesJson.date(s.lastActivity()), s.lists(), v.problems(),
                v.patches().stream().map(PatchCounts::of).toList());
    }
}
