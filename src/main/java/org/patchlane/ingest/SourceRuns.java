package org.patchlane.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.patchlane.source.SourceAddress;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The last run of each source (when, how many messages, the last error), in {@code <data>/sources.json}, keyed by
 * the source's address (URL or absolute path). Only the archive's one writer records runs; readers such as
 * {@code patchlane sources} and the web page read the file. Every way of ingesting ({@code ingest}, {@code demo},
 * {@code watch}, {@code serve --watch}) goes through {@link #ingest}, so no run goes unrecorded; {@code reindex}
 * reads no source and leaves the file alone.
 *
 * <p>A file rather than the Lucene commit's user data: a failed run commits nothing to the index, yet its error
 * must be shown; and this is a report, not a position: if a crash loses the last line, nothing is ingested twice
 * or missed (the cursors, which do matter, are committed with the documents). Replaced atomically on each write.
 */
public final class SourceRuns {
    static final String FILE = "sources.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One source's record.
     *
     * @param lastRun      when the last run ended (ISO-8601), failed or not
     * @param lastMessages messages read in the last successful run
     * @param messages     messages newly stored from this source, over all runs
     * @param errors       failed runs, over all runs
     * @param lastError    why the last run failed, or null when it succeeded
     */
    public record Run(String lastRun, long lastMessages, long messages, long errors, String lastError) {
    }

    /** No runs recorded, and none to record: for views of an archive without a data directory at hand. */
    public static final SourceRuns NONE = new SourceRuns(null, Map.of());

    private final Path file;
    private final Map<String, Run> runs;

    private SourceRuns(Path file, Map<String, Run> runs) {
        this.file = file;
        this.runs = runs;
    }

    /** The runs recorded in {@code dataDir}; none when the file is missing or unreadable (it is only a report). */
    public static SourceRuns read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Map<String, Run> runs = new TreeMap<>();
        try {
            if (Files.exists(file)) runs.putAll(JSON.readValue(file.toFile(), new TypeReference<Map<String, Run>>() {
            }));
        } catch (IOException e) {
            // A damaged report starts afresh; the next run writes a good one.
        }
        return new SourceRuns(file, runs);
    }

    /** The record of the source at {@code address}, or null when it never ran. */
    public synchronized Run get(String address) {
        return runs.get(address);
    }

    /** Every record, by address. */
    public synchronized Map<String, Run> all() {
        return Collections.unmodifiableMap(new TreeMap<>(runs));
    }

    /**
     * Ingests one source and records the run under its address, whether it ends well or fails. A failure to record
     * a failed run is attached to the ingest's own failure (suppressed), which is the one that matters.
     */
    public IngestCounts ingest(Ingester ingester, SourceAddress address, Clock clock) throws IOException {
        String key = address.display();
        IngestCounts counts;
        try {
            counts = ingester.ingest(List.of(address));
        } catch (IOException | RuntimeException e) {
            try {
                failed(key, clock.instant(), String.valueOf(e.getMessage()));
            } catch (IOException unrecorded) {
                e.addSuppressed(unrecorded);
            }
            throw e;
        }
        succeeded(key, clock.instant(), counts);
        return counts;
    }

    /** Records a run that ended well. */
    private synchronized void succeeded(String address, Instant end, IngestCounts counts) throws IOException {
        Run old = runs.get(address);
        runs.put(address, new Run(end.toString(), counts.messages(),
                (old == null ? 0 : old.messages()) + counts.added() + counts.duplicates(), old == null ? 0 : old.errors(),
                null));
        write();
    }

    /** Records a run that failed. */
    private synchronized void failed(String address, Instant end, String error) throws IOException {
        Run old = runs.get(address);
        runs.put(address, new Run(end.toString(), old == null ? 0 : old.lastMessages(),
                old == null ? 0 : old.messages(), (old == null ? 0 : old.errors()) + 1, error));
        write();
    }

    private void write() throws IOException {
        if (file == null) throw new IllegalStateException("SourceRuns.NONE records nothing");
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), runs);
        } catch (JacksonException e) {
            throw new IOException(e);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
