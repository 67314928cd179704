package org.patchlane.pull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.patchlane.git.Repo;
import org.patchlane.ingest.Analyzer;
import org.patchlane.review.ReviewState;
import org.patchlane.review.Upstream;
import org.patchlane.store.QuerySyntaxException;
import org.patchlane.store.SeriesPage;
import org.patchlane.store.Searcher;
import org.patchlane.store.StoredRecord;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesVersion;

/**
 * One run of merged detection over an archive: the open series (state from mail and decisions not merged, rejected
 * or superseded; latest version posted within the window), looked for upstream, the findings written to
 * {@code DATA/merged/} for every reader of the data directory. A series this run did not look at (closed, or
 * older than the window) keeps its earlier finding: what was merged stays merged.
 */
public final class MergedRun {
    private MergedRun() {
    }

    /**
     * What a run did.
     *
     * @param detection the detector's result
     * @param series    the series of the findings, by id (for printing them)
     * @param elapsed   how long it took
     * @param diffed    upstream commits diffed this run (the others' patch-ids were cached)
     */
    public record Report(MergeDetector.Result detection, Map<String, Series> series, Duration elapsed, int diffed) {
    }

    public static Report run(Searcher searcher, Repo repo, RepoSettings settings, Duration window, Path dataDir,
                             Instant now) throws IOException {
        long t0 = System.nanoTime();
        List<MergeDetector.Candidate> candidates = candidates(searcher, now.minus(window));
        PatchIdCache cache = PatchIdCache.open(dataDir);
        MergeDetector.Result r = new MergeDetector(repo, settings, window, cache).detect(candidates, now);
        cache.save();
        Map<String, Upstream> all = new LinkedHashMap<>(searcher.decisions().merged().all());
        for (MergeDetector.Candidate c : candidates) all.remove(c.series().id());
        Map<String, Series> series = new LinkedHashMap<>();
        for (Upstream u : r.found()) all.put(u.seriesId(), u);
        for (MergeDetector.Candidate c : candidates) series.put(c.series().id(), c.series());
        searcher.decisions().merged().write(all.values());
        series.keySet().retainAll(r.found().stream().map(Upstream::seriesId).toList());
        return new Report(r, series, Duration.ofNanos(System.nanoTime() - t0), cache.computed());
    }

    /** The open series of the archive whose latest version was posted since {@code start}, with their base-commit. */
    public static List<MergeDetector.Candidate> candidates(Searcher searcher, Instant start) throws IOException {
        List<MergeDetector.Candidate> out = new ArrayList<>();
        long from = start.toEpochMilli();
        try {
            for (int offset = 0; offset <= Searcher.MAX_OFFSET; offset += Searcher.MAX_LIMIT) {
                SeriesPage page = searcher.series("", offset, Searcher.MAX_LIMIT);
                boolean older = false;
                for (Series s : page.series()) {
                    if (s.lastActivity() < from) { // most recent activity first: the rest is older still
                        older = true;
                        break;
                    }
                    SeriesVersion v = s.latest();
                    if (v.date() < from || v.patches().isEmpty()) continue;
                    ReviewState state = searcher.decisions().decided(s);
                    if (state == ReviewState.MERGED || state == ReviewState.REJECTED || state == ReviewState.SUPERSEDED)
                        continue;
                    out.add(new MergeDetector.Candidate(s, baseCommit(searcher, v)));
                }
                if (older || offset + Searcher.MAX_LIMIT >= page.total()) break;
            }
        } catch (QuerySyntaxException e) {
            throw new IllegalStateException("the empty query is every series", e);
        }
        return out;
    }

    /** The {@code base-commit:} of a version's cover, else of its first patch. */
    private static String baseCommit(Searcher searcher, SeriesVersion v) throws IOException {
        for (String id : new String[] {v.cover(), v.patches().get(0).messageId()}) {
            if (id == null) continue;
            List<StoredRecord> copies = searcher.get(id);
            if (copies.isEmpty()) continue;
            StoredRecord r = copies.get(0);
            String base = Analyzer.analyze(r.raw(), r.envelopeDate(), r.truncated(), r.list()).analysis().markers()
                    .baseCommit();
            if (base != null) return base;
        }
        return null;
    }
}
