package org.patchlane.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.patchlane.ingest.ConfiguredSource;
import org.patchlane.ingest.IngestCounts;
import org.patchlane.ingest.Ingester;
import org.patchlane.ingest.Progress;
import org.patchlane.ingest.SourceRuns;
import org.patchlane.report.Json;
import org.patchlane.view.Plural;
import org.patchlane.source.ImapAccount;
import org.patchlane.source.ImapAddress;
import org.patchlane.source.ImapUrl;
import org.patchlane.source.PathAddress;
import org.patchlane.source.SourceAddress;
import org.patchlane.store.Archive;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code patchlane ingest}: stores list mail, resuming each source from its committed cursor. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Store list mail in the archive: mbox (mboxo/mboxrd, .gz), Maildir, .eml files, "
                + "directories (recursively), public-inbox archives (v2 inbox or v1/epoch repository) and IMAP "
                + "folders (imap://USER@HOST[:PORT]/FOLDER with STARTTLS, imaps:// with TLS).",
                "Each source resumes from its committed cursor; messages already stored are not stored twice, "
                + "so re-running, or resuming after a crash, is safe.",
                "The IMAP password comes from --password-file or the environment variable "
                + ConfiguredSource.PASSWORD_ENV + ", never from the command line."},
        footer = {"%nExamples:", "  patchlane ingest ~/lists/linux-rdma.mbox --list linux-rdma",
                "  patchlane ingest ~/Maildir/lists/netdev", "  patchlane ingest --json archive-2026.mbox.gz",
                "  patchlane ingest ~/lore/linux-watchdog          (a public-inbox clone)",
                "  patchlane ingest --password-file ~/.imap-pass imaps://me@imap.example.org/lists/linux-rdma",
                "%nA source with no mail in it (an empty file, a directory of other files) is named in a warning; "
                        + "exit code 1 when no source held any mail."})
final class IngestCommand implements Callable<Integer> {
    @Mixin
    DataOptions options;

    @Option(names = "--list", paramLabel = "NAME",
            description = "File every message under this list name (default: from each mail's List-Id).")
    String list;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "IMAP: read the password from this file's first line (default: $"
                    + ConfiguredSource.PASSWORD_ENV + ").")
    Path passwordFile;

    @Option(names = "--trust-cert", paramLabel = "FILE",
            description = "IMAP: trust this PEM or DER certificate (a self-hosted server's own) instead of the "
                    + "JDK trust store.")
    Path trustCert;

    @Option(names = "--no-starttls", description = "imap://: allow a server without STARTTLS (password in clear "
            + "text: only for a server on this machine).")
    boolean noStarttls;

    @Parameters(paramLabel = "SOURCE", arity = "1..*",
            description = "mbox, .mbox.gz, Maildir, .eml, directory, public-inbox, or imap[s]:// URL.")
    List<String> sources;

    private final HeapPeak heap = new HeapPeak();

    @Override
    public Integer call() throws Exception {
        List<SourceAddress> addresses = addresses();
        IngestCounts counts = IngestCounts.NONE;
        int empty = 0;
        try (Archive archive = Archive.open(options.data)) {
            SourceRuns runs = SourceRuns.read(options.data);
            for (SourceAddress a : addresses) {
                IngestCounts c = ingest(archive, runs, a);
                counts = counts.plus(c);
                if (yieldedNothing(a, c, archive.cursors())) {
                    System.err.println("patchlane: warning: no mail in " + a.display());
                    empty++;
                }
            }
        }
        if (options.json) {
            System.out.println(Json.write(IngestReport.of(counts, heap.peak)));
        } else {
            System.out.println(summary(counts));
        }
        return empty == addresses.size() ? ExitCode.NOT_FOUND : ExitCode.OK;
    }

    /**
     * A source that read no message and has no cursor from an earlier run holds no mail: an empty file, a directory
     * of other files. One read up to date before has a cursor: nothing new is no mistake.
     */
    static boolean yieldedNothing(SourceAddress address, IngestCounts counts, Map<String, String> cursors) {
        return counts.messages() == 0 && cursors.keySet().stream().noneMatch(address::owns);
    }

    /** Ingests one source and records the run, failed or not, for {@code patchlane sources}. */
    private IngestCounts ingest(Archive archive, SourceRuns runs, SourceAddress address) throws IOException {
        try (ProgressLine bar = ProgressLine.start("Ingesting", !options.json && Terminal.interactive())) {
            Progress progress = c -> {
                heap.sample();
                bar.show(c);
            };
            return runs.ingest(new Ingester(archive, list, progress), address, Clock.systemUTC());
        }
    }

    /** Every argument as a source; IMAP passwords are read here, before anything is written. */
    private List<SourceAddress> addresses() throws IOException {
        List<SourceAddress> out = new ArrayList<>();
        for (String spec : sources) {
            if (ImapUrl.isImap(spec)) {
                ImapUrl url = ImapUrl.parse(spec);
                String password = ConfiguredSource.password(url, passwordFile, System.getenv());
                out.add(new ImapAddress(new ImapAccount(url, password, trustCert, noStarttls)));
            } else {
                out.add(new PathAddress(Path.of(spec)));
            }
        }
        return out;
    }

    static String summary(IngestCounts c) {
        return String.format("Ingested %s in %.1f s (%,.0f msg/s): %,d new, %,d already stored, %s, %,d removed, "
                        + "%,d flagged.", Plural.of(c.messages(), "message"), c.nanos() / 1e9, c.rate(), c.added(),
                c.unchanged(), Plural.of(c.duplicates(), "duplicate Message-ID"), c.removed(), c.flagged());
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
    record IngestReport(long messages, long added, long unchanged, long duplicates, long removed, long flagged,
                        double seconds, double messagesPerSecond, long peakHeapBytes) {
        static IngestReport of(IngestCounts c, long peakHeap) {
            return new IngestReport(c.messages(), c.added(), c.unchanged(), c.duplicates(), c.removed(), c.flagged(),
                    c.nanos() / 1e9, Math.round(c.rate() * 10) / 10.0, peakHeap);
        }
    }
}
