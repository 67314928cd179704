package org.patchlane.pull;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.patchlane.git.History;
import org.patchlane.git.Repo;
import org.patchlane.review.ReviewState;
import org.patchlane.review.Upstream;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * Merged detection (issue 13, point 4): which patches of open series are in a repository's upstream. Upstream's
 * commits since the window's start (or the oldest base-commit among the series, when older) are walked once and
 * indexed by patch-id and by author + subject; each series' latest version is then looked up patch by patch, so
 * the cost is one pass over the commits whatever the number of series. Only the commits that change exactly the
 * files of some open patch are diffed for their patch-id ({@link PatchFiles}); the others cannot have one that
 * matches, and are found, if fixed up on applying, by author and subject alone. A patch matches a commit with its
 * patch-id, else (a maintainer fixed it up when applying) one with the same author and subject; either way the
 * commit must have landed after the series' base-commit, when the repository has it.
 */
public final class MergeDetector {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{7,40}");
    private static final Pattern TAGS = Pattern.compile("^(\\s*\\[[^\\]]*\\])+\\s*");

    private final Repo repo;
    private final RepoSettings settings;
    private final Duration window;
    private final PatchIdCache cache;

    public MergeDetector(Repo repo, RepoSettings settings, Duration window, PatchIdCache cache) {
        this.repo = repo;
        this.settings = settings;
        this.window = window;
        this.cache = cache;
    }

    /**
     * An open series to look for.
     *
     * @param series     the series (its latest version is looked for)
     * @param baseCommit its {@code base-commit:} marker, or null
     */
    public record Candidate(Series series, String baseCommit) {
    }

    /**
     * What one detection found.
     *
     * @param found    a finding per series with at least one patch upstream, in candidate order
     * @param checked  the series looked for
     * @param commits  the upstream commits walked
     * @param since    how far back they were walked
     */
    public record Result(List<Upstream> found, int checked, int commits, Instant since) {
        public Result {
            found = List.copyOf(found);
        }
    }

    /** Looks for every candidate's latest version upstream. */
    public Result detect(List<Candidate> candidates, Instant now) throws IOException {
        String upstream = settings.upstream();
        if (repo.resolve(upstream).isEmpty())
            throw new IllegalArgumentException(upstream + " is not in [repo \"" + settings.name() + "\"]");
        Instant start = now.minus(window);
        Instant since = start;
        Map<String, Instant> bases = new HashMap<>();
        for (Candidate c : candidates) {
            String b = c.baseCommit() == null ? null : c.baseCommit().strip().toLowerCase(Locale.ROOT);
            if (b == null || !HEX.matcher(b).matches() || bases.containsKey(b)) continue;
            Optional<String> id = repo.resolve(b);
            if (id.isEmpty()) continue;
            Instant t = History.committed(repo, id.get());
            bases.put(b, t);
            if (t.isBefore(since)) since = t;
        }

        List<History.Entry> commits = History.since(repo, upstream, since);
        List<String> singles = new ArrayList<>(commits.size());
        for (History.Entry e : commits) if (!e.commit().merge()) singles.add(e.commit().id());
        List<SeriesPatch> open = new ArrayList<>();
        for (Candidate c : candidates) open.addAll(c.series().latest().patches());
        Map<String, String> patchIds = cache.patchIds(repo, singles, PatchFiles.of(open));
        Map<String, List<History.Entry>> byPatchId = new HashMap<>();
        Map<String, List<History.Entry>> byAuthor = new HashMap<>();
        for (int i = commits.size() - 1; i >= 0; i--) { // oldest first, so each list is
            History.Entry e = commits.get(i);
            if (e.commit().merge()) continue;
            String pid = patchIds.get(e.commit().id());
            if (pid != null) byPatchId.computeIfAbsent(pid, k -> new ArrayList<>()).add(e);
            String subject = normalise(e.commit().subject());
            byAuthor.computeIfAbsent(e.commit().authorEmail() + "\n" + subject, k -> new ArrayList<>()).add(e);
            byAuthor.computeIfAbsent(normalise(e.commit().authorName()) + "\n" + subject, k -> new ArrayList<>()).add(e);
        }

        record Pending(Candidate c, List<Match> patches) {
        }
        List<Pending> pending = new ArrayList<>();
        boolean any = false;
        for (Candidate c : candidates) {
            SeriesVersion v = c.series().latest();
            String b = c.baseCommit() == null ? null : c.baseCommit().strip().toLowerCase(Locale.ROOT);
            Instant after = bases.getOrDefault(b, start);
            List<Match> matches = new ArrayList<>();
            for (SeriesPatch p : v.patches()) {
                Match m = match(p, after, byPatchId, byAuthor);
                matches.add(m);
                any |= m.match() != Upstream.Match.NONE;
            }
            pending.add(new Pending(c, matches));
        }

        Map<String, String> firstTags = any
                ? History.firstTags(repo, new Releases(repo.tags()).tags(), since) : Map.of();
        List<Upstream> found = new ArrayList<>();
        for (Pending p : pending) {
            int hits = 0;
            List<Upstream.Patch> patches = new ArrayList<>();
            List<SeriesPatch> posted = p.c().series().latest().patches();
            for (int i = 0; i < posted.size(); i++) {
                Match m = p.patches().get(i);
                if (m.match() != Upstream.Match.NONE) hits++;
                patches.add(new Upstream.Patch(posted.get(i).index(), posted.get(i).title(), m.match(), m.commits(),
                        m.commits().isEmpty() ? null : firstTags.get(m.commits().get(0))));
            }
            if (hits == 0) continue;
            found.add(new Upstream(p.c().series().id(), p.c().series().latest().label(),
                    hits == posted.size() ? ReviewState.MERGED : ReviewState.PARTLY_MERGED, settings.name(), now,
                    patches));
        }
        return new Result(found, candidates.size(), commits.size(), since);
    }

    private record Match(Upstream.Match match, List<String> commits) {
    }

    private static Match match(SeriesPatch p, Instant after, Map<String, List<History.Entry>> byPatchId,
                               Map<String, List<History.Entry>> byAuthor) {
        List<String> ids = landed(p.patchId() == null ? null : byPatchId.get(p.patchId()), after);
        if (!ids.isEmpty()) return new Match(Upstream.Match.PATCH_ID, ids);
        String subject = normalise(p.title() != null ? p.title() : p.subject());
        if (p.author() != null && !subject.isEmpty()) {
            String email = p.author().email() == null ? "" : p.author().email().toLowerCase(Locale.ROOT);
            ids = landed(byAuthor.get(email + "\n" + subject), after);
            if (ids.isEmpty() && p.author().name() != null && !p.author().name().isBlank())
                ids = landed(byAuthor.get(normalise(p.author().name()) + "\n" + subject), after);
            if (!ids.isEmpty()) return new Match(Upstream.Match.AUTHOR_SUBJECT, ids);
        }
        return new Match(Upstream.Match.NONE, List.of());
    }

    /** The commits that landed after the base (a patch is not merged by a commit its series was built on). */
    private static List<String> landed(List<History.Entry> commits, Instant after) {
        if (commits == null) return List.of();
        List<String> out = new ArrayList<>();
        for (History.Entry e : commits) if (e.committed().isAfter(after)) out.add(e.commit().id());
        return out;
    }

    /** A subject as both sides write it: without [PATCH ...] tags, spacing, case or a final full stop. */
    static String normalise(String subject) {
        if (subject == null) return "";
        String s = TAGS.matcher(subject).replaceFirst("").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
