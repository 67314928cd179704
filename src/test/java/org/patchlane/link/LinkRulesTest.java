package org.patchlane.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

/**
 * The rules that keep false links out, each found on real list mail: a symbol link reaches only a definition
 * posted before its user and within {@link Linker#SYMBOL_HORIZON_MS}; a series never needs its own work posted
 * again (a backport or repost with the same patch-id, an earlier version grouping missed).
 */
class LinkRulesTest {
    private static final String INFRA = "bar-1@core.org";

    @TempDir
    Path tmp;

    private static ListMail infra() {
        return ListMail.of(INFRA, "Cora Core <cora@core.org>", "[PATCH] lib: add bar_table_lookup()",
                "Sun, 01 Nov 2026 10:00:00 +0000").body("A lookup helper.")
                .diff("include/linux/bar_table.h", "+int bar_table_lookup(const char *key);")
                .diff("lib/bar_table.c", " #include <linux/bar_table.h>", "+int bar_table_lookup(const char *key)",
                        "+{", "+\treturn 0;", "+}", "+EXPORT_SYMBOL_GPL(bar_table_lookup);");
    }

    private static ListMail user(String id, String date) {
        return ListMail.of(id, "Uma User <uma@drv.org>", "[PATCH] drv: look up " + id.substring(0, 2),
                date).body("Use the helper.")
                .diff("drivers/misc/drv/" + id.substring(0, 2) + ".c", " static int drv_probe(void)", " {",
                        "+\treturn bar_table_lookup(\"drv\");");
    }

    @Test
    void aSymbolLinkNeedsTheDefinitionPostedBeforeAndRecently() throws Exception {
        List<ListMail> mails = List.of(infra(),
                user("d1-early@drv.org", "Fri, 30 Oct 2026 10:00:00 +0000"),
                user("d2-late@drv.org", "Tue, 01 Jun 2027 10:00:00 +0000"),
                user("d3-next@drv.org", "Thu, 05 Nov 2026 10:00:00 +0000"));
        try (Searcher s = LinkerTest.ingest(mails, tmp.resolve("data"))) {
            Linker linker = new Linker(s.links());
            assertEquals(List.of(), linker.prerequisites(series(s, "d1-early@drv.org")), "posted before the API");
            assertEquals(List.of(), linker.prerequisites(series(s, "d2-late@drv.org")), "seven months later");
            List<Link> next = linker.prerequisites(series(s, "d3-next@drv.org"));
            assertEquals(1, next.size());
            assertEquals(LinkKind.SYMBOL, next.get(0).kind());
            assertEquals(List.of(series(s, "d3-next@drv.org").id()),
                    linker.users(series(s, INFRA)).stream().map(l -> l.other().id()).toList());
        }
    }

    @Test
    void proseNamingAQuotedTitleLinksToTheSeriesWithIt() throws Exception {
        // Case, spacing and a final period do not count; a title nobody posted and one in a mere mention do not link.
        ListMail named = ListMail.of("t1@drv.org", "Uma User <uma@drv.org>", "[PATCH] drv: cache the lookups",
                "Tue, 03 Nov 2026 10:00:00 +0000")
                .body("This depends on \"lib:  Add bar_table_lookup().\" from Cora, not yet merged.")
                .diff("drivers/misc/drv/c.c", " static int drv_probe(void)", " {", "+\treturn 1;");
        ListMail unknown = ListMail.of("t2@drv.org", "Uma User <uma@drv.org>", "[PATCH] drv: trim the lookups",
                "Tue, 03 Nov 2026 11:00:00 +0000")
                .body("This depends on \"lib: add baz_table_lookup()\", posted elsewhere.")
                .diff("drivers/misc/drv/d.c", " static int drv_probe(void)", " {", "+\treturn 2;");
        try (Searcher s = LinkerTest.ingest(List.of(infra(), named, unknown), tmp.resolve("data"))) {
            for (var lookups : List.of(s.links(), s.linkSnapshot())) {
                Linker linker = new Linker(lookups);
                List<Link> needs = linker.prerequisites(series(s, "t1@drv.org"));
                assertEquals(1, needs.size(), needs.toString());
                assertEquals(series(s, INFRA).id(), needs.get(0).other().id());
                assertEquals(LinkKind.PROSE, needs.get(0).kind());
                assertEquals("This depends on \"lib: Add bar_table_lookup().\" from Cora, not yet merged.",
                        needs.get(0).evidence());
                assertEquals(List.of(), linker.prerequisites(series(s, "t2@drv.org")));
                assertEquals(List.of(series(s, "t1@drv.org").id()),
                        linker.users(series(s, INFRA)).stream().map(l -> l.other().id()).toList());
            }
        }
    }

