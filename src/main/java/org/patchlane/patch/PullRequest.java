package org.patchlane.patch;

import java.util.List;

/**
 * A {@code git request-pull} message (DESIGN.md §3). Fields not found are null (lists empty).
 *
 * @param base     the 40-hex (or abbreviated) commit the changes are since
 * @param url      the repository URL
 * @param ref      the tag or branch to pull
 * @param head     the commit to fetch up to
 * @param shortlog authors with their commit subjects
 * @param files    files named in the diffstat
 */
public record PullRequest(String base, String url, String ref, String head, List<ShortlogEntry> shortlog,
                          List<String> files) {
    public PullRequest {
        shortlog = List.copyOf(shortlog);
        files = List.copyOf(files);
    }

    /** One commit of the shortlog: its author (from the "Name (N):" group header) and subject. */
    public record ShortlogEntry(String author, String subject) {
    }
}
