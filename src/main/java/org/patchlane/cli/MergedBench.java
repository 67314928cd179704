package org.patchlane.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.patchlane.cli.measure.Trees;
import org.patchlane.git.Repo;
import org.patchlane.git.SyntheticHistory;
import org.patchlane.mail.Address;
import org.patchlane.patch.Diff;
import org.patchlane.patch.Diffs;
import org.patchlane.patch.FileDiff;
import org.patchlane.pull.MergeDetector;
import org.patchlane.pull.PatchIdCache;
import org.patchlane.pull.RepoSettings;
import org.patchlane.review.ReviewState;
import org.patchlane.review.Upstream;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * {@code bench merged}: merged detection's core on a generated repository (COMMITS commits, release tags every 1,000)
 * and SERIES open series of 3 patches taken from its history: most posted as applied (patch-id), some fixed up on
 * applying (author + subject), some with a patch never applied (partly merged); each patch with its files, as the
 * mail parser gives them. Timed twice in this JVM: the first run reads every commit's changed files and diffs those
 * that change some patch's files, the second finds both cached ({@code DATA/merged/patch-ids.tsv}, read back).
 */
final class MergedBench {
    private MergedBench() {
    }

    /** {@code bench merged --json}. */
    record Figures(int commits, int series, long generateMillis, long coldMillis, long coldCpuMillis, int coldPaths,
                   int coldDiffed, long warmMillis, long warmCpuMillis, int merged, int partlyMerged,
                   int byAuthorSubject) {
    }

    /** Generates into {@code parent/merged-bench} (emptied first: it is the benchmark's own). */
    static Figures run(Path parent, int commits, int seriesCount) throws IOException {
        Path dir = parent.resolve("merged-bench");
        Path repoDir = dir.resolve("linux.git");
        Path data = dir.resolve("data");
        Trees.delete(dir);
        Files.createDirectories(data);
        long t0 = System.nanoTime();
        Instant start = Instant.now().minus(Duration.ofDays(60));
        List<SyntheticHistory.Made> made = SyntheticHistory.generate(repoDir, commits, 5000, 1000, start, 1);
        long generated = (System.nanoTime() - t0) / 1_000_000;
        RepoSettings settings = new RepoSettings("bench", repoDir, RepoSettings.DEFAULT_UPSTREAM, null, List.of(), 6);
        try (Repo repo = Repo.open(repoDir)) {
            List<MergeDetector.Candidate> candidates = candidates(repo, made, seriesCount);
            MergeDetector.Result cold, warm;
            long c0 = System.nanoTime(), cpu0 = cpuNanos();
            PatchIdCache cache = PatchIdCache.open(data);
            cold = new MergeDetector(repo, settings, Duration.ofDays(180), cache).detect(candidates, Instant.now());
            cache.save();
            long coldMs = (System.nanoTime() - c0) / 1_000_000, coldCpu = (cpuNanos() - cpu0) / 1_000_000;
            long w0 = System.nanoTime(), wcpu0 = cpuNanos();
            PatchIdCache again = PatchIdCache.open(data);
            warm = new MergeDetector(repo, settings, Duration.ofDays(180), again).detect(candidates, Instant.now());
            long warmMs = (System.nanoTime() - w0) / 1_000_000, warmCpu = (cpuNanos() - wcpu0) / 1_000_000;
            if (warm.found().size() != cold.found().size())
                throw new IllegalStateException("the cached run found something else");
            int merged = 0, partly = 0, fallback = 0;
            for (Upstream u : warm.found()) {
                if (u.state() == ReviewState.MERGED) merged++;
                else partly++;
                for (Upstream.Patch p : u.patches()) if (p.match() == Upstream.Match.AUTHOR_SUBJECT) fallback++;
            }
            return new Figures(commits, seriesCount, generated, coldMs, coldCpu, cache.pathsComputed(), cache.computed(),
                    warmMs, warmCpu, merged, partly, fallback);
        }
    }

    /** SERIES series of 3 commits each, spread over the history; every 7th fixed up, every 5th missing a patch. */
    private static List<MergeDetector.Candidate> candidates(Repo repo, List<SyntheticHistory.Made> made, int n)
            throws IOException {
        SplittableRandom rnd = new SplittableRandom(2);
        List<MergeDetector.Candidate> out = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            List<SeriesPatch> patches = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                SyntheticHistory.Made c = made.get(rnd.nextInt(made.size()));
                Diff diff = Diffs.parse(repo.diffText(c.id())); // its patch-id computed there too
                String pid = diff.patchId();
                List<String> files = diff.files().stream().map(FileDiff::path).distinct().toList();
                String subject = c.subject();
                if (s % 7 == 0 && k == 0) pid = randomHex(rnd); // changed when applied: same author and subject
                if (s % 5 == 0 && k == 2) {
                    pid = randomHex(rnd);
                    subject = "never applied " + s;
                }
                String who = c.author();
                Address a = new Address(who.substring(0, who.indexOf(" <")), who.substring(who.indexOf('<') + 1,
                        who.length() - 1));
                patches.add(new SeriesPatch(k + 1, 3, "s" + s + "-" + k + "@bench", List.of("s" + s + "-" + k + "@bench"),
                        "[PATCH " + (k + 1) + "/3] " + subject, subject, pid, a, files, null, List.of(), List.of(),
                        null));
            }
            long date = Instant.now().minus(Duration.ofDays(30)).toEpochMilli();
            SeriesVersion v = new SeriesVersion(1, "1", null, patches.get(0).title(), patches.get(0).author(), date,
                    false, false, null, "new", date, List.of("bench"), List.of(), patches, null);
            out.add(new MergeDetector.Candidate(new Series(String.format("%012x", s), v.title(), v.sender(), null,
                    date, List.of("bench"), List.of(), List.of(v)), null));
        }
        return out;
    }

    /** This JVM's CPU time, all threads (the first run diffs on every core). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String randomHex(SplittableRandom rnd) {
        byte[] b = new byte[20];
        for (int i = 0; i < b.length; i++) b[i] = (byte) rnd.nextInt(256);
        return HexFormat.of().formatHex(b);
    }
}
