package org.patchlane.pull;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.patchlane.git.Commit;
import org.patchlane.git.DiffTexts;
import org.patchlane.git.FileChange;
import org.patchlane.git.MergeOutcome;
import org.patchlane.git.Repo;
import org.patchlane.git.TrialMerge;
import org.patchlane.link.Check;
import org.patchlane.link.CheckName;
import org.patchlane.link.Verdict;
import org.patchlane.patch.PatchId;
import org.patchlane.patch.PullRequest;
import org.patchlane.review.AreaKind;
import org.patchlane.review.AreaTouch;
import org.patchlane.review.Policy;
import org.patchlane.review.TouchedAreas;

/**
 * Checks one pending pull request against its repository: seed 000's clean driver pull request. A request whose
 * announced ref has not been fetched is checked from its mail where the mail is enough (paths, uAPI, cut-off) and
 * fails the rest with "not fetched": unchecked is never clean.
 */
public final class PullChecker {
    private final Repo repo;
    private final RepoSettings settings;
    private final Map<String, Repo> shared;
    private final Map<String, RepoSettings> sharedSettings;
    private final Policy policy;
    private final PostedPatch.Lookup posted;
    private final ReleaseCycle cycle;
    private final Instant now;
    private final TrialMerge merges;

    /**
     * @param shared the repositories {@code settings.shared()} names, by name, with their settings
     * @param now    the time trial merge commits are dated (they are never published)
     */
    public PullChecker(Repo repo, RepoSettings settings, Map<RepoSettings, Repo> shared, Policy policy,
                       PostedPatch.Lookup posted, Instant now) throws IOException {
        this(repo, settings, shared, policy, posted, now, new TrialMerge(repo));
    }

    /** @param merges the trial merges, shared with the volatile for-next of the same run */
    PullChecker(Repo repo, RepoSettings settings, Map<RepoSettings, Repo> shared, Policy policy,
                PostedPatch.Lookup posted, Instant now, TrialMerge merges) throws IOException {
        this.merges = merges;
        this.repo = repo;
        this.settings = settings;
        this.shared = new LinkedHashMap<>();
        this.sharedSettings = new LinkedHashMap<>();
        shared.forEach((s, r) -> {
            this.shared.put(s.name(), r);
            this.sharedSettings.put(s.name(), s);
        });
        this.policy = policy;
        this.posted = posted;
        this.cycle = new ReleaseCycle(repo.tags(), settings.cutoff());
        this.now = now;
    }

    /** Every check of a request, in a fixed order: base, head, range, paths, uapi, series, cut-off, merge. */
    public List<Check> check(PendingPull p) throws IOException {
        PullRequest r = p.request();
        Optional<String> head = repo.resolve(p.localRef());
        List<Check> out = new ArrayList<>();
        out.add(base(r));
        out.add(head(p, head));
        if (head.isEmpty()) {
            out.add(notFetched(CheckName.PR_RANGE, p));
            TouchedAreas mail = policy.areas(r.files());
            out.add(paths(mail, p.from(), "from the mail's diffstat; not fetched yet"));
            out.add(uapi(mail, "from the mail's diffstat"));
            out.add(notFetched(CheckName.PR_SERIES, p));
            out.add(cutoff(p));
            out.add(notFetched(CheckName.PR_MERGE, p));
            return out;
        }
        String tip = head.get();
        String from = rangeBase(r, tip);
        List<Commit> commits = repo.range(from, tip);
        // one walk from the tip to where it meets upstream, rather than an ancestry walk of upstream per commit
        Set<String> notUpstream = new java.util.HashSet<>();
        if (repo.resolve(settings.upstream()).isPresent())
            for (Commit c : repo.range(settings.upstream(), tip)) notUpstream.add(c.id());
        else for (Commit c : commits) notUpstream.add(c.id());
        List<Commit> own = new ArrayList<>();
        for (Commit c : commits) if (!c.merge() && notUpstream.contains(c.id()) && !inSharedTree(c.id())) own.add(c);
        Set<String> files = new TreeSet<>();
        for (Commit c : own) for (FileChange f : repo.diffstat(c.id() + "^", c.id())) files.add(f.path());
        out.add(range(r, from, tip, commits));
        TouchedAreas touched = policy.areas(files);
        String scope = own.size() + " commit" + (own.size() == 1 ? "" : "s") + " of its own, "
                + (commits.size() - own.size()) + " shared or merges ignored";
        out.add(paths(touched, p.from(), scope));
        out.add(uapi(touched, scope));
        out.add(series(own));
        out.add(cutoff(p));
        out.add(merge(tip));
        return out;
    }

