package org.patchlane.thread;

import java.util.List;

import org.patchlane.mail.Address;
import org.patchlane.patch.Finding;

/**
 * One patch of one version.
 *
 * @param index     k of k/N (1 for a single patch)
 * @param total     N
 * @param messageId the posting that counts (the latest, when it was resent)
 * @param postings  every Message-ID this patch was posted under in this version (RESEND, cross-posting)
 * @param subject   the subject as posted
 * @param patchId   git patch-id, or null
 * @param author    the author (in-body From, else sender)
 * @param files     paths it touches
 * @param change    against the previous version: {@code new}, {@code changed}, {@code unchanged}; null on the first
 * @param trailers  the patch's own chain and every follow-up trailer attributed to it
 * @param findings  sign-off and Fixes problems
 * @param applied   where a maintainer's "Applied" reply says it went, else null
 */
public record SeriesPatch(int index, int total, String messageId, List<String> postings, String subject, String title,
                          String patchId, Address author, List<String> files, String change,
                          List<GivenTrailer> trailers, List<Finding> findings, Applied applied) {
    public SeriesPatch {
        postings = List.copyOf(postings);
        files = List.copyOf(files);
        trailers = List.copyOf(trailers);
        findings = List.copyOf(findings);
    }

    SeriesPatch with(String change, List<GivenTrailer> trailers) {
        return new SeriesPatch(index, total, messageId, postings, subject, title, patchId, author, files, change, trailers,
                findings, applied);
    }
}