    @Test
    void aRepostOrBackportOfTheSamePatchIsNoPrerequisite() throws Exception {
        ListMail backport = ListMail.of("stable-1@kernel.org", "Sam Stable <sam@kernel.org>",
                "[PATCH 6.6 12/40] lib: add bar_table_lookup()", "Mon, 16 Nov 2026 10:00:00 +0000")
                .body("[ Upstream commit 0123456789ab ]\n\nA lookup helper.\n\n"
                        + "Link: https://lore.kernel.org/r/" + INFRA)
                .diff("include/linux/bar_table.h", "+int bar_table_lookup(const char *key);")
                .diff("lib/bar_table.c", " #include <linux/bar_table.h>", "+int bar_table_lookup(const char *key)",
                        "+{", "+\treturn 0;", "+}", "+EXPORT_SYMBOL_GPL(bar_table_lookup);");
        try (Searcher s = LinkerTest.ingest(List.of(infra(), backport), tmp.resolve("data"))) {
            Series b = series(s, "stable-1@kernel.org");
            Series i = series(s, INFRA);
            assertEquals(false, b.id().equals(i.id()), "two series: another sender");
            assertEquals(List.of(), new Linker(s.links()).prerequisites(b));
        }
    }

    @Test
    void anEarlierVersionGroupingMissedIsNoPrerequisite() throws Exception {
        ListMail v1 = ListMail.of("qux-v1@drv.org", "Uma User <uma@drv.org>", "[PATCH] drv: quiet the probe",
                "Mon, 02 Nov 2026 10:00:00 +0000").body("Quieter.")
                .diff("drivers/misc/drv/a.c", " static int drv_probe(void)", " {", "+\tpr_debug(\"probe\\n\");");
        ListMail v2 = ListMail.of("qux-v2@drv.org", "Uma User <uma@drv.org>", "[PATCH v2] drv: quiet the probe",
                "Mon, 09 Nov 2026 10:00:00 +0000").body("Moved to b.c.\n\nLink to v1: https://lore.kernel.org/r/qux-v1@drv.org")
                .diff("drivers/misc/drv/b.c", " static int drv_init(void)", " {", "+\tpr_debug(\"init\\n\");");
        try (Searcher s = LinkerTest.ingest(List.of(v1, v2), tmp.resolve("data"))) {
            Series second = series(s, "qux-v2@drv.org");
            Series first = series(s, "qux-v1@drv.org");
            assertEquals(false, second.id().equals(first.id()), "no file in common: two series");
            assertEquals(List.of(), new Linker(s.links()).prerequisites(second));
        }
    }

    @Test
    void aHugeIdentifierIsStoredCutNotFatal() throws Exception {
        String huge = "bar_table_" + "x".repeat(100_000);
        ListMail hostile = ListMail.of("huge-1@drv.org", "Uma User <uma@drv.org>", "[PATCH] drv: a very long name",
                "Thu, 05 Nov 2026 10:00:00 +0000").body("Generated code.")
                .diff("drivers/misc/drv/gen.c", " static int drv_probe(void)", " {", "+\treturn " + huge + "();");
        try (Searcher s = LinkerTest.ingest(List.of(infra(), hostile), tmp.resolve("data"))) {
            assertEquals(2, s.stats().messages(), "both stored");
            assertEquals(List.of(), new Linker(s.links()).prerequisites(series(s, "huge-1@drv.org")));
        }
    }

    private static Series series(Searcher s, String messageId) throws Exception {
        return s.seriesOf(messageId).orElseThrow(() -> new AssertionError("no series for " + messageId));
    }
}
