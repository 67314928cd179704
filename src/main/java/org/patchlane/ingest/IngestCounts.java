package org.patchlane.ingest;

/**
 * Running totals of one ingest run.
 *
 * @param messages   messages read from the sources
 * @param added      newly stored
 * @param unchanged  already stored with the same bytes (a resumed or repeated run)
 * @param duplicates same Message-ID as a stored message but other bytes: stored too, flagged duplicate_id
 * @param flagged    stored messages carrying at least one flag (parse_error, charset, no_message_id...)
 * @param bytesRead  source bytes consumed so far
 * @param totalBytes source bytes in all, or -1 when unknown
 * @param nanos      elapsed time
 */
public record IngestCounts(long messages, long added, long unchanged, long duplicates, long flagged, long bytesRead,
                           long totalBytes, long nanos) {
    /** Messages per second over the run so far. */
    public double rate() {
        return nanos <= 0 ? 0 : messages * 1e9 / nanos;
    }
}