    private Check base(PullRequest r) throws IOException {
        if (r.base() == null) return fail(CheckName.PR_BASE, "the request names no base commit");
        Optional<String> base = repo.resolve(r.base());
        if (base.isEmpty()) {
            for (Map.Entry<String, Repo> s : shared.entrySet()) {
                Optional<String> there = s.getValue().resolve(r.base());
                if (there.isPresent() && s.getValue().reachable(there.get(), sharedSettings.get(s.getKey()).upstream()))
                    return pass(CheckName.PR_BASE, "base " + shortId(there.get()) + " (" + s.getValue().commit(there.get())
                            .subject() + ") is in the shared tree " + s.getKey());
            }
            return fail(CheckName.PR_BASE, "base " + r.base() + " is unknown to " + settings.name()
                    + (shared.isEmpty() ? "" : " and to the shared trees " + String.join(", ", shared.keySet()))
                    + ": not upstream, or the repositories need a fetch");
        }
        String subject = repo.commit(base.get()).subject();
        if (repo.reachable(base.get(), settings.upstream()))
            return pass(CheckName.PR_BASE, "base " + shortId(base.get()) + " (" + subject + ") is in "
                    + settings.name() + " " + settings.upstream());
        for (Map.Entry<String, Repo> s : shared.entrySet())
            if (s.getValue().reachable(base.get(), sharedSettings.get(s.getKey()).upstream()))
                return pass(CheckName.PR_BASE, "base " + shortId(base.get()) + " (" + subject
                        + ") is in the shared tree " + s.getKey());
        return fail(CheckName.PR_BASE, "base " + shortId(base.get()) + " (" + subject + ") is not in "
                + settings.upstream() + (shared.isEmpty() ? "" : " nor in " + String.join(", ", shared.keySet()))
                + ": the request is based on unmerged work");
    }

    private Check head(PendingPull p, Optional<String> fetched) {
        PullRequest r = p.request();
        if (fetched.isEmpty())
            return fail(CheckName.PR_HEAD, "not fetched yet: run patchlane fetch (" + r.url() + " " + r.ref() + ")");
        if (r.head() == null)
            return fail(CheckName.PR_HEAD, "the request announces no head commit; fetched " + shortId(fetched.get()));
        if (!fetched.get().startsWith(r.head().toLowerCase(Locale.ROOT)))
            return fail(CheckName.PR_HEAD, r.ref() + " is at " + shortId(fetched.get()) + ", the request announces "
                    + r.head() + ": the branch moved after the request was sent");
        return pass(CheckName.PR_HEAD, r.ref() + " is at the announced " + shortId(fetched.get()));
    }

    /** Where the request's range starts: its base when the repository has it, else where the head leaves upstream. */
    private String rangeBase(PullRequest r, String tip) throws IOException {
        if (r.base() != null) {
            Optional<String> b = repo.resolve(r.base());
            if (b.isPresent() && repo.reachable(b.get(), tip)) return b.get();
        }
        return repo.mergeBase(settings.upstream(), tip).orElse(null);
    }

    private boolean inSharedTree(String commit) throws IOException {
        for (Map.Entry<String, Repo> s : shared.entrySet())
            if (s.getValue().reachable(commit, sharedSettings.get(s.getKey()).upstream())) return true;
        return false;
    }

