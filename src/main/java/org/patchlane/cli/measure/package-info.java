/**
 * What the benchmarks measure outside a JVM's own figures: a child process's peak RSS and CPU time read from
 * {@code /proc}, a child JVM's heap from its GC log, and the peer tools (mairix, notmuch, mu, public-inbox) timed on
 * the same archive in the same run. Uses nothing of Patchlane but the mbox reader ({@code source}).
 */
package org.patchlane.cli.measure;
