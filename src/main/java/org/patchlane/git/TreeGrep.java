package org.patchlane.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;
import org.eclipse.jgit.treewalk.filter.OrTreeFilter;

/**
 * Which C files of a tree mention some identifiers: {@code git grep -w} over {@code *.c} and {@code *.h} at a
 * revision, read from the object database (no working tree). Every blob is read once for all the identifiers.
 */
public final class TreeGrep {
    private TreeGrep() {
    }

    /**
     * For each identifier, the paths of the {@code .c} and {@code .h} files at {@code revision} that contain it as a
     * whole word (not as part of a longer identifier), in path order; an identifier no file mentions maps to an
     * empty list.
     */
    public static Map<String, List<String>> mentions(Repo repo, String revision, Collection<String> identifiers)
            throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<byte[]> needles = new ArrayList<>();
        for (String id : identifiers) {
            if (out.putIfAbsent(id, new ArrayList<>()) == null) needles.add(id.getBytes(StandardCharsets.US_ASCII));
        }
        if (needles.isEmpty()) return out;
        List<String> names = new ArrayList<>(out.keySet());
        try (RevWalk walk = new RevWalk(repo.jgit()); ObjectReader reader = repo.jgit().newObjectReader();
             TreeWalk tw = new TreeWalk(reader)) {
            tw.addTree(walk.parseCommit(repo.commitId(revision)).getTree());
            tw.setRecursive(true);
            tw.setFilter(OrTreeFilter.create(PathSuffixFilter.create(".c"), PathSuffixFilter.create(".h")));
            while (tw.next()) {
                if (tw.getFileMode(0) != FileMode.REGULAR_FILE && tw.getFileMode(0) != FileMode.EXECUTABLE_FILE) continue;
                byte[] text = reader.open(tw.getObjectId(0)).getCachedBytes(Integer.MAX_VALUE);
                for (int i = 0; i < needles.size(); i++)
                    if (containsWord(text, needles.get(i))) out.get(names.get(i)).add(tw.getPathString());
            }
        }
        return out;
    }

    /** {@code needle} in {@code text} with no identifier character right before or after it. */
    static boolean containsWord(byte[] text, byte[] needle) {
        int n = needle.length;
        byte first = needle[0];
        outer:
        for (int i = 0; i + n <= text.length; i++) {
            if (text[i] != first) continue;
            for (int k = 1; k < n; k++) if (text[i + k] != needle[k]) continue outer;
            if (i > 0 && identifier(text[i - 1])) continue;
            if (i + n < text.length && identifier(text[i + n])) continue;
            return true;
        }
        return false;
    }

    private static boolean identifier(byte b) {
        return b == '_' || (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }
}
