package org.patchlane.thread;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchlane.mail.Address;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PatchPairTest {
    static SeriesVersion version(int v, String titles) {
        String[] t = titles.split(";");
        List<SeriesPatch> patches = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            patches.add(new SeriesPatch(i + 1, t.length, "v" + v + "-" + (i + 1) + "@example.org", List.of(),
                    "[PATCH v" + v + " " + (i + 1) + "/" + t.length + "] " + t[i], t[i], null,
                    new Address("Noa", "noa@example.org"), List.of(), null, List.of(), List.of(), null));
        }
        return new SeriesVersion(v, String.valueOf(v), null, t[0], new Address("Noa", "noa@example.org"), 0, false,
                false, null, "new", 0, List.of(), List.of(), patches, null);
    }

    /** older titles (;) | newer titles (;) | pairs as "from>to:BY" (0 for none) */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            a: add x;b: use x | a: add x;b: use x | 1>1:TITLE 2>2:TITLE
            a: add x;b: use x | a: add x;c: new;b: use x | 1>1:TITLE 0>2:ADDED 2>3:TITLE
            a: add x;c: old;b: use x | a: add x;b: use x | 1>1:TITLE 3>2:TITLE 2>0:DROPPED
            a: add x;b: use x | b: use x;a: add x | 2>1:TITLE 1>2:TITLE
            a: add x;b: use x | a: add x;b: use x for y | 1>1:TITLE 2>2:POSITION
            a: add x;b: use x | A:  Add X;b: use x | 1>1:TITLE 2>2:TITLE
            a: add x | a: add x;b: use x;c: doc | 1>1:TITLE 0>2:ADDED 0>3:ADDED
            a: add x;b: use x;c: doc | b: use x | 2>1:TITLE 1>0:DROPPED 3>0:DROPPED
            a: fix;a: fix | a: fix;a: fix | 1>1:TITLE 2>2:TITLE
            """)
    void pairs(String older, String newer, String expected) {
        String got = PatchPair.of(version(1, older), version(2, newer)).stream()
                .map(p -> (p.from() == null ? 0 : p.from().index()) + ">" + (p.to() == null ? 0 : p.to().index()) + ":" + p.by())
                .collect(Collectors.joining(" "));
        assertEquals(expected, got);
    }
}
