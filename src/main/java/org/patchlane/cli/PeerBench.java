package org.patchlane.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.patchlane.cli.measure.Maildirs;
import org.patchlane.cli.measure.Peer;
import org.patchlane.cli.measure.PeerIndex;
import org.patchlane.cli.measure.SharedQuery;
import org.patchlane.cli.measure.Stats;
import org.patchlane.cli.measure.Trees;

/**
 * The peer tools measured beside Patchlane in {@code bench ingest} and {@code bench search}: each in its own directory
 * under {@code PEERS} (beside the bench's data directory), on the same archive, in the same run. A peer not installed
 * or failing is a line of the report, never a failed bench.
 */
final class PeerBench {
    private final Path peersDir;
    private final Consumer<String> progress;

    PeerBench(Path data, Consumer<String> progress) {
        this.peersDir = data.toAbsolutePath().resolveSibling("peers");
        this.progress = progress;
    }

    /** Each peer's median-rate index run of RUNS (each into an emptied directory). */
    List<PeerIndex> index(List<Peer> peers, Path mbox, int runs) throws IOException {
        List<PeerIndex> out = new ArrayList<>();
        Peer.Archive archive = null;
        for (Peer p : peers) {
            if (!p.installed()) {
                out.add(PeerIndex.notInstalled(p.name()));
                progress.accept("bench: " + p.name() + " not installed");
                continue;
            }
            try {
                if (archive == null) {
                    progress.accept("bench: writing the archive as a Maildir for the peers");
                    Path maildir = peersDir.resolve("maildir");
                    archive = new Peer.Archive(mbox, maildir, Maildirs.write(mbox, maildir));
                }
                List<PeerIndex> measured = new ArrayList<>();
                for (int i = 1; i <= runs; i++) {
                    Path dir = peersDir.resolve(p.name());
                    Trees.delete(dir);
                    PeerIndex r = p.index(archive, dir);
                    measured.add(r);
                    progress.accept(String.format("bench: %s run %d: %,.0f msg/s, %,.0f index bytes/message", p.name(),
                            i, r.messagesPerSecond(), r.indexBytesPerMessage()));
                }
                out.add(Stats.medianRun(measured, PeerIndex::messagesPerSecond));
            } catch (IOException | RuntimeException e) {
                out.add(PeerIndex.failed(p.name(), p.version(), String.valueOf(e.getMessage())));
                progress.accept("bench: " + p.name() + " failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.add(PeerIndex.failed(p.name(), p.version(), "interrupted"));
                break;
            }
        }
        return out;
    }

    /** Each peer's answer times to the shared queries, REPS times each, from the index {@code bench ingest} left. */
    List<PeerQueries> query(List<Peer> peers, int reps) {
        List<PeerQueries> out = new ArrayList<>();
        for (Peer p : peers) {
            Path dir = peersDir.resolve(p.name());
            if (!p.installed()) {
                out.add(new PeerQueries(p.name(), null, "not installed", 0, List.of()));
            } else if (!p.indexed(dir)) {
                out.add(new PeerQueries(p.name(), p.version(), "no index: run 'patchlane bench ingest --peers "
                        + p.name() + "' first", 0, List.of()));
            } else {
                List<Double> millis = new ArrayList<>();
                try (Peer.Queries q = p.queries(dir)) {
                    for (int i = 0; i < reps; i++) {
                        for (SharedQuery s : SharedQuery.ALL) millis.add(q.millis(s));
                    }
                    out.add(new PeerQueries(p.name(), p.version(), PeerIndex.MEASURED, Stats.median(millis),
                            millis));
                } catch (IOException | RuntimeException e) {
                    out.add(new PeerQueries(p.name(), p.version(), "failed: " + e.getMessage(), 0, List.of()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    out.add(new PeerQueries(p.name(), p.version(), "failed: interrupted", 0, List.of()));
                }
            }
        }
        return out;
    }

    /** One peer's query times; p50 of every query of every repetition. */
    record PeerQueries(String peer, String version, String status, double p50Millis, List<Double> millis) {
    }

    /** The ingest report's peer table: Patchlane's line first, then each peer's. */
    static String ingestTable(double rate, double bytesPerMessage, long rss, double cpu, List<PeerIndex> peers) {
        StringBuilder s = new StringBuilder(String.format("%n  %-24s %12s %16s %13s %9s%n", "same archive, same run",
                "index msg/s", "index bytes/msg", "peak RSS MiB", "CPU s"));
        s.append(String.format("  %-24s %,12.0f %,16.0f %,13d %,9.1f  (raw mail inside the index)%n", "patchlane",
                rate, bytesPerMessage, rss >> 20, cpu));
        for (PeerIndex p : peers) {
            String name = p.peer() + (p.version() != null ? " " + p.version() : "");
            if (!p.measured()) {
                s.append(String.format("  %-24s %s%n", name, p.status()));
                continue;
            }
            s.append(String.format("  %-24s %,12.0f %,16.0f %,13d %,9.1f%s%n", name, p.messagesPerSecond(),
                    p.indexBytesPerMessage(), p.peakRssBytes() >> 20, p.cpuSeconds(), p.mailBytes() > 0
                            ? String.format("  (+%,.0f bytes/msg of mail in git, imported in %,.0f s)",
                            (double) p.mailBytes() / p.messages(), p.prepareSeconds()) : ""));
        }
        return s.toString().stripTrailing();
    }

    /** The search report's peer table: Patchlane on the shared queries, then each peer. */
    static String searchTable(double patchlaneP50, List<PeerQueries> peers) {
        StringBuilder s = new StringBuilder(String.format("%n  shared queries (%s), same run:%n",
                String.join(", ", SharedQuery.ALL.stream().map(SharedQuery::lore).toList())));
        s.append(String.format("  %-24s p50 %,6.0f ms  (a new process, --limit 20)%n", "patchlane", patchlaneP50));
        for (PeerQueries p : peers) {
            String name = p.peer() + (p.version() != null ? " " + p.version() : "");
            if (!p.status().equals(PeerIndex.MEASURED)) s.append(String.format("  %-24s %s%n", name, p.status()));
            else s.append(String.format("  %-24s p50 %,6.0f ms  %s%n", name, p.p50Millis(),
                    p.peer().equals("public-inbox") ? "(warm public-inbox-httpd over HTTP)" : "(a new process)"));
        }
        return s.toString().stripTrailing();
    }

}
