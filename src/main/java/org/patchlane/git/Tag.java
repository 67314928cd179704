package org.patchlane.git;

import java.time.Instant;

/**
 * A tag, peeled to its commit.
 *
 * @param name   without {@code refs/tags/}
 * @param commit the commit it names
 * @param date   the tagger's date for an annotated tag, else the commit's committer date
 */
public record Tag(String name, String commit, Instant date) {
}
