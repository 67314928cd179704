package org.patchlane.cli.measure;

/**
 * One child process as the benchmarks saw it.
 *
 * @param exitCode   its exit code
 * @param out        its standard output
 * @param err        the end of its standard error (for a failure's message)
 * @param wallNanos  start to exit on this JVM's clock
 * @param cpuNanos   user + system CPU time of it and its descendants, last sampled before it exited (0 where
 *                   {@code /proc} is absent)
 * @param peakRssBytes the largest resident set size seen: the process's own high-water mark, or its process tree's
 *                   summed RSS where that was larger (0 where {@code /proc} is absent)
 */
public record Measured(int exitCode, String out, String err, long wallNanos, long cpuNanos, long peakRssBytes) {
    public double wallMillis() {
        return wallNanos / 1e6;
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }

    public double cpuSeconds() {
        return cpuNanos / 1e9;
    }
}
