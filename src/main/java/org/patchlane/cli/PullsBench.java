package org.patchlane.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.patchlane.cli.measure.Trees;
import org.patchlane.git.ConfigFile;
import org.patchlane.git.Repo;
import org.patchlane.git.SyntheticRepo;
import org.patchlane.mail.Address;
import org.patchlane.patch.PullRequest;
import org.patchlane.pull.PendingPull;
import org.patchlane.pull.PostedPatch;
import org.patchlane.pull.PullReport;
import org.patchlane.pull.RepoSettings;
import org.patchlane.pull.Repositories;
import org.patchlane.view.Plural;
import org.patchlane.review.Policy;

/**
 * {@code bench pulls}: the repository (FILES files in 100 driver directories, COMMITS upstream commits,
 * generated once and kept beside the data directory), PULLS pending requests of five commits each, every fifth
 * editing the files of the one before it so the volatile for-next has conflicts; then every request's fetch-free
 * checks plus the volatile for-next, RUNS times in this JVM after a warm-up.
 */
final class PullsBench {
    static final int DRIVERS = 100;
    static final int COMMITS_PER_PULL = 5;
    static final double TARGET_SECONDS = 10;

    /**
     * The figures.
     *
     * @param generateSeconds how long the repository took to write (0 when it was already there)
     * @param seconds         each timed run: checks of every request plus the volatile for-next
     */
    record Figures(int files, int commits, int pulls, double generateSeconds, List<Double> seconds, double median,
                   int clean, int conflicts, boolean meetsTarget) {
        String text() {
            return String.format("pulls: %s and %s upstream, %s: checks and volatile for-next median %.2f s %s "
                            + "(%d clean, %d left out of the for-next; target %.0f s: %s)%s",
                    Plural.of(files, "file"), Plural.of(commits, "commit"), Plural.of(pulls, "pull request"), median,
                    BenchCommand.figures(seconds), clean, conflicts, TARGET_SECONDS, meetsTarget ? "met" : "missed",
                    generateSeconds > 0 ? String.format("; the repository took %.0f s to write", generateSeconds) : "");
        }
    }

    static Figures run(Path dir, int files, int commits, int pulls, int runs, Consumer<String> progress)
            throws IOException {
        Path git = dir.resolve("bench-repo-" + files + "-" + commits + ".git");
        double generated = 0;
        if (!Files.exists(git.resolve("refs/heads/bench-done"))) {
            progress.accept("bench pulls: writing " + git);
            long start = System.nanoTime();
            Trees.delete(git);
            try (SyntheticRepo s = SyntheticRepo.create(git, 11, DRIVERS, Math.max(1, files / DRIVERS))) {
                s.history(commits, Math.max(1, commits / 10));
                for (int i = 0; i < pulls; i++) {
                    boolean conflicting = i % 5 == 4;
                    int driver = conflicting ? driver(i - 1) : driver(i);
                    s.branch(ref(i), driver, 0, COMMITS_PER_PULL, author(i), i);
                }
                s.branch("refs/heads/bench-done", 0, 0, 1, author(0), 999);
            }
            generated = (System.nanoTime() - start) / 1e9;
        }
        Path conf = dir.resolve("bench-pulls.conf");
        StringBuilder areas = new StringBuilder();
        for (int d = 0; d < DRIVERS; d++)
            areas.append("[area \"d").append(d).append("\"]\n\tkind = driver\n\tpath = drivers/d").append(d)
                    .append("/\n\tmaintainer = ").append(author(d)).append('\n');
        Files.writeString(conf, areas);
        Policy policy = Policy.load(ConfigFile.read(conf), dir);
        RepoSettings settings = new RepoSettings("bench", git, "refs/heads/master", null, List.of(), 6);
        PostedPatch.Lookup nothingPosted = new PostedPatch.Lookup() {
            public Optional<PostedPatch> byPatchId(String patchId) {
                return Optional.empty();
            }

            public List<PostedPatch> version(String seriesId, String version) {
                return List.of();
            }
        };
        List<PendingPull> requests = requests(git, pulls);
        List<Double> seconds = new ArrayList<>();
        int clean = 0, conflicts = 0;
        for (int run = 0; run <= runs; run++) {
            // each run opens the repository afresh, as each 'pulls' does: nothing merged is remembered between runs
            try (Repositories repos = Repositories.open(List.of(settings), null)) {
                long start = System.nanoTime();
                Instant now = Instant.now();
                List<PullReport> reports = repos.check(requests, policy, nothingPosted, now);
                Repositories.ForNext next = repos.forNext(reports, null, now);
                double s = (System.nanoTime() - start) / 1e9;
                if (run > 0) seconds.add(s);
                clean = (int) reports.stream().filter(PullReport::clean).count();
                conflicts = next.result().conflicts().size();
                progress.accept(String.format("bench pulls: run %d%s %.2f s", run, run == 0 ? " (warm-up)" : "", s));
            }
        }
        double median = seconds.stream().sorted().toList().get(seconds.size() / 2);
        return new Figures(files, commits, pulls, generated, seconds, median, clean, conflicts, median <= TARGET_SECONDS);
    }

    /** The requests as their mails would announce them: base the upstream tip, head the branch, its shortlog and files. */
    private static List<PendingPull> requests(Path git, int pulls) throws IOException {
        List<PendingPull> out = new ArrayList<>();
        try (Repo r = Repo.open(git)) {
            String base = r.resolve("refs/heads/master").orElseThrow();
            for (int i = 0; i < pulls; i++) {
                String head = r.resolve(ref(i)).orElseThrow();
                List<PullRequest.ShortlogEntry> shortlog = new ArrayList<>();
                for (var c : r.range(base, head)) shortlog.add(new PullRequest.ShortlogEntry(c.authorName(), c.subject()));
                List<String> files = r.diffstat(base, head).stream().map(f -> f.path()).toList();
                String author = author(i);
                out.add(new PendingPull("bench-pull-" + i + "@example.org", "[GIT PULL] bench " + i,
                        new Address(author.substring(0, author.indexOf('<')).strip(),
                                author.substring(author.indexOf('<') + 1, author.indexOf('>'))),
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * i), "bench",
                        new PullRequest(base, git.toUri().toString(), ref(i), head, shortlog, files)));
                // the request's ref is already where fetch would put it
                new org.patchlane.git.TrialMerge(r).writeRef(out.get(i).localRef(), head);
            }
        }
        return out;
    }

    private static int driver(int i) {
        return (i * 7) % DRIVERS;
    }

    private static String ref(int i) {
        return "refs/heads/bench-pull-" + i;
    }

    private static String author(int i) {
        return "Driver Maintainer" + i + " <maint" + i + "@example.org>";
    }
}
