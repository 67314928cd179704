package org.patchlane.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
}
