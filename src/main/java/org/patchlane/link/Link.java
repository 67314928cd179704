package org.patchlane.link;

import org.patchlane.review.LinkEdit;
import org.patchlane.thread.Series;

/**
 * One link from a series to another, seen from the first: a prerequisite it needs, or a user that needs it.
 *
 * @param other         the linked series
 * @param version       the version of {@code other} the link concerns: for a prerequisite, the one it was built on
 *                      (named, or whose symbols it uses); for a user, its latest
 * @param latestVersion {@code other}'s latest version
 * @param ownVersion    the version of this series the link concerns (a user's prerequisite version, or the version
 *                      that states a prerequisite)
 * @param kind          how it is known
 * @param evidence      the line or the symbols that prove it
 * @param givenIn       the Message-ID that holds the evidence
 * @param confidence    0..1
 * @param edit          the maintainer's edit behind it: the one that added it ({@link LinkKind#MANUAL}), or, in
 *                      {@link Links#removedPrerequisites()}/{@link Links#removedUsers()}, the one that removed it;
 *                      null for a link the mail gives and nobody touched
 */
public record Link(Series other, int version, int latestVersion, int ownVersion, LinkKind kind, String evidence,
                   String givenIn, double confidence, LinkEdit edit) {
    /** A link the mail gives. */
    public Link(Series other, int version, int latestVersion, int ownVersion, LinkKind kind, String evidence,
                String givenIn, double confidence) {
        this(other, version, latestVersion, ownVersion, kind, evidence, givenIn, confidence, null);
    }

    /** The same link as removed by this edit. */
    Link removedBy(LinkEdit removal) {
        return new Link(other, version, latestVersion, ownVersion, kind, evidence, givenIn, confidence, removal);
    }

    /** True when a newer version of the other series exists than the one this link concerns. */
    public boolean outdated() {
        return version < latestVersion;
    }
}
