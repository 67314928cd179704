package org.patchlane.patch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class DiffsTest {

    static String fixture(String name) {
        try (InputStream in = DiffsTest.class.getResourceAsStream("/patch/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One file as "old>new:CHANGE:+a-r" (old> only when it differs), ":bin" when binary. */
    static String describe(FileDiff f) {
        String path = f.oldPath() != null && f.newPath() != null && !f.oldPath().equals(f.newPath())
                ? f.oldPath() + ">" + f.newPath() : f.path();
        return path + ":" + f.change() + ":+" + f.added() + "-" + f.removed() + (f.binary() ? ":bin" : "");
    }

    /** fixture | files (;-joined) | added | removed | has patch-id | hunk headers (;-joined, - none) | problems */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            modify-with-signature.patch | drivers/watchdog/foo_wdt.c:MODIFY:+2-1 | 2 | 1 | true | static int foo_start(struct watchdog_device *wdd) | 0
            dashdash-inside-hunk.patch | doc/list.txt:MODIFY:+0-2 | 0 | 2 | true | - | 0
            rename-only.patch | package/a-old.patch>package/a-000-new.patch:RENAME:+0-0;package/b-old.patch>package/b-001-new.patch:RENAME:+0-0 | 0 | 0 | true | - | 0
            rename-hunk-without-markers.patch | pkg/old name.txt>pkg/new name.txt:RENAME:+1-1 | 1 | 1 | true | - | 0
            add-delete-mode.patch | drivers/watchdog/new_wdt.c:ADD:+4-0;drivers/watchdog/gone_wdt.c:DELETE:+0-2;scripts/check.sh:MODIFY:+0-0;include/linux/empty.h:ADD:+0-0 | 4 | 2 | true | - | 0
            binary.patch | firmware/blob.bin:ADD:+0-0:bin;firmware/old.bin:MODIFY:+0-0:bin;README:MODIFY:+1-1 | 1 | 1 | true | - | 0
            cvs-index.patch | bfd/elf-bfd.h:MODIFY:+1-0;bfd/elflink.c:MODIFY:+1-0 | 2 | 0 | true | struct elf_link_hash_entry;_bfd_elf_link_assign_sym_version (struct | 0
            gnu-diff-urN.patch | drivers/foo.c:MODIFY:+1-1;drivers/new.c:ADD:+1-0 | 2 | 1 | true | - | 0
            plain-ab.patch | lib/x.c:MODIFY:+1-1 | 1 | 1 | false | void x(void) | 0
            no-newline.patch | Makefile:MODIFY:+1-1;link:ADD:+1-0 | 2 | 1 | true | - | 0
            truncated.patch | x.c:MODIFY:+1-1 | 1 | 1 | true | - | 1
            quoted-path.patch | docs/café menu.txt:MODIFY:+1-1 | 1 | 1 | true | - | 0
            then-mime-part.patch | net/core/dev.c:MODIFY:+2-1 | 2 | 1 | true | int dev_open(struct net_device *dev);void dev_close(struct net_device *dev) | 0
            """)
    void parsesFixture(String name, String files, int added, int removed, boolean hasPatchId, String hunkHeaders,
                       int problemCount) {
        String text = fixture(name);
        List<ParseProblem> problems = new ArrayList<>();
        Diff d = Diffs.parse(text, problems);
        assertNotNull(d);
        assertEquals(List.of(files.split(";")), d.files().stream().map(DiffsTest::describe).toList());
        assertEquals(added, d.added(), "added");
        assertEquals(removed, d.removed(), "removed");
        assertEquals(hasPatchId, d.patchId() != null, "patch-id");
        assertEquals(PatchId.compute(text), d.patchId());
        assertEquals(hunkHeaders.equals("-") ? List.of() : List.of(hunkHeaders.split(";")), d.hunkHeaders());
        assertEquals(problemCount, problems.size(), problems.toString());
    }

    @Test
    void proseAndQuotedDiffsAreNoDiff() {
        assertNull(Diffs.parse(fixture("prose-only.txt")));
        assertNull(Diffs.parse(""));
        assertNull(Diffs.parse(null));
    }

    @Test
    void preAndPostImagesHoldTheChangedLines() {
        Diff d = Diffs.parse(fixture("then-mime-part.patch"));
        assertEquals("\tret = 0;", d.preImage());
        assertEquals("\tret = -EINVAL;\n\tb();", d.postImage());
    }

    @Test
    void addedLinesComeInRunsAdjacentInTheNewFile() {
        String text = """
                diff --git a/include/linux/x.h b/include/linux/x.h
                --- a/include/linux/x.h
                +++ b/include/linux/x.h
                @@ -1,4 +1,6 @@
                 a
                -b
                +b1
                +b2
                 c
                +c1
                 d
                @@ -10,1 +12,2 @@
                 e
                +e1
                diff --git a/x.c b/x.c
                --- a/x.c
                +++ b/x.c
                @@ -1,1 +1,2 @@
                +first
                 only
                """;
        Diff d = Diffs.parse(text);
        assertEquals(List.of(2, 1, 1), d.files().get(0).addedRuns());
        assertEquals(List.of(1), d.files().get(1).addedRuns());
        assertEquals(List.of(new AddedBlock("include/linux/x.h", List.of("b1", "b2")),
                new AddedBlock("include/linux/x.h", List.of("c1")), new AddedBlock("include/linux/x.h", List.of("e1")),
                new AddedBlock("x.c", List.of("first"))), d.addedBlocks());
    }

    @Test
    void addedBlocksOfADiffWhoseRunsDoNotMatchItsLinesAreUnknown() {
        Diff handMade = new Diff(List.of(new FileDiff("a.c", "a.c", FileDiff.ChangeKind.MODIFY, 1, 0, false)), 1, 0,
                null, "", "one\ntwo", List.of());
        assertEquals(List.of(), handMade.addedBlocks());
        assertEquals(List.of(), Diffs.parse(fixture("dashdash-inside-hunk.patch")).addedBlocks());
    }

    @Test
    void signatureAfterTheLastHunkIsNotCounted() {
        Diff d = Diffs.parse(fixture("modify-with-signature.patch"));
        assertEquals("\twritel(wdd->timeout * 1000,\n\t       foo->base + FOO_TIMEOUT);", d.postImage());
    }

    @Test
    void truncatedHunkIsReportedWithItsLine() {
        List<ParseProblem> problems = new ArrayList<>();
        Diffs.parse(fixture("truncated.patch"), problems);
        assertEquals(4, problems.get(0).line());
    }

    @Test
    void whitespaceOnlyDifferencesKeepThePatchId() {
        String a = "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a  b\n+a\tc\n";
        String b = "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -7 +7 @@ ctx\n-ab\n+a c\n";
        assertEquals(Diffs.parse(a).patchId(), Diffs.parse(b).patchId());
        assertEquals(40, Diffs.parse(a).patchId().length());
    }

    /** git diff --git header halves, including paths with spaces and " b/" inside names. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a/x.c b/x.c | x.c | x.c
            a/dir/with space.c b/dir/with space.c | dir/with space.c | dir/with space.c
            a/odd b/name b/odd b/name | odd b/name | odd b/name
            a/old.c b/new.c | old.c | new.c
            x.c x.c | x.c | x.c
            """)
    void gitHeaderPaths(String header, String oldPath, String newPath) {
        assertEquals(List.of(oldPath, newPath), List.of(Diffs.gitPaths(header)));
    }
}
