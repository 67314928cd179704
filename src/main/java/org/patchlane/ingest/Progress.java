package org.patchlane.ingest;

/** Told about progress after each batch, from the ingest thread; the CLI draws a bar, tests record. */
@FunctionalInterface
public interface Progress {
    void update(IngestCounts counts);

    Progress NONE = counts -> { };
}