    /** The mail's shortlog and diffstat against the range: what git request-pull would have written. */
    private Check range(PullRequest r, String from, String tip, List<Commit> commits) throws IOException {
        List<String> evidence = new ArrayList<>();
        Map<String, Integer> claimed = new HashMap<>();
        for (PullRequest.ShortlogEntry e : r.shortlog()) claimed.merge(e.subject().strip(), 1, Integer::sum);
        Map<String, Integer> real = new HashMap<>();
        for (Commit c : commits) if (!c.merge()) real.merge(c.subject().strip(), 1, Integer::sum);
        List<String> missing = new ArrayList<>(), extra = new ArrayList<>();
        real.forEach((s, n) -> { if (claimed.getOrDefault(s, 0) < n) missing.add(s); });
        claimed.forEach((s, n) -> { if (real.getOrDefault(s, 0) < n) extra.add(s); });
        if (r.shortlog().isEmpty()) evidence.add("the mail has no shortlog");
        for (String s : sorted(missing)) evidence.add("commit not in the mail's shortlog: " + s);
        for (String s : sorted(extra)) evidence.add("in the mail's shortlog, not in the range: " + s);
        Set<String> realFiles = new TreeSet<>();
        if (from != null) for (FileChange f : repo.diffstat(from, tip)) realFiles.add(f.path());
        Set<String> mailFiles = new LinkedHashSet<>(r.files());
        for (String f : realFiles) if (!mentioned(mailFiles, f)) evidence.add("changed, not in the mail's diffstat: " + f);
        for (String f : mailFiles) if (realFiles.stream().noneMatch(x -> sameFile(f, x)))
            evidence.add("in the mail's diffstat, not changed: " + f);
        boolean clean = evidence.isEmpty();
        if (clean) evidence.add(commits.size() + " commits and " + realFiles.size()
                + " files, as the mail's shortlog and diffstat say");
        return new Check(CheckName.PR_RANGE, clean ? Verdict.PASS : Verdict.FAIL, evidence, List.of());
    }

    /** A diffstat may shorten a long path to {@code .../tail}. */
    private static boolean sameFile(String mail, String real) {
        return mail.equals(real) || mail.startsWith("...") && real.endsWith(mail.substring(3));
    }

    private static boolean mentioned(Set<String> mail, String real) {
        for (String m : mail) if (sameFile(m, real)) return true;
        return false;
    }

    /**
     * The sender's own area decides: the touched area that lists the sender, else the driver area with the most
     * files, else the area with the most files; every other file is outside it.
     */
    private Check paths(TouchedAreas touched, org.patchlane.mail.Address sender, String scope) {
        List<String> evidence = new ArrayList<>();
        AreaTouch main = null;
        for (AreaTouch t : touched.areas()) if (main == null || rank(t, sender) > rank(main, sender)) main = t;
        if (main == null) {
            evidence.add("no file lies in a known area (" + scope + ")");
            return new Check(CheckName.PR_PATHS, touched.uncovered().isEmpty() ? Verdict.NOT_APPLICABLE : Verdict.FAIL,
                    evidence, List.of());
        }
        boolean ok = main.area().kind() == AreaKind.DRIVER;
        if (!ok) evidence.add("most files lie in " + main.area().name() + ", which is " + main.area().kind().configName()
                + ", not a driver's own directory");
        for (AreaTouch t : touched.areas())
            if (t != main) {
                ok = false;
                evidence.add(t.paths().size() + " file" + (t.paths().size() == 1 ? "" : "s") + " outside "
                        + main.area().name() + ", in " + t.area().name() + " (" + t.area().kind().configName() + "): "
                        + String.join(", ", t.paths()));
            }
        if (!touched.uncovered().isEmpty()) {
            ok = false;
            evidence.add("in no area: " + String.join(", ", touched.uncovered()));
        }
        if (ok) evidence.add("all " + main.paths().size() + " files lie in " + main.area().name() + " (driver; "
                + scope + ")");
        return new Check(CheckName.PR_PATHS, ok ? Verdict.PASS : Verdict.FAIL, evidence, List.of());
    }

    /** Sender's area first, then driver areas, then by file count. */
    private static long rank(AreaTouch t, org.patchlane.mail.Address sender) {
        boolean own = false;
        for (org.patchlane.mail.Address a : t.contacts().maintainers()) own |= a.samePerson(sender);
        for (org.patchlane.mail.Address a : t.contacts().reviewers()) own |= a.samePerson(sender);
        return (own ? 2L << 40 : 0) + (t.area().kind() == AreaKind.DRIVER ? 1L << 40 : 0) + t.paths().size();
    }

    private static Check uapi(TouchedAreas touched, String scope) {
        if (touched.uapi().isEmpty()) return pass(CheckName.PR_UAPI, "no user-space API header (" + scope + ")");
        return new Check(CheckName.PR_UAPI, Verdict.FAIL,
                touched.uapi().stream().map(f -> "touches the user-space API: " + f).toList(), List.of());
    }

