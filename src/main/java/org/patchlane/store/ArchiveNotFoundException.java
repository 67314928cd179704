package org.patchlane.store;

import java.io.IOException;
import java.nio.file.Path;

/** A read-only {@link Searcher} was asked for an archive that has never been written. */
public final class ArchiveNotFoundException extends IOException {
    private final Path dataDir;

    public ArchiveNotFoundException(Path dataDir) {
        super("no archive in " + dataDir + " (schema v" + Schema.VERSION + "): ingest first, or 'patchlane reindex' "
                + "to upgrade an archive of an older schema");
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
