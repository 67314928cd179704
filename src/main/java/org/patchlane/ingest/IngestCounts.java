package org.patchlane.ingest;

/**
 * Running totals of one ingest run.
 *
 * @param messages   messages read from the sources
 * @param added      newly stored
 * @param unchanged  already stored with the same bytes (a resumed or repeated run)
 * @param duplicates same Message-ID as a stored message but other bytes: stored too, flagged duplicate_id
 * @param removed    stored messages deleted because the source deleted them (public-inbox {@code d})
 * @param flagged    stored messages carrying at least one flag (parse_error, charset, no_message_id...)
 * @param bytesRead  source bytes consumed so far
 * @param totalBytes source bytes in all, or -1 when unknown
 * @param nanos      elapsed time
 */
public record IngestCounts(long messages, long added, long unchanged, long duplicates, long removed, long flagged,
                           long bytesRead, long totalBytes, long nanos) {
    /** Nothing yet: the start of a sum. */
    public static final IngestCounts NONE = new IngestCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The totals of two runs one after the other (total bytes unknown when either's is). */
    public IngestCounts plus(IngestCounts o) {
        long total = totalBytes < 0 || o.totalBytes < 0 ? -1 : totalBytes + o.totalBytes;
        return new IngestCounts(messages + o.messages, added + o.added, unchanged + o.unchanged,
                duplicates + o.duplicates, removed + o.removed, flagged + o.flagged, bytesRead + o.bytesRead, total,
                nanos + o.nanos);
    }

    /** Messages per second over the run so far. */
    public double rate() {
        return nanos <= 0 ? 0 : messages * 1e9 / nanos;
    }
}
