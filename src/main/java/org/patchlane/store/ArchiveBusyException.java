package org.patchlane.store;

import java.io.IOException;
import java.nio.file.Path;

/** Another process (or another {@link Archive} in this one) holds the archive's write lock. */
public final class ArchiveBusyException extends IOException {
    private final Path dataDir;

    public ArchiveBusyException(Path dataDir, Throwable cause) {
        super("archive " + dataDir + " is busy: another patchlane process is writing to it", cause);
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
