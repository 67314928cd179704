package org.patchlane.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.git.Repo;
import org.patchlane.git.SyntheticHistory;
import org.patchlane.git.TestRepo;
import org.patchlane.mail.Address;
import org.patchlane.patch.Diffs;
import org.patchlane.patch.FileDiff;
import org.patchlane.patch.PatchId;
import org.patchlane.review.ReviewState;
import org.patchlane.review.Upstream;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * Merged detection on a real repository: only commits that change exactly an open patch's files are diffed for their
 * patch-id; one with the same files but another diff is not matched by patch-id (though by author and subject when
 * those agree); one with other files is never diffed, and the cache keeps only its files.
 */
class MergeDetectorTest {
    private static final String DEV = "Dev One <dev@example.org>";
    private static final String OTHER = "Other Dev <other@example.org>";
    private static final Instant NOW = Instant.parse("2026-10-01T00:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void diffsOnlyCommitsWithAnOpenPatchsFiles() throws Exception {
        Map<String, String> commits = new LinkedHashMap<>();
        try (TestRepo t = TestRepo.init(tmp.resolve("r"))) {
            commits.put("root", t.commit(DEV, "initial", Map.of("drv/a.c", TestRepo.lines("a", 40),
                    "drv/b.c", TestRepo.lines("b", 40), "drv/c.c", TestRepo.lines("c", 40),
                    "drv/e.c", TestRepo.lines("e", 40))));
            commits.put("applied", t.commit(DEV, "drv: fix a", Map.of("drv/a.c",
                    TestRepo.lines("a", 40).replace("a 5\n", "five\n"))));
            commits.put("other diff", t.commit(OTHER, "drv: tweak a", Map.of("drv/a.c",
                    TestRepo.lines("a", 40).replace("a 5\n", "five\n").replace("a 30\n", "thirty\n"))));
            commits.put("other files", t.commit(DEV, "drv: fix b", Map.of("drv/b.c",
                    TestRepo.lines("b", 40).replace("b 9\n", "nine\n"))));
            Map<String, String> rename = new HashMap<>();
            rename.put("drv/c.c", null);
            rename.put("drv/core/c.c", TestRepo.lines("c", 40).replace("c 20\n", "twenty\n"));
            commits.put("renamed", t.commit(DEV, "drv: move c to core", rename));
            commits.put("fixed up", t.commit(DEV, "drv: fix e", Map.of("drv/e.c",
                    TestRepo.lines("e", 40).replace("e 33\n", "fixed up\n"))));
        }
        Path data = tmp.resolve("data");
        try (Repo repo = Repo.open(tmp.resolve("r"))) {
            // posted as applied; posted with a.c's other change; posted as renamed; posted before being fixed up
            SeriesPatch applied = posted(1, repo.diffText(commits.get("applied")), DEV, "drv: fix a");
            String tweak = repo.diffText(commits.get("other diff")).replace("+thirty", "+THIRTY");
            SeriesPatch otherDiff = posted(1, tweak, DEV, "drv: tweak a differently");
            SeriesPatch renamed = posted(1, repo.diffText(commits.get("renamed")), DEV, "drv: move c to core");
            String before = repo.diffText(commits.get("fixed up")).replace("+fixed up", "+as posted");
            SeriesPatch fixedUp = posted(1, before, DEV, "drv: fix e");
            List<MergeDetector.Candidate> open = List.of(candidate("s1", applied), candidate("s2", otherDiff),
                    candidate("s3", renamed), candidate("s4", fixedUp));

            PatchIdCache cache = PatchIdCache.open(data);
            MergeDetector.Result r = detector(repo, cache).detect(open, NOW);
            assertEquals(Map.of("s1", Upstream.Match.PATCH_ID, "s3", Upstream.Match.PATCH_ID,
                    "s4", Upstream.Match.AUTHOR_SUBJECT), matches(r), "s2's commit has its files, not its diff");
            assertEquals(List.of(commits.get("applied")), r.found().get(0).patches().get(0).commits());
            assertEquals(ReviewState.MERGED, r.found().get(0).state());
            // every commit's files read; only the four with a posted patch's files diffed ("other files" and the
            // root, whose three files no patch has, never are)
            assertEquals(6, cache.pathsComputed());
            assertEquals(4, cache.computed());
            cache.save();

            Map<String, String> lines = lines(data);
            assertEquals("paths\t+drv/b.c", lines.get(commits.get("other files")));
            assertEquals("paths\t+drv/a.c\t+drv/b.c\t+drv/c.c\t+drv/e.c", lines.get(commits.get("root")));
            assertEquals(PatchId.compute(repo.diffText(commits.get("applied"))), lines.get(commits.get("applied")));
            assertEquals(PatchId.compute(repo.diffText(commits.get("other diff"))), lines.get(commits.get("other diff")));

            PatchIdCache again = PatchIdCache.open(data);
            assertEquals(matches(r), matches(detector(repo, again).detect(open, NOW)));
            assertEquals(0, again.computed(), "nothing new to diff");
            assertEquals(0, again.pathsComputed(), "nor any tree to read");

            // a patch of b.c posted later: the commit whose files were cached only is diffed now, and its id kept
            SeriesPatch late = posted(1, repo.diffText(commits.get("other files")), DEV, "drv: fix b, posted later");
            PatchIdCache third = PatchIdCache.open(data);
            MergeDetector.Result r3 = detector(repo, third).detect(List.of(candidate("s5", late)), NOW);
            assertEquals(Map.of("s5", Upstream.Match.PATCH_ID), matches(r3));
            assertEquals(1, third.computed());
            third.save();
            assertEquals(PatchId.compute(repo.diffText(commits.get("other files"))),
                    lines(data).get(commits.get("other files")));
        }
    }

