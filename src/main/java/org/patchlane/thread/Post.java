package org.patchlane.thread;

import java.util.List;

import org.patchlane.mail.Address;
import org.patchlane.patch.Finding;
import org.patchlane.patch.MessageKind;
import org.patchlane.patch.Scope;
import org.patchlane.patch.Trailer;
import org.patchlane.review.MailNotice;

/**
 * What threading, series grouping and trailer attribution need to know of one message: small enough to keep beside
 * every message in the index and read back for a thread without re-parsing mail.
 *
 * @param messageId    without brackets
 * @param parents      References oldest first, then In-Reply-To when References does not end with it
 * @param from         the sender
 * @param date         epoch milliseconds, 0 when unknown
 * @param subject      as written
 * @param lists        lists it was received on (several when cross-posted)
 * @param kind         patch, cover, reply, pull, other
 * @param reply        the subject has a reply prefix
 * @param version      the version number ({@code 5} for v5.1)
 * @param versionLabel the version as written ({@code "5.1"})
 * @param index        k of k/N, 0 for a cover, -1 when unnumbered
 * @param total        N of k/N, -1 when unnumbered
 * @param resend       a RESEND tag
 * @param rfc          an RFC tag
 * @param title        the subject without prefixes and tags
 * @param patchId      git patch-id of its diff, or null
 * @param files        paths its diff touches
 * @param changeId     b4's change-id, or null
 * @param supersedes   Message-IDs a {@code Supersedes:} line names
 * @param chain        a patch's own unquoted commit-message trailers, in order (empty for other mail)
 * @param given        a reply's unquoted follow-up trailers ({@code *-by}; a bare NAK names the sender)
 * @param scopes       a reply's "for patches 1-3" / "for the mlx5 bits" remarks
 * @param author       a patch's author: the in-body From when present, else the sender
 * @param findings     a patch's sign-off and Fixes problems
 * @param notice       a reply's "Applied, thanks!" or "has been merged into" notice, or null
 */
public record Post(String messageId, List<String> parents, Address from, long date, String subject, List<String> lists,
                   MessageKind kind, boolean reply, int version, String versionLabel, int index, int total,
                   boolean resend, boolean rfc, String title, String patchId, List<String> files, String changeId,
                   List<String> supersedes, List<Trailer> chain, List<Trailer> given, List<Scope> scopes,
                   Address author, List<Finding> findings, MailNotice notice) {
    public Post {
        parents = List.copyOf(parents);
        lists = List.copyOf(lists);
        files = List.copyOf(files);
        supersedes = List.copyOf(supersedes);
        chain = List.copyOf(chain);
        given = List.copyOf(given);
        scopes = List.copyOf(scopes);
        findings = List.copyOf(findings);
    }

    /** A cover letter or a patch: a message that is part of a series rather than about one. */
    public boolean seriesPart() {
        return kind == MessageKind.PATCH || kind == MessageKind.COVER || pullCover();
    }

    /** A "[PULL 00/29]" request whose patches follow it: a pull request and a series' cover at once. */
    public boolean pullCover() {
        return kind == MessageKind.PULL && index == 0 && total > 0;
    }

    /** The same message received on other lists too. */
    Post withLists(List<String> more) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(lists);
        all.addAll(more);
        return new Post(messageId, parents, from, date, subject, List.copyOf(all), kind, reply, version, versionLabel,
                index, total, resend, rfc, title, patchId, files, changeId, supersedes, chain, given, scopes, author,
                findings, notice);
    }
}
