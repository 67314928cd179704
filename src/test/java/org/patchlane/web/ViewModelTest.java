package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchlane.store.Hit;

class ViewModelTest {
    @Test
    void bodyLinesColourDiffsOnlyInsideDiffs() {
        String text = String.join("\n", "Text.", "- a list item", "---", " a.c | 2 +-", "> quoted", "--- a/a.c",
                "+++ b/a.c", "@@ -1 +1 @@ f()", "-old", "+new", " same", "-- ", "2.47.0", "");
        assertEquals(List.of("plain", "plain", "plain", "plain", "quote", "meta", "meta", "hunk", "del", "add", "plain",
                "sig", "sig"), BodyLine.of(text).stream().map(BodyLine::kind).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a <b> c|2|5|a ,false;<b>,true; c,false",
            "teardown|0|8|teardown,true",
            "abc|1|9|a,false;bc,true",
            "abc|3|3|abc,false"})
    void segmentsCutAtHighlights(String snippet, int start, int end, String expected) {
        List<Segment> want = java.util.Arrays.stream(expected.split(";"))
                .map(s -> new Segment(s.substring(0, s.lastIndexOf(',')), Boolean.parseBoolean(s.substring(s.lastIndexOf(',') + 1))))
                .toList();
        assertEquals(want, Segment.split(snippet, List.of(new Hit.Highlight(start, end))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "|a/b+c d@x.org|/all/a%2Fb%2Bc%20d%40x.org/",
            "linux-rdma|20261103.1-1-leon@example.org|/linux-rdma/20261103.1-1-leon%40example.org/"})
    void messageLinksAreLoreStyle(String list, String id, String expected) {
        assertEquals(expected, Links.message(list == null ? "" : list, id));
    }
}