    @Test
    void readsIdOnlyFilesOfEarlierVersionsAndSkipsDamagedLines() throws Exception {
        String a = "a".repeat(40), b = "b".repeat(40), c = "c".repeat(40), d = "d".repeat(40), e = "e".repeat(40);
        String f = "f".repeat(40), many = "0".repeat(40);
        StringBuilder root = new StringBuilder(many).append("\tpaths"); // a root commit of the whole tree
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            all.add("drivers/d" + i / 100 + "/f" + i + ".c");
            root.append("\t+").append(all.get(i));
        }
        Files.createDirectories(tmp.resolve("data/merged"));
        Files.writeString(tmp.resolve("data/merged/patch-ids.tsv"), a + "\t" + "1".repeat(40) + "\n" + b + "\t-\n"
                + c + "\tpaths\t+dir/with%09tab.c\t-old%25.c\n" + d + "\tnot a patch-id\n" + "short\t-\n"
                + e + "\tpaths\t+a.c\tb.c\n" + f + "\tpathsx\t+a.c\n" + root + "\n", StandardCharsets.UTF_8);
        try (TestRepo t = TestRepo.init(tmp.resolve("r"))) {
            t.commit(DEV, "initial", Map.of("x.c", "x\n"));
        }
        try (Repo repo = Repo.open(tmp.resolve("r"))) {
            PatchIdCache cache = PatchIdCache.open(tmp.resolve("data"));
            List<org.patchlane.git.ChangedPaths> asked = new ArrayList<>();
            Map<String, String> ids = cache.patchIds(repo, List.of(a, b, c, many), p -> {
                asked.add(p);
                return false;
            });
            assertEquals(Map.of(a, "1".repeat(40)), ids);
            assertEquals(List.of(new org.patchlane.git.ChangedPaths(List.of("dir/with\ttab.c"), List.of("old%.c")),
                    new org.patchlane.git.ChangedPaths(all, List.of())), asked,
                    "only the commits with files alone are tested, their paths unescaped");
            assertEquals(0, cache.computed());
        }
    }

    /**
     * A cache file that is not all UTF-8 is still read, bar the damaged line; a truncated one's last line (no line
     * end, its paths possibly cut short) is not trusted: that commit's files are read from its trees again.
     */
    @Test
    void readsAroundBytesThatAreNotUtf8AndDropsACutShortLastLine() throws Exception {
        String commit;
        try (TestRepo t = TestRepo.init(tmp.resolve("r"))) {
            commit = t.commit(DEV, "initial", Map.of("drv/a.c", "a\n", "drv/b.c", "b\n"));
        }
        String a = "a".repeat(40), b = "b".repeat(40);
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.writeBytes((a + "\t" + "1".repeat(40) + "\n").getBytes(StandardCharsets.US_ASCII));
        file.writeBytes((b + "\tpaths\t+caf").getBytes(StandardCharsets.US_ASCII));
        file.write(0xe9); // latin-1, not UTF-8
        file.writeBytes((".c\n" + commit + "\tpaths\t+drv/a.c\t+drv/b").getBytes(StandardCharsets.US_ASCII));
        Files.createDirectories(tmp.resolve("data/merged"));
        Files.write(tmp.resolve("data/merged/patch-ids.tsv"), file.toByteArray());
        try (Repo repo = Repo.open(tmp.resolve("r"))) {
            PatchIdCache cache = PatchIdCache.open(tmp.resolve("data"));
            List<org.patchlane.git.ChangedPaths> asked = new ArrayList<>();
            Map<String, String> ids = cache.patchIds(repo, List.of(a, commit), p -> {
                asked.add(p);
                return false;
            });
            assertEquals(Map.of(a, "1".repeat(40)), ids);
            assertEquals(List.of(new org.patchlane.git.ChangedPaths(List.of("drv/a.c", "drv/b.c"), List.of())), asked,
                    "the cut-short line's paths are read from the trees, not from the file");
            assertEquals(1, cache.pathsComputed());
        }
    }

    /** Enough commits for several threads: each id is the one a single formatter computes, none lost or swapped. */
    @Test
    void idsComputedInParallelAreThoseOfOneFormatter() throws Exception {
        List<SyntheticHistory.Made> made = SyntheticHistory.generate(tmp.resolve("g.git"), 400, 200, 0,
                NOW.minus(Duration.ofDays(10)), 7);
        try (Repo repo = Repo.open(tmp.resolve("g.git"))) {
            List<String> ids = made.stream().map(SyntheticHistory.Made::id).toList();
            PatchIdCache cache = PatchIdCache.inMemory();
            Map<String, String> got = cache.patchIds(repo, ids, p -> true);
            assertEquals(400, cache.computed());
            Map<String, String> expected = new HashMap<>();
            for (String c : ids) {
                String pid = PatchId.compute(repo.diffText(c));
                if (pid != null) expected.put(c, pid);
            }
            assertEquals(expected, got);
        }
    }

    /**
     * One worker failing (a commit the repository lacks) stops the others at their next commit, and the call returns
     * only once none of them still reads the repository its caller is about to close.
     */
    @Test
    void aFailingWorkerStopsTheOthersBeforeTheCallReturns() throws Exception {
        List<SyntheticHistory.Made> made = SyntheticHistory.generate(tmp.resolve("g.git"), 400, 200, 0,
                NOW.minus(Duration.ofDays(10)), 7);
        List<String> ids = new ArrayList<>();
        ids.add("0".repeat(40)); // the first chunk's worker fails at once; the others have theirs under way
        made.forEach(m -> ids.add(m.id()));
        try (Repo repo = Repo.open(tmp.resolve("g.git"))) {
            PatchIdCache cache = PatchIdCache.inMemory();
            java.util.concurrent.atomic.AtomicInteger looked = new java.util.concurrent.atomic.AtomicInteger();
            org.junit.jupiter.api.Assertions.assertThrows(org.eclipse.jgit.errors.MissingObjectException.class,
                    () -> cache.patchIds(repo, ids, p -> looked.incrementAndGet() > 0));
            int atReturn = looked.get();
            Thread.sleep(1000); // time for a worker left running to go on (a few hundred commits)
            assertEquals(atReturn, looked.get(), "no commit looked at after the call returned");
            assertTrue(atReturn < 64, atReturn + " commits looked at: the others stopped soon after the failure");
            List<Thread> working = new ArrayList<>();
            Thread.getAllStackTraces().forEach((t, stack) -> {
                for (StackTraceElement e : stack)
                    if (e.getClassName().startsWith(PatchIdCache.class.getName() + "$")) working.add(t);
            });
            assertEquals(List.of(), working, "no worker left diffing");
        }
    }

    @Test
    void escapedPathsReadBack() {
        for (String p : List.of("drivers/net/a.c", "100%.c", "tab\there", "line\nend\r", "%41", "%", "a%4", "%zz"))
            assertEquals(p, PatchIdCache.unescape(PatchIdCache.escape(p)), p);
        assertEquals("drivers/a.c", PatchIdCache.escape("drivers/a.c"));
        assertFalse(PatchIdCache.escape("a\tb").contains("\t"));
    }

    private static MergeDetector detector(Repo repo, PatchIdCache cache) {
        RepoSettings settings = new RepoSettings("linux", Path.of("unused"), RepoSettings.DEFAULT_UPSTREAM, null,
                List.of(), 6);
        return new MergeDetector(repo, settings, Duration.ofDays(180), cache);
    }

    private static Map<String, Upstream.Match> matches(MergeDetector.Result r) {
        Map<String, Upstream.Match> out = new HashMap<>();
        for (Upstream u : r.found()) out.put(u.seriesId(), u.patches().get(0).match());
        return out;
    }

    private static Map<String, String> lines(Path data) throws Exception {
        Map<String, String> out = new HashMap<>();
        for (String l : Files.readAllLines(data.resolve("merged/patch-ids.tsv")))
            out.put(l.substring(0, 40), l.substring(41));
        return out;
    }

    /** A posted patch as the mail parser gives it: its patch-id and its files from the diff text. */
    static SeriesPatch posted(int index, String diff, String author, String title) {
        List<String> files = Diffs.parse(diff).files().stream().map(FileDiff::path).distinct().toList();
        Address a = new Address(author.substring(0, author.indexOf(" <")), author.substring(author.indexOf('<') + 1,
                author.length() - 1));
        String id = "p" + index + "-" + Math.abs(title.hashCode()) + "@example.org";
        return new SeriesPatch(index, 1, id, List.of(id), "[PATCH] " + title, title, PatchId.compute(diff), a, files,
                null, List.of(), List.of(), null);
    }

    static MergeDetector.Candidate candidate(String id, SeriesPatch... patches) {
        long date = NOW.minus(Duration.ofDays(3)).toEpochMilli();
        SeriesVersion v = new SeriesVersion(1, "1", null, patches[0].title(), patches[0].author(), date, false, false,
                null, "new", date, List.of("linux"), List.of(), List.of(patches), null);
        return new MergeDetector.Candidate(new Series(id, v.title(), v.sender(), null, date, List.of("linux"),
                List.of(), List.of(v)), null);
    }
}
