package org.patchlane.pull;

import java.time.Instant;

import org.patchlane.mail.Address;
import org.patchlane.patch.PullRequest;

/**
 * A pull request mail awaiting its merge.
 *
 * @param messageId the request mail
 * @param subject   its subject
 * @param from      its sender
 * @param date      its date
 * @param list      the list it came from
 * @param request   what it announces
 * @param version   1 for a first posting, n for the request that replaced n-1 earlier ones ({@link PullVersions})
 * @param supersedes the request this one replaces, or null
 */
public record PendingPull(String messageId, String subject, Address from, Instant date, String list,
                          PullRequest request, int version, String supersedes) {
    /** A request as posted, before its versions are known. */
    public PendingPull(String messageId, String subject, Address from, Instant date, String list, PullRequest request) {
        this(messageId, subject, from, date, list, request, 1, null);
    }

    /**
     * The private ref its announced head is fetched into: named by a hash of the Message-ID, one per request mail,
     * the same in every run (a Message-ID may hold characters a ref name may not).
     */
    public String localRef() {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-1")
                    .digest(messageId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "refs/patchlane/pulls/" + java.util.HexFormat.of().formatHex(h, 0, 10);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-1", e);
        }
    }
}
