package org.patchlane.git;

import java.time.Instant;

/**
 * A commit as the checks need it.
 *
 * @param id          40 hex
 * @param authorName  the author's name
 * @param authorEmail the author's address, lower case
 * @param authored    the author date
 * @param subject     the first line of the message
 * @param message     the whole message (trailers included)
 * @param parents     how many parents (2+ is a merge)
 */
public record Commit(String id, String authorName, String authorEmail, Instant authored, String subject,
                     String message, int parents) {
    /** A merge commit, which carries no patch of its own. */
    public boolean merge() {
        return parents > 1;
    }
}
