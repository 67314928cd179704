package org.patchlane.pull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.patchlane.store.Hit;
import org.patchlane.store.QuerySyntaxException;
import org.patchlane.store.Searcher;
import org.patchlane.thread.GivenTrailer;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/** The archive's posted patches by patch-id, with the review trailers given on the list (not the author's own chain). */
public final class ArchivePatches implements PostedPatch.Lookup {
    private static final java.util.regex.Pattern HEX = java.util.regex.Pattern.compile("[0-9a-f]{40}");
    private final Searcher searcher;

    public ArchivePatches(Searcher searcher) {
        this.searcher = searcher;
    }

    @Override
    public Optional<PostedPatch> byPatchId(String patchId) throws IOException {
        if (!HEX.matcher(patchId).matches()) return Optional.empty();
        List<Hit> hits;
        try {
            hits = searcher.search("patchid:" + patchId, 0, 20).hits();
        } catch (QuerySyntaxException e) {
            throw new IllegalStateException("a patch-id is a plain term", e);
        }
        for (Hit h : hits) {
            Optional<Series> s = searcher.seriesOf(h.messageId());
            if (s.isEmpty()) continue;
            List<SeriesVersion> versions = s.get().versions();
            for (int v = versions.size() - 1; v >= 0; v--)
                for (SeriesPatch p : versions.get(v).patches())
                    if (patchId.equals(p.patchId())) return Optional.of(posted(s.get(), versions.get(v), p));
        }
        return Optional.empty();
    }

    @Override
    public List<PostedPatch> version(String seriesId, String version) throws IOException {
        List<PostedPatch> out = new ArrayList<>();
        Optional<Series> s = searcher.seriesOf(seriesId);
        if (s.isEmpty()) return out;
        for (SeriesVersion v : s.get().versions())
            if (v.label().equals(version)) for (SeriesPatch p : v.patches()) out.add(posted(s.get(), v, p));
        return out;
    }

    private static PostedPatch posted(Series s, SeriesVersion v, SeriesPatch p) {
        List<String> trailers = new ArrayList<>();
        for (GivenTrailer t : p.trailers()) {
            if (t.inPatch() || !List.of("Acked-by", "Reviewed-by", "Tested-by").contains(t.kind())) continue;
            // a masked address (the archive hid it) cannot be compared: the name must do
            boolean masked = new org.patchlane.mail.Address(t.name(), t.email()).masked();
            String line = t.kind() + ": " + t.name() + (masked ? "" : " <" + t.email() + ">");
            if (!trailers.contains(line)) trailers.add(line);
        }
        return new PostedPatch(s.id(), v.label(), p.index(), p.messageId(), p.title(), trailers);
    }
}
