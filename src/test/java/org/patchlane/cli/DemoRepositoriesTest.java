package org.patchlane.cli;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.git.Commit;
import org.patchlane.git.Repo;
import org.patchlane.git.Tag;
import org.patchlane.patch.PatchId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's repositories: the same ids in every run, the ones the demo's pull mails name, a 6.20 cycle. */
class DemoRepositoriesTest {
    @Test
    void idsAreStableAndAreTheOnesThePullMailsName(@TempDir Path dir) throws Exception {
        DemoRepositories.Ids first = DemoRepositories.ids(dir.resolve("a.git"));
        DemoRepositories.Ids again = DemoRepositories.ids(dir.resolve("b.git"));
        assertEquals(first, again, "fixed people, dates and files: the same commits");
        String mbox;
        try (InputStream in = getClass().getResourceAsStream(DemoCommand.ARCHIVE)) {
            mbox = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        List<String> bases = all(mbox, "The following changes since commit ([0-9a-f]{40}):");
        List<String> heads = all(mbox, "for you to fetch changes up to ([0-9a-f]{40}):");
        assertEquals(List.of(first.rc4(), first.rc4(), first.rc4(), first.forNextHns(), first.rc4()), bases);
        assertEquals(List.of(first.mlx5Head(), first.irdmaHead(), first.hnsHead(), first.hns3Announced(),
                first.umrHead()), heads);
        assertFalse(first.hns3Moved().equals(first.hns3Announced()), "the hns3 branch moved after its mail");
    }

    private static List<String> all(String text, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void linuxHasTheCycleForNextAndAnExportWithoutAUser(@TempDir Path dir) throws Exception {
        DemoRepositories.Ids ids = DemoRepositories.build(dir);
        assertTrue(DemoRepositories.present(dir));
        try (Repo linux = Repo.open(dir.resolve(DemoRepositories.LINUX))) {
            List<String> names = linux.tags().stream().map(Tag::name).sorted().toList();
            assertEquals(List.of("v6.19", "v6.20-rc1", "v6.20-rc2", "v6.20-rc3", "v6.20-rc4", "v6.20-rc5", "v6.20-rc6"),
                    names);
            for (Tag t : linux.tags()) {
                assertEquals(DayOfWeek.SUNDAY, t.date().atOffset(ZoneOffset.ofHours(-8)).getDayOfWeek(), t.name());
                if (t.name().equals("v6.20-rc6")) assertEquals("2026-11-29", t.date().toString().substring(0, 10));
            }
            assertEquals(ids.rc4(), linux.resolve("v6.20-rc4").orElseThrow());
            assertTrue(linux.reachable(ids.rc4(), "refs/heads/master"));
            assertTrue(linux.reachable(ids.forNextHns(), "refs/heads/for-next"));
            assertFalse(linux.reachable(ids.forNextHns(), "refs/heads/master"), "for-next is not upstream");
            String diff = linux.diffText(linux.resolve("v6.20-rc1~2").orElseThrow());
            assertTrue(diff.contains("+EXPORT_SYMBOL_GPL(auxiliary_device_find_by_id);"), diff);
            // nothing else in v6.20-rc6 calls it: the export never gets its user
            assertEquals(List.of("drivers/base/auxiliary.c", "include/linux/auxiliary_bus.h"),
                    linux.diffstat(linux.resolve("v6.19").orElseThrow(), "v6.20-rc6").stream()
                            .map(f -> f.path()).filter(p -> p.contains("auxiliary")).toList());
        }
        for (String tree : DemoRepositories.TREES)
            try (Repo r = Repo.open(dir.resolve(DemoRepositories.REMOTES).resolve(tree))) {
                assertTrue(r.reachable(ids.rc4(), "refs/heads/master"), tree + " shares upstream's commits");
            }
    }

    /**
     * The two requests that carry a series posted on the list: each commit's patch-id is its posted patch's (the
     * mails' diffs are the commits'), Leon's commits have the trailers the list gave, and hns 1/2 lacks Leon's
     * Reviewed-by.
     */
    @Test
    void postedSeriesAreTheBranchesCommits(@TempDir Path dir) throws Exception {
        DemoRepositories.build(dir);
        DemoRepositories.Ids ids = DemoRepositories.ids(dir.resolve("ids.git"));
        Map<String, String> posted = postedPatchIds(mbox());
        try (Repo leon = Repo.open(dir.resolve(DemoRepositories.REMOTES).resolve("leon/linux-rdma.git"));
             Repo hns = Repo.open(dir.resolve(DemoRepositories.REMOTES).resolve("hisilicon/linux.git"))) {
            List<Commit> umr = leon.range(ids.rc4(), ids.umrHead());
            List<Commit> bond = hns.range(ids.rc4(), ids.hnsHead());
            assertEquals(2, umr.size());
            assertEquals(2, bond.size());
            for (Commit c : umr)
                assertEquals(posted.get(c.subject()), PatchId.compute(leon.diffText(c.id())), c.subject());
            for (Commit c : bond)
                assertEquals(posted.get(c.subject()), PatchId.compute(hns.diffText(c.id())), c.subject());
            for (Commit c : umr) {
                assertTrue(c.message().contains("Reviewed-by: Jason Gunthorpe <jgg@nvidia.com>"), c.message());
                assertEquals(c.subject().contains("cached"), c.message().contains("Acked-by: Saeed Mahameed"),
                        "Saeed acked 2/2 only");
            }
            for (Commit c : bond) assertFalse(c.message().contains("Reviewed-by:"), "the hns tag has no trailer");
        }
        assertTrue(mbox().contains("\nReviewed-by: Leon Romanovsky <leon@kernel.org>\n"));
    }

    private String mbox() throws java.io.IOException {
        try (InputStream in = getClass().getResourceAsStream(DemoCommand.ARCHIVE)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** The patch-id of every posted patch of the two series, by its title (the commit's subject). */
    private static Map<String, String> postedPatchIds(String mbox) {
        Map<String, String> out = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^Subject: \\[PATCH (?:rdma|for)-next [12]/2\\] (RDMA/(?:mlx5: \\S+ the "
                + "(?:UMR|cached UMR)|hns: (?:Serialize|Drop)).*)$").matcher(mbox);
        while (m.find()) {
            int start = mbox.indexOf("\ndiff --git ", m.end());
            int end = mbox.indexOf("\n-- \n", start);
            String id = PatchId.compute(mbox.substring(start + 1, end + 1));
            assertTrue(out.put(m.group(1), id) == null, "posted once: " + m.group(1));
        }
        assertEquals(4, out.size(), out.toString());
        return out;
    }
}
