package org.patchlane.cli.measure;

/**
 * What indexing one archive cost a peer tool (or why it was not measured).
 *
 * @param peer              the tool
 * @param version           its package version, or null when unknown
 * @param status            {@code measured}, {@code not installed} or {@code failed: ...}
 * @param messages          the archive's messages
 * @param seconds           the index run's wall time (preparation such as public-inbox's git import apart)
 * @param messagesPerSecond messages / seconds
 * @param cpuSeconds        the index run's CPU time, its helpers included
 * @param indexBytes        the index it left (the mail itself not included: the peers keep it in the Maildir, mbox or
 *                          git, Patchlane in its index)
 * @param mailBytes         the bytes of mail the tool keeps beside its index that it wrote itself (public-inbox's git;
 *                          0 for the others)
 * @param peakRssBytes      the index run's peak RSS
 * @param prepareSeconds    what had to run before it (public-inbox's import into git), 0 when nothing
 */
public record PeerIndex(String peer, String version, String status, long messages, double seconds,
                        double messagesPerSecond, double cpuSeconds, long indexBytes, long mailBytes, long peakRssBytes,
                        double prepareSeconds) {
    public static final String MEASURED = "measured";

    public static PeerIndex notInstalled(String peer) {
        return new PeerIndex(peer, null, "not installed", 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public static PeerIndex failed(String peer, String version, String why) {
        return new PeerIndex(peer, version, "failed: " + why, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    static PeerIndex of(String peer, String version, long messages, Measured run, long indexBytes, long mailBytes,
                        double prepareSeconds) {
        return new PeerIndex(peer, version, MEASURED, messages, run.wallSeconds(), messages / run.wallSeconds(),
                run.cpuSeconds(), indexBytes, mailBytes, run.peakRssBytes(), prepareSeconds);
    }

    public boolean measured() {
        return status.equals(MEASURED);
    }

    public double indexBytesPerMessage() {
        return messages == 0 ? 0 : (double) indexBytes / messages;
    }
}
