package org.patchlane.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchlane.git.ChangedPaths;
import org.patchlane.thread.SeriesPatch;

/** Which commits may have an open patch's patch-id, from their changed and deleted files alone. */
class PatchFilesTest {

    /** the open patches' files (patches split by ';', "?" a patch with a patch-id but no files, "!" one without a
     *  patch-id) | the commit's changed files | its deleted files | may match */
    @ParameterizedTest(name = "[{index}] {0} vs +{1} -{2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
            a.c                 | a.c         |         | true
            a.c                 | b.c         |         | false
            a.c;b.c             | b.c         |         | true
            a.c b.c             | a.c b.c     |         | true
            b.c a.c             | a.c b.c     |         | true
            a.c                 | a.c b.c     |         | false
            a.c b.c             | a.c         |         | false
            a.c b.c             | b.c         |         | false
            new/a.c             | new/a.c     | old/a.c | true
            old/a.c new/a.c     | new/a.c     | old/a.c | true
            old/a.c             | new/a.c     | old/a.c | false
            gone.c              |             | gone.c  | true
            gone.c kept.c       | kept.c      | gone.c  | true
            gone.c              |             | other.c | false
            a.c                 |             |         | false
            ?                   | b.c         |         | true
            !a.c                | a.c         |         | false
            !a.c;a.c b.c        | a.c         |         | false
            x/a.c;x/a.c x/b.c   | x/b.c x/a.c |         | true
            MAINTAINERS a.c;MAINTAINERS b.c;MAINTAINERS | MAINTAINERS b.c | | true
            MAINTAINERS a.c;MAINTAINERS b.c | MAINTAINERS c.c | | false
            """)
    void mayMatch(String patches, String changed, String deleted, boolean expected) {
        List<SeriesPatch> open = new ArrayList<>();
        for (String p : patches.split(";")) {
            boolean noId = p.startsWith("!");
            String files = noId ? p.substring(1) : p;
            open.add(patch(noId ? null : "1".repeat(40), files.equals("?") ? List.of() : words(files)));
        }
        assertEquals(expected, PatchFiles.of(open).test(new ChangedPaths(words(changed), words(deleted))));
    }

    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.strip().split("\\s+"));
    }

    private static SeriesPatch patch(String patchId, List<String> files) {
        return new SeriesPatch(1, 1, "m@x", List.of("m@x"), "[PATCH] t", "t", patchId, null, files, null, List.of(),
                List.of(), null);
    }
}
