package org.patchlane.pull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.patchlane.git.Repo;
import org.patchlane.git.Tag;
import org.patchlane.git.TreeGrep;
import org.patchlane.link.Check;
import org.patchlane.link.CheckName;
import org.patchlane.link.Verdict;
import org.patchlane.patch.Diffs;
import org.patchlane.patch.Exports;
import org.patchlane.review.ReviewState;
import org.patchlane.review.Upstream;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;

/**
 * Seeds 002/004's rule, checked in the repository (issue 13, point 5): an export a merged infrastructure series added
 * must have an in-tree user by the next release, else it is a revert candidate. The exports are those of the merged
 * commits' diffs (what {@code check}'s exports check reads in the posted patches); a user is a {@code .c} or
 * {@code .h} file of the next release's tree that names the symbol, other than the file exporting it and the headers
 * the series itself touched (which declare it).
 */
public final class ExportsRelease {
    /** The evidence of a series the check does not concern. */
    public static final String NOT_INFRASTRUCTURE = "not an infrastructure series";
    private static final Pattern PLUS_FILE = Pattern.compile("^\\+\\+\\+ b/(.+)$");
    private final Repo repo;
    private final Releases releases;

    public ExportsRelease(Repo repo) throws IOException {
        this.repo = repo;
        this.releases = new Releases(repo.tags());
    }

    /** An exported symbol as merged: the macro that exports it, the file, the release it first shipped in. */
    record Export(String symbol, String macro, String file) {
    }

    /**
     * The {@code exports-release} check of one series.
     *
     * @param upstream       merged detection's finding on its latest version, or null
     * @param infrastructure whether it touches an infrastructure area
     */
    public Check check(Series series, Upstream upstream, boolean infrastructure) throws IOException {
        if (!infrastructure) return na(NOT_INFRASTRUCTURE);
        if (upstream == null || upstream.state() != ReviewState.MERGED)
            return na(upstream == null ? "not merged upstream: nothing to check yet"
                    : "partly merged: checked once every patch is upstream");
        List<Export> exports = exports(upstream);
        if (exports.isEmpty()) return na("its merged commits export nothing");
        String shipped = null;
        for (Upstream.Patch p : upstream.patches()) {
            if (p.release() == null) return na("merged after the latest release tag: not in a release yet, so not due "
                    + "before the release after the one it ships in");
            if (shipped == null || releases.order(p.release()) > releases.order(shipped)) shipped = p.release();
        }
        Optional<Tag> next = releases.next(shipped);
        String name = "series " + series.id();
        if (next.isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (Export e : exports)
                lines.add(e.macro() + "(" + e.symbol() + ") added in " + shipped + " by " + name + ": not due until "
                        + releases.nextName(shipped));
            return new Check(CheckName.EXPORTS_RELEASE, Verdict.NOT_APPLICABLE, lines, List.of());
        }
        Set<String> ownHeaders = new TreeSet<>();
        for (SeriesPatch p : series.latest().patches())
            for (String f : p.files()) if (f.endsWith(".h")) ownHeaders.add(f);
        Map<String, List<String>> mentions = TreeGrep.mentions(repo, next.get().commit(),
                exports.stream().map(Export::symbol).toList());
        boolean ok = true;
        List<String> lines = new ArrayList<>();
        for (Export e : exports) {
            List<String> users = new ArrayList<>();
            for (String path : mentions.get(e.symbol()))
                if (!path.equals(e.file()) && !ownHeaders.contains(path)) users.add(path);
            String head = e.macro() + "(" + e.symbol() + ") added in " + shipped + " by " + name;
            if (users.isEmpty()) {
                ok = false;
                lines.add(head + "; no user in " + next.get().name() + "'s tree: a revert candidate");
            } else {
                lines.add(head + "; used in " + next.get().name() + " by " + String.join(", ",
                        users.subList(0, Math.min(3, users.size()))) + (users.size() > 3 ? " and " + (users.size() - 3)
                        + " more" : ""));
            }
        }
        return new Check(CheckName.EXPORTS_RELEASE, ok ? Verdict.PASS : Verdict.FAIL, lines, List.of());
    }

    /** The symbols the merged commits export, each with its macro and file, in commit order, each once. */
    List<Export> exports(Upstream upstream) throws IOException {
        Map<String, Export> out = new LinkedHashMap<>();
        for (Upstream.Patch p : upstream.patches()) {
            if (p.commits().isEmpty()) continue;
            String diff = repo.diffText(p.commits().get(0));
            for (String symbol : Exports.added(Diffs.parse(diff))) {
                if (out.containsKey(symbol)) continue;
                out.put(symbol, where(diff, symbol));
            }
        }
        return List.copyOf(out.values());
    }

    /** The added line exporting {@code symbol}: its macro and file. */
    private static Export where(String diff, String symbol) {
        Pattern line = Pattern.compile("^\\+\\s*(EXPORT_SYMBOL\\w*)\\s*\\(\\s*" + Pattern.quote(symbol) + "\\b");
        String file = null;
        for (String l : diff.split("\n")) {
            Matcher f = PLUS_FILE.matcher(l);
            if (f.matches()) file = f.group(1);
            else {
                Matcher m = line.matcher(l);
                if (m.find()) return new Export(symbol, m.group(1), file);
            }
        }
        return new Export(symbol, "EXPORT_SYMBOL", file);
    }

    private static Check na(String why) {
        return new Check(CheckName.EXPORTS_RELEASE, Verdict.NOT_APPLICABLE, List.of(why), List.of());
    }
}
