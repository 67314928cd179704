package org.patchlane.pull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.patchlane.git.FileChange;
import org.patchlane.git.PatchApply;
import org.patchlane.git.Repo;
import org.patchlane.ingest.Analyzer;
import org.patchlane.patch.Markers;
import org.patchlane.store.Searcher;
import org.patchlane.store.StoredRecord;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * Seed 003's question, "does this series apply to an older release?": a version's patches applied in memory, in
 * order, to the tree at a tag, and the files the series touches that changed between its base and that tag (where
 * the backport needs care even when it applies).
 */
public final class Backport {
    private Backport() {
    }

    /** One patch's result. */
    public record PatchResult(int index, String messageId, String title, PatchApply.Outcome outcome,
                              List<PatchApply.HunkNote> notes) {
        public PatchResult {
            notes = List.copyOf(notes);
        }
    }

    /**
     * A backport trial.
     *
     * @param tag       the release tried
     * @param tagCommit its commit
     * @param base      the version's base-commit marker, or null
     * @param baseKnown whether the repository has that base
     * @param changed   files the series touches that changed between its base and the tag (empty when the base is
     *                  unknown)
     */
    public record Result(Series series, SeriesVersion version, String tag, String tagCommit, String base,
                         boolean baseKnown, List<PatchResult> patches, List<FileChange> changed) {
        public Result {
            patches = List.copyOf(patches);
            changed = List.copyOf(changed);
        }

        /** Every patch applied, with or without offsets. */
        public boolean applies() {
            return patches.stream().noneMatch(p -> p.outcome() == PatchApply.Outcome.FAILS);
        }
    }

    /**
     * Tries {@code version} of a series on {@code tag}.
     *
     * @throws org.patchlane.git.UnknownRevisionException when the repository has no such tag or commit
     */
    public static Result run(Repo repo, Searcher searcher, Series series, SeriesVersion version, String tag)
            throws IOException {
        String tagCommit = repo.commit(tag).id();
        List<String> texts = new ArrayList<>();
        for (SeriesPatch p : version.patches()) texts.add(text(searcher, p.messageId()));
        List<PatchApply.Applied> applied = new PatchApply(repo).applyAll(tagCommit, texts);
        List<PatchResult> results = new ArrayList<>();
        for (int i = 0; i < applied.size(); i++) {
            SeriesPatch p = version.patches().get(i);
            results.add(new PatchResult(p.index(), p.messageId(), p.title(), applied.get(i).outcome(),
                    applied.get(i).notes()));
        }
        String markerSource = version.cover() != null ? version.cover()
                : version.patches().isEmpty() ? null : version.patches().get(0).messageId();
        String base = markerSource == null ? null : Markers.parse(text(searcher, markerSource)).baseCommit();
        Optional<String> known = base == null ? Optional.empty() : repo.resolve(base);
        List<FileChange> changed = new ArrayList<>();
        if (known.isPresent()) {
            Set<String> files = new LinkedHashSet<>();
            for (SeriesPatch p : version.patches()) files.addAll(p.files());
            for (FileChange f : repo.diffstat(known.get(), tagCommit))
                if (files.contains(f.path()) || files.contains(f.oldPath())) changed.add(f);
        }
        return new Result(series, version, tag, tagCommit, base, known.isPresent(), results, changed);
    }

    /** A patch mail's decoded text (its own lines and text attachments), which holds the diff. */
    private static String text(Searcher searcher, String messageId) throws IOException {
        List<StoredRecord> stored = searcher.get(messageId);
        return stored.isEmpty() ? "" : Analyzer.patchText(stored.get(0));
    }
}
