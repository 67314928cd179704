package org.patchlane.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many diffs through one formatter are the very texts {@link Repo#diffText} gives one by one. */
class DiffTextsTest {
    @TempDir
    Path tmp;

    @Test
    void sameTextAsDiffText() throws Exception {
        List<String> commits = new ArrayList<>();
        try (TestRepo t = TestRepo.init(tmp.resolve("r"))) {
            String a = "A <a@example.org>";
            commits.add(t.commit(a, "root", Map.of("a.c", TestRepo.lines("a", 30), "b.h", "b\n")));
            commits.add(t.commit(a, "edit", Map.of("a.c", TestRepo.lines("a", 30).replace("a 7\n", "seven\n"))));
            Map<String, String> rename = new HashMap<>();
            rename.put("b.h", null);
            rename.put("include/b.h", "b\n");
            commits.add(t.commit(a, "rename", rename));
            Map<String, String> gone = new HashMap<>();
            gone.put("a.c", null);
            commits.add(t.commit(a, "delete", gone));
            commits.add(t.commit(a, "add", Map.of("new.c", "", "x.c", "x\n")));
        }
        try (Repo r = Repo.open(tmp.resolve("r")); DiffTexts d = new DiffTexts(r)) {
            for (String c : commits) assertEquals(r.diffText(c), d.of(c), c);
            for (String c : commits) assertEquals(r.diffText(c), d.of(c), "again, in the same formatter: " + c);
        }
    }

    /** A commit's changed files from its trees: a rename is its new path changed and its old one deleted. */
    @Test
    void changedPaths() throws Exception {
        List<String> commits = new ArrayList<>();
        try (TestRepo t = TestRepo.init(tmp.resolve("p"))) {
            String a = "A <a@example.org>";
            commits.add(t.commit(a, "root", Map.of("a.c", TestRepo.lines("a", 30), "lib/b.h", "b\n", "x", "x\n")));
            commits.add(t.commit(a, "edit", Map.of("a.c", TestRepo.lines("a", 30).replace("a 7\n", "seven\n"))));
            Map<String, String> rename = new HashMap<>();
            rename.put("lib/b.h", null);
            rename.put("include/b.h", "b\n");
            commits.add(t.commit(a, "rename", rename));
            Map<String, String> fileToDir = new LinkedHashMap<>(); // the file goes before the directory comes
            fileToDir.put("x", null);
            fileToDir.put("x/y.c", "y\n");
            commits.add(t.commit(a, "a file becomes a directory", fileToDir));
        }
        try (Repo r = Repo.open(tmp.resolve("p")); DiffTexts d = new DiffTexts(r)) {
            assertEquals(new ChangedPaths(List.of("a.c", "lib/b.h", "x"), List.of()), d.paths(commits.get(0)));
            assertEquals(new ChangedPaths(List.of("a.c"), List.of()), d.paths(commits.get(1)));
            assertEquals(new ChangedPaths(List.of("include/b.h"), List.of("lib/b.h")), d.paths(commits.get(2)));
            assertEquals(new ChangedPaths(List.of("x/y.c"), List.of("x")), d.paths(commits.get(3)));
            // the trees kept by the reader give the same texts as a fresh formatter
            for (String c : commits) assertEquals(r.diffText(c), d.of(c), c);
        }
    }
}
