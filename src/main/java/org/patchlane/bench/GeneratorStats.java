package org.patchlane.bench;

/**
 * What {@link ArchiveGenerator} wrote: the truth a benchmark or ingest test compares its own counts against.
 *
 * @param messages    messages written ({@code From } separators in the output)
 * @param bytes       bytes written, separators and escaping included
 * @param covers      cover letters ({@code [PATCH vN 0/M]})
 * @param patches     patch mails, rerolls, resends and attachment patches included
 * @param replies     replies of every sort: reviews, nested replies, "Applied" mails, bot and discussion replies
 * @param pulls       {@code [GIT PULL]} mails in {@code git request-pull} format
 * @param other       discussion starters (bug reports, questions)
 * @param series      distinct series (b4 change-ids)
 * @param versions    series versions posted (v1 of a series counts, v2 counts again)
 * @param trailers    review trailers given in replies outside quotes and outside HTML-only mails
 * @param nacks       replies carrying a NACK (bare line or {@code Nacked-by:})
 * @param noMessageId messages deliberately written without a Message-ID header
 */
public record GeneratorStats(long messages, long bytes, long covers, long patches, long replies, long pulls,
                             long other, long series, long versions, long trailers, long nacks, long noMessageId) {
}
