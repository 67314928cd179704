package org.patchlane.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.patchlane.mail.Address;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterdiffJsonTest {
    static final Address ADA = new Address("Ada", "ada@example.org");

    static String text(String line) {
        return "x: one\n\nSigned-off-by: Ada <ada@example.org>\n---\ndiff --git a/x.c b/x.c\nindex 1..2 100644\n"
                + "--- a/x.c\n+++ b/x.c\n@@ -1,2 +1,2 @@\n a\n-b\n+" + line + "\n";
    }

    static SeriesVersion version(String label, String... titles) {
        List<SeriesPatch> ps = new ArrayList<>();
        for (int i = 0; i < titles.length; i++) {
            ps.add(new SeriesPatch(i + 1, titles.length, "v" + label + "-" + (i + 1), List.of(), titles[i], titles[i],
                    null, ADA, List.of("x.c"), null, List.of(), List.of(), null));
        }
        return new SeriesVersion(Integer.parseInt(label.split("\\.")[0]), label, null, titles[0], ADA, 0, false, false,
                null, "new", 0, List.of(), List.of(), ps, null);
    }

    static Series series(SeriesVersion... vs) {
        return new Series("s1", "x: one", ADA, null, 0, List.of(), List.of(), List.of(vs));
    }

    static final Map<String, String> TEXTS = Map.of("v1-1", text("c"), "v2-1", text("C"), "v3-1", text("C"),
            "v3-2", text("d"));

    @Test
    void defaultsAndSelection() throws Exception {
        Series s = series(version("1", "x: one"), version("2", "x: one"), version("3", "x: one", "x: two"));
        InterdiffJson latest = InterdiffJson.of(s, null, null, null, TEXTS::get);
        assertEquals(List.of("2", "3"), List.of(latest.from(), latest.to()));
        assertEquals(List.of("none", "both"), latest.patches().stream().map(InterdiffJson.PatchJson::scope).toList());
        InterdiffJson first = InterdiffJson.of(s, null, "2", null, TEXTS::get);
        assertEquals("1", first.from());
        assertEquals("code", first.patches().get(0).scope());
        InterdiffJson added = InterdiffJson.of(s, "v1", null, 2, TEXTS::get);
        assertEquals(0, added.paired());
        assertEquals("added", added.patches().get(0).pairing());
    }

    @Test
    void oneVersionIsNothingToCompareNotBadInput() {
        InterdiffJson.NotFound e = assertThrows(InterdiffJson.NotFound.class,
                () -> InterdiffJson.of(series(version("1", "x: one")), null, null, null, TEXTS::get));
        assertFalse(e.badInput());
        assertTrue(e.getMessage().contains("has one version"), e.getMessage());
        assertTrue(assertThrows(InterdiffJson.NotFound.class, () -> InterdiffJson.of(series(version("1", "x: one"),
                version("2", "x: one")), "4", null, null, TEXTS::get)).badInput());
    }

    @Test
    void aPatchMissingFromTheArchiveIsSaidNotCompared() throws Exception {
        Series s = series(version("1", "x: one"), version("2", "x: one"));
        InterdiffJson d = InterdiffJson.of(s, null, null, null, id -> id.equals("v1-1") ? null : TEXTS.get(id));
        assertEquals("unknown", d.patches().get(0).scope());
        assertEquals("v1-1", d.patches().get(0).missing());
        assertTrue(d.patches().get(0).files().isEmpty());
        assertEquals(null, InterdiffJson.of(s, null, null, null, TEXTS::get).patches().get(0).missing());
    }
}
