package org.patchlane.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.patchlane.ingest.IngestCounts;
import org.patchlane.ingest.Ingester;
import org.patchlane.ingest.Progress;
import org.patchlane.report.Json;
import org.patchlane.store.Archive;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code patchlane ingest}: stores list mail, resuming each source from its committed cursor. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Store list mail in the archive: mbox (mboxo/mboxrd, .gz), Maildir, .eml files, "
                + "directories (recursively).",
                "Each source resumes from its committed cursor; messages already stored are not stored twice, "
                + "so re-running, or resuming after a crash, is safe."},
        footer = {"%nExamples:", "  patchlane ingest ~/lists/linux-rdma.mbox --list linux-rdma",
                "  patchlane ingest ~/Maildir/lists/netdev", "  patchlane ingest --json archive-2026.mbox.gz"})
final class IngestCommand implements Callable<Integer> {
    @Mixin
    DataOptions options;

    @Option(names = "--list", paramLabel = "NAME",
            description = "File every message under this list name (default: from each mail's List-Id).")
    String list;

    @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "mbox, .mbox.gz, Maildir, .eml or directory.")
    List<Path> sources;

    private final HeapPeak heap = new HeapPeak();

    @Override
    public Integer call() throws Exception {
        IngestCounts counts;
        try (Archive archive = Archive.open(options.data);
             ProgressLine bar = ProgressLine.start("Ingesting", !options.json && Terminal.interactive())) {
            Progress progress = c -> {
                heap.sample();
                bar.show(c);
            };
            counts = new Ingester(archive, list, progress).run(sources);
        }
        if (options.json) {
            System.out.println(Json.write(IngestReport.of(counts, heap.peak)));
        } else {
            System.out.println(summary(counts));
        }
        return ExitCode.OK;
    }

    static String summary(IngestCounts c) {
        return String.format("Ingested %,d messages in %.1f s (%,.0f msg/s): %,d new, %,d already stored, "
                        + "%,d duplicate Message-IDs, %,d flagged.", c.messages(), c.nanos() / 1e9, c.rate(),
                c.added(), c.unchanged(), c.duplicates(), c.flagged());
    }

    /**
     * The highest heap in use seen after each batch. Summing each pool's own peak would overstate it (the pools
     * peak at different moments), so the whole heap is sampled instead; a peak inside a batch can be missed.
     */
    static final class HeapPeak {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long peak;

        void sample() {
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }
    }

    /** {@code ingest --json}. */
    record IngestReport(long messages, long added, long unchanged, long duplicates, long flagged, double seconds,
                        double messagesPerSecond, long peakHeapBytes) {
        static IngestReport of(IngestCounts c, long peakHeap) {
            return new IngestReport(c.messages(), c.added(), c.unchanged(), c.duplicates(), c.flagged(),
                    c.nanos() / 1e9, Math.round(c.rate() * 10) / 10.0, peakHeap);
        }
    }
}
