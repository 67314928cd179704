package org.patchlane.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import org.patchlane.ingest.IngestCounts;
import org.patchlane.ingest.Ingester;
import org.patchlane.ingest.Progress;
import org.patchlane.ingest.SourceRuns;
import org.patchlane.source.PathAddress;
import org.patchlane.store.Archive;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code patchlane demo}: the built-in linux-rdma archive, ingested once, then served. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Ingest the built-in demo archive (a linux-rdma-like list, November 2026: an infrastructure "
                + "series in three versions, the driver series that use it, reviews, a NACK, a pull request and "
                + "some broken mail) into the data directory when it holds nothing yet, then serve it on "
                + "http://127.0.0.1:7070/."},
        footer = {"%nExample:", "  ./patchlane demo            then open http://127.0.0.1:7070/"})
final class DemoCommand implements Callable<Integer> {
    static final String ARCHIVE = "/demo/linux-rdma.mbox";

    @Mixin
    DataOptions options;

    @Mixin
    ServerOptions server;

    @Option(names = "--no-serve", description = "Only ingest the demo archive (for scripts and tests).")
    boolean noServe;

    @Override
    public Integer call() throws Exception {
        IngestCounts counts = ingestDemo(options.data);
        if (counts != null) System.out.println(IngestCommand.summary(counts));
        if (!noServe) ServeCommand.serve(options.data, server.host, server.port, List.of());
        return ExitCode.OK;
    }

    /** Ingests the demo archive unless the archive already holds mail; returns null when it did nothing. */
    static IngestCounts ingestDemo(Path data) throws Exception {
        try (Archive archive = Archive.open(data)) {
            if (!archive.cursors().isEmpty()) return null;
            // A stable copy inside the data directory keeps the source's cursor meaningful across runs.
            Path mbox = data.resolve("demo-linux-rdma.mbox");
            try (InputStream in = DemoCommand.class.getResourceAsStream(ARCHIVE)) {
                if (in == null) throw new IllegalStateException("demo archive missing from the jar: " + ARCHIVE);
                Files.copy(in, mbox, StandardCopyOption.REPLACE_EXISTING);
            }
            // Every demo mail has its List-Id; one is the netdev copy of a cross-posted patch, filed under netdev.
            return SourceRuns.read(data).ingest(new Ingester(archive, null, Progress.NONE), new PathAddress(mbox),
                    Clock.systemUTC());
        }
    }
}
