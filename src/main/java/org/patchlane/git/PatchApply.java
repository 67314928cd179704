package org.patchlane.git;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.HunkHeader;
import org.eclipse.jgit.patch.Patch;
import org.eclipse.jgit.patch.PatchApplier;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Applies posted patches to a tree without a working tree (JGit's {@link PatchApplier}), one after another as
 * {@code git am} would: does a series apply to an older release, and where not, which file and hunk fail.
 * A hunk found away from the line its header names applied "with offset", as {@code git apply} says.
 */
public final class PatchApply {
    private final Repo repo;

    public PatchApply(Repo repo) {
        this.repo = repo;
    }

    /** How one patch went. */
    public enum Outcome { APPLIES, APPLIES_WITH_OFFSET, FAILS }

    /**
     * A hunk of a patch.
     *
     * @param file   the path it changes
     * @param header its {@code @@ -a,b +c,d @@} line
     * @param reason why it failed, or where it was found for an offset
     */
    public record HunkNote(String file, String header, String reason) {
    }

    /**
     * One patch's result.
     *
     * @param outcome applies, applies with offset, fails
     * @param notes   the offset hunks, or the failing ones (with JGit's reason)
     * @param files   the paths the patch touches
     */
    public record Applied(Outcome outcome, List<HunkNote> notes, List<String> files) {
        public Applied {
            notes = List.copyOf(notes);
            files = List.copyOf(files);
        }
    }

    /**
     * Applies each patch text (a mail body or {@code format-patch} file) in turn to the tree of {@code revision};
     * a patch that fails leaves the tree as it was, so the ones after it are tried against what did apply.
     */
    public List<Applied> applyAll(String revision, List<String> patches) throws IOException {
        List<Applied> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo.jgit()); ObjectInserter inserter = repo.jgit().newObjectInserter()) {
            RevTree tree = walk.parseCommit(repo.commitId(revision)).getTree();
            for (String text : patches) {
                Patch patch = new Patch();
                patch.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
                List<String> files = new ArrayList<>();
                for (FileHeader f : patch.getFiles()) files.add(path(f));
                if (patch.getFiles().isEmpty()) {
                    out.add(new Applied(Outcome.FAILS, List.of(new HunkNote("", "", "no diff in the patch")), files));
                    continue;
                }
                List<HunkNote> moved = new ArrayList<>(), lost = new ArrayList<>();
                placeHunks(tree, patch, moved, lost);
                PatchApplier.Result r = new PatchApplier(repo.jgit(), tree, inserter).applyPatch(patch);
                if (!r.getErrors().isEmpty()) {
                    List<HunkNote> failures = new ArrayList<>(lost);
                    if (failures.isEmpty())
                        for (PatchApplier.Result.Error e : r.getErrors()) failures.add(failure(e));
                    out.add(new Applied(Outcome.FAILS, failures, files));
                    continue;
                }
                inserter.flush();
                tree = walk.parseTree(r.getTreeId());
                out.add(moved.isEmpty() ? new Applied(Outcome.APPLIES, List.of(), files)
                        : new Applied(Outcome.APPLIES_WITH_OFFSET, moved, files));
            }
        }
        return out;
    }

    /**
     * Where each hunk's pre-image is in the file: hunks found away from the line their header names go to
     * {@code moved}, hunks not found at all (the reason a patch fails) to {@code lost}.
     */
    private void placeHunks(RevTree tree, Patch patch, List<HunkNote> moved, List<HunkNote> lost) throws IOException {
        for (FileHeader f : patch.getFiles()) {
            if (f.getChangeType() != org.eclipse.jgit.diff.DiffEntry.ChangeType.MODIFY) continue;
            List<String> lines = fileLines(tree, f.getOldPath());
            if (lines == null) continue;
            for (HunkHeader h : f.getHunks()) {
                List<String> before = preImage(h);
                int start = Math.max(h.getOldImage().getStartLine() - 1, 0);
                if (matchesAt(lines, before, start)) continue;
                int found = find(lines, before);
                if (found < 0) lost.add(new HunkNote(path(f), header(h), "its context or removed lines are not in the file"));
                else moved.add(new HunkNote(path(f), header(h),
                        "found at line " + (found + 1) + " (offset " + (found - start) + " lines)"));
            }
        }
    }

    private List<String> fileLines(RevTree tree, String path) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(repo.jgit(), path, tree)) {
            if (tw == null) return null;
            String text = new String(repo.jgit().open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
            return List.of(text.split("\n", -1));
        }
    }

    /** A hunk's context and removed lines, in order: what must be in the file for it to apply. */
    private static List<String> preImage(HunkHeader h) {
        String text = new String(h.getBuffer(), h.getStartOffset(), h.getEndOffset() - h.getStartOffset(),
                StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int want = h.getOldImage().getLineCount();
        for (int i = 1; i < lines.length && out.size() < want; i++) {
            String l = lines[i];
            if (l.startsWith(" ") || l.startsWith("-")) out.add(l.substring(1));
            else if (l.isEmpty()) out.add("");
        }
        return out;
    }

    private static boolean matchesAt(List<String> lines, List<String> want, int at) {
        if (at + want.size() > lines.size()) return false;
        for (int i = 0; i < want.size(); i++) if (!lines.get(at + i).equals(want.get(i))) return false;
        return true;
    }

    private static int find(List<String> lines, List<String> want) {
        for (int at = 0; at + want.size() <= lines.size(); at++) if (matchesAt(lines, want, at)) return at;
        return -1;
    }

    private static HunkNote failure(PatchApplier.Result.Error e) {
        // JGit keeps the error's parts package-private; its toString is "Error applying patch in FILE, hunk HUNK: MSG"
        String s = e.toString();
        String file = "", hunk = "", reason = s;
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?s)Error applying patch in (.*?), hunk (.*?): (.*)").matcher(s);
        if (m.matches()) {
            file = m.group(1);
            hunk = m.group(2).strip();
            reason = m.group(3).strip();
        }
        return new HunkNote(file, hunk.startsWith("HunkHeader") ? "" : hunk, reason);
    }

    private static String header(HunkHeader h) {
        String text = new String(h.getBuffer(), h.getStartOffset(), h.getEndOffset() - h.getStartOffset(),
                StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static String path(FileHeader f) {
        return f.getChangeType() == org.eclipse.jgit.diff.DiffEntry.ChangeType.DELETE ? f.getOldPath() : f.getNewPath();
    }
}