    /** The commits posted on the list first, as patches: same patch-ids, and the trailers given there. */
    private Check series(List<Commit> own) throws IOException {
        Map<String, PostedPatch> byCommit = new LinkedHashMap<>();
        record Version(String seriesId, String label) {
            @Override
            public String toString() {
                return "series " + seriesId + " v" + label;
            }
        }
        Set<Version> versions = new LinkedHashSet<>();
        try (DiffTexts diffs = new DiffTexts(repo)) {
            for (Commit c : own) {
                String id = PatchId.compute(diffs.of(c.id()));
                if (id == null) continue;
                Optional<PostedPatch> p = posted.byPatchId(id);
                if (p.isPresent()) {
                    byCommit.put(c.id(), p.get());
                    versions.add(new Version(p.get().seriesId(), p.get().version()));
                }
            }
        }
        if (byCommit.isEmpty())
            return new Check(CheckName.PR_SERIES, Verdict.NOT_APPLICABLE,
                    List.of("none of its " + own.size() + " commits was posted on the list as a patch"), List.of());
        List<String> evidence = new ArrayList<>();
        boolean ok = true;
        for (Version v : versions) {
            for (PostedPatch p : posted.version(v.seriesId(), v.label())) {
                if (byCommit.containsValue(p)) continue;
                ok = false;
                evidence.add("patch " + p.index() + " of " + v + " (" + p.title()
                        + ") is in no commit with its patch-id: changed after review, or left out");
            }
        }
        for (Commit c : own) {
            PostedPatch p = byCommit.get(c.id());
            if (p == null) {
                evidence.add("commit " + shortId(c.id()) + " (" + c.subject() + ") was not posted with the series");
                ok = false;
                continue;
            }
            String message = c.message().toLowerCase(Locale.ROOT);
            for (String t : p.trailers())
                if (!message.contains(t.toLowerCase(Locale.ROOT))) {
                    ok = false;
                    evidence.add("commit " + shortId(c.id()) + " (" + c.subject() + ") lost \"" + t + "\", given on "
                            + p.messageId());
                }
        }
        if (ok) evidence.add(byCommit.size() + " commits are the patches of "
                + String.join(", ", versions.stream().map(Version::toString).toList())
                + ", with every trailer given on the list");
        return new Check(CheckName.PR_SERIES, ok ? Verdict.PASS : Verdict.FAIL, evidence, List.of());
    }

    private Check cutoff(PendingPull p) {
        return cycle.timing(p.date())
                .map(t -> new Check(CheckName.PR_CUTOFF, t.onTime() ? Verdict.PASS : Verdict.FAIL, List.of(t.evidence()),
                        List.<Check.Missing>of()))
                .orElseGet(() -> new Check(CheckName.PR_CUTOFF, Verdict.NOT_APPLICABLE,
                        List.of(settings.name() + " has no release tag (vX.Y, vX.Y-rcN) before " + p.date()), List.of()));
    }

    private Check merge(String tip) throws IOException {
        List<String> evidence = new ArrayList<>();
        boolean ok = true;
        TrialMerge m = merges;
        List<String> targets = new ArrayList<>(List.of(settings.upstream()));
        if (settings.next() != null) targets.add(settings.next());
        for (String target : targets) {
            if (repo.resolve(target).isEmpty()) {
                ok = false;
                evidence.add(target + " is not in " + settings.name());
                continue;
            }
            MergeOutcome o = m.merge(target, tip, "trial merge", now);
            if (o.clean()) evidence.add("merges cleanly into " + target);
            else {
                ok = false;
                evidence.add("conflicts with " + target + " in " + String.join(", ", o.conflicts()));
            }
        }
        return new Check(CheckName.PR_MERGE, ok ? Verdict.PASS : Verdict.FAIL, evidence, List.of());
    }

    private static Check notFetched(CheckName name, PendingPull p) {
        return fail(name, "not fetched yet: run patchlane fetch (" + p.request().url() + " " + p.request().ref() + ")");
    }

    private static Check pass(CheckName name, String evidence) {
        return new Check(name, Verdict.PASS, List.of(evidence), List.of());
    }

    private static Check fail(CheckName name, String evidence) {
        return new Check(name, Verdict.FAIL, List.of(evidence), List.of());
    }

    private static List<String> sorted(List<String> s) {
        return s.stream().sorted().toList();
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
