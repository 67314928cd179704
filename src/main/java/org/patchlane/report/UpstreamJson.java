package org.patchlane.report;

import java.util.List;

import org.patchlane.review.Upstream;

/**
 * Merged detection's finding on a series' latest version (docs/json.md, UPSTREAM): in {@code series --json},
 * {@code acks --json}, {@code /api/series/{id}} and {@code merged --json}.
 *
 * @param state   {@code merged} or {@code partly-merged}
 * @param release the release the series first shipped in complete (the latest of its patches' first tags), or null
 *                while a found patch is in no release yet
 */
public record UpstreamJson(String state, String version, String repository, String checked, String release,
                           List<PatchJson> patches) {
    /** One patch: how it was found, its upstream commits, the first release tag containing them. */
    public record PatchJson(int index, String title, String match, List<String> commits, String release) {
    }

    /** Null for none. */
    public static UpstreamJson of(Upstream u) {
        if (u == null) return null;
        return new UpstreamJson(u.state().jsonName(), u.version(), u.repository(), Json.date(u.checked()),
                u.state() == org.patchlane.review.ReviewState.MERGED ? u.release() : null,
                u.patches().stream().map(p -> new PatchJson(p.index(), p.title(), p.match().jsonName(), p.commits(),
                        p.release())).toList());
    }
}
