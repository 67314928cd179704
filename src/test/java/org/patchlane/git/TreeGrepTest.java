package org.patchlane.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code git grep -w} of C files at a revision, from the object database. */
class TreeGrepTest {
    @TempDir
    Path tmp;

    /** text | word | found */
    @ParameterizedTest(name = "[{index}] {0} ~ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            aux_get(a);             | aux_get | true
            aux_get                 | aux_get | true
            x = aux_get;            | aux_get | true
            aux_get_all(a);         | aux_get | false
            my_aux_get(a);          | aux_get | false
            aux_get2(a);            | aux_get | false
            my_aux_get aux_get      | aux_get | true
            aux_ge                  | aux_get | false
            '*aux_get'              | aux_get | true
            """)
    void wholeWordsOnly(String text, String word, boolean found) {
        assertEquals(found, TreeGrep.containsWord(text.getBytes(StandardCharsets.UTF_8),
                word.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void theTreeAtARevisionNotTheWorkingOne() throws Exception {
        try (TestRepo t = TestRepo.init(tmp.resolve("r"))) {
            String old = t.commit("A <a@example.org>", "one", Map.of("drivers/a.c", "aux_get(x);\n",
                    "Documentation/a.rst", "aux_get\n", "include/a.h", "int aux_get(void);\n", "drivers/b.c", "nothing\n"));
            t.commit("A <a@example.org>", "two", Map.of("drivers/b.c", "aux_get(y); aux_put(y);\n"));
            try (Repo r = Repo.open(tmp.resolve("r"))) {
                assertEquals(Map.of("aux_get", List.of("drivers/a.c", "include/a.h"), "aux_put", List.of()),
                        TreeGrep.mentions(r, old, List.of("aux_get", "aux_put")));
                assertEquals(List.of("drivers/a.c", "drivers/b.c", "include/a.h"),
                        TreeGrep.mentions(r, "master", List.of("aux_get")).get("aux_get"));
            }
        }
    }
}
