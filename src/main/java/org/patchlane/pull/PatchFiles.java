package org.patchlane.pull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.patchlane.git.ChangedPaths;
import org.patchlane.thread.SeriesPatch;

/**
 * The files of the posted patches merged detection looks for, as a test of a commit's {@link ChangedPaths}: a commit
 * can have a patch's patch-id only if its diff has the same files, since the id hashes every file's {@code diff
 * --git} line. A patch names each file by its new path (its old one when deleted) and a commit's tree diff shows a
 * rename as the new path changed and the old one deleted, so the test is {@code changed ⊆ files ⊆ changed ∪
 * deleted}: true for every commit that may match, false for most others, which then need no diff at all.
 */
final class PatchFiles implements Predicate<ChangedPaths> {
    /** Each file → the distinct file sets of the patches that touch it. */
    private final Map<String, List<Set<String>>> byFile = new HashMap<>();
    /** A patch with a patch-id but no file list (none parsed): nothing can be ruled out. */
    private final boolean unknown;

    private PatchFiles(List<SeriesPatch> patches) {
        boolean unknown = false;
        Set<Set<String>> seen = new HashSet<>();
        for (SeriesPatch p : patches) {
            if (p.patchId() == null) continue; // matched by author and subject only, which needs no diff
            if (p.files().isEmpty()) {
                unknown = true;
                continue;
            }
            Set<String> files = Set.copyOf(p.files());
            if (!seen.add(files)) continue;
            for (String f : files) byFile.computeIfAbsent(f, k -> new ArrayList<>()).add(files);
        }
        this.unknown = unknown;
    }

    /** The files of {@code patches} (those with a patch-id). */
    static PatchFiles of(List<SeriesPatch> patches) {
        return new PatchFiles(patches);
    }

    /** True when the commit may have the patch-id of one of the patches. */
    @Override
    public boolean test(ChangedPaths commit) {
        if (unknown) return true;
        if (commit.isEmpty()) return false;
        // every candidate set holds the commit's first changed path (or, with none, its first deleted one)
        String probe = commit.changed().isEmpty() ? commit.deleted().get(0) : commit.changed().get(0);
        List<Set<String>> sets = byFile.get(probe);
        if (sets == null) return false;
        Set<String> all = null;
        int min = commit.changed().size(), max = min + commit.deleted().size();
        for (Set<String> files : sets) {
            if (files.size() < min || files.size() > max || !files.containsAll(commit.changed())) continue;
            if (all == null) {
                all = new HashSet<>(commit.changed());
                all.addAll(commit.deleted());
            }
            if (all.containsAll(files)) return true;
        }
        return false;
    }
}
