package org.patchlane.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.patchlane.review.ReviewState;
import org.patchlane.thread.Applied;
import org.patchlane.thread.GivenTrailer;
import org.patchlane.thread.Post;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * A series as its mail stood at an instant: the versions posted before it, the trailers and notices given before it,
 * each version's state from that mail (as threading derives it). So a digest of a past week checks and waits on
 * the series as the list saw it at the week's end, not as it is now.
 */
final class SeriesAt {
    private SeriesAt() {
    }

    /**
     * The series at {@code until} (epoch ms, exclusive), or null when no version was posted before it; the series
     * itself when later mail changed none of its versions.
     *
     * @param posts the posts of the series' members, for the dates of the mails giving trailers
     */
    static Series of(Series s, long until, Map<String, Post> posts) {
        List<SeriesVersion> kept = new ArrayList<>();
        for (SeriesVersion v : s.versions()) if (v.date() < until) kept.add(v);
        if (kept.isEmpty()) return null;
        if (kept.size() == s.versions().size() && s.lastActivity() < until) return s;
        List<SeriesVersion> versions = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) versions.add(version(kept.get(i), i == kept.size() - 1, until, posts));
        // Mail after the instant changed nothing of these versions (replies without trailers, later notices aside):
        // the series itself, whose links the snapshot remembers.
        if (kept.size() == s.versions().size() && versions.equals(s.versions())) return s;
        List<String> members = s.members().stream().filter(id -> {
            Post p = posts.get(id);
            return p == null || p.date() < until;
        }).toList();
        SeriesVersion latest = versions.get(versions.size() - 1);
        return new Series(s.id(), latest.title(), latest.sender(), s.changeId(), Math.min(s.lastActivity(), until - 1),
                s.lists(), members, versions);
    }

    private static SeriesVersion version(SeriesVersion v, boolean latest, long until, Map<String, Post> posts) {
        List<SeriesPatch> patches = new ArrayList<>();
        long nackAt = 0, reviewAt = 0, appliedAt = 0;
        boolean reviewed = false;
        boolean allApplied = !v.patches().isEmpty();
        for (SeriesPatch p : v.patches()) {
            List<GivenTrailer> trailers = new ArrayList<>();
            for (GivenTrailer t : p.trailers()) {
                long at = dateOf(t.givenIn(), posts);
                if (!t.inPatch() && !t.carried() && at >= until) continue;
                trailers.add(t);
                if (t.inPatch()) continue;
                if (t.kind().equals("Nacked-by")) {
                    if (!t.carried()) nackAt = Math.max(nackAt, Math.max(1, at));
                } else {
                    reviewed = true;
                    if (!t.carried()) reviewAt = Math.max(reviewAt, at);
                }
            }
            Applied applied = p.applied() != null && p.applied().date() < until ? p.applied() : null;
            if (applied == null) allApplied = false;
            else appliedAt = Math.max(appliedAt, applied.date());
            patches.add(new SeriesPatch(p.index(), p.total(), p.messageId(), p.postings(), p.subject(), p.title(),
                    p.patchId(), p.author(), p.files(), p.change(), trailers, p.findings(), applied));
        }
        Applied merged = v.merged() != null && v.merged().date() < until ? v.merged() : null;
        ReviewState state = ReviewState.fromMail(latest, merged != null, allApplied, nackAt > 0, reviewed, v.rfc());
        long since = switch (state) {
            case MERGED -> merged.date();
            case APPLIED -> appliedAt;
            case CHANGES_REQUESTED -> nackAt;
            case UNDER_REVIEW -> Math.max(reviewAt, v.date());
            default -> v.date();
        };
        return new SeriesVersion(v.version(), v.label(), v.cover(), v.title(), v.sender(), v.date(), v.rfc(),
                v.partial(), v.predecessor(), state.jsonName(), since, v.lists(), v.problems(), patches, merged);
    }

    /** A carried trailer was given on an earlier version, so before this one was posted: kept. */
    private static long dateOf(String messageId, Map<String, Post> posts) {
        Post p = posts.get(messageId);
        return p == null ? 0 : p.date();
    }
}
