package org.patchlane.source;

import java.io.IOException;
import java.util.function.Function;

/** Where mail comes from, a path or an IMAP folder, opened at the positions committed for it. */
public interface SourceAddress {
    /**
     * Opens the source.
     *
     * @param positionLookup source key to committed position (null when none); asked when each source is opened
     */
    MailSource open(Function<String, String> positionLookup) throws IOException;

    /** The address as a user reads it (absolute path or URL, never a secret): names the source in listings. */
    String display();

    /** True when this source writes its cursors under {@code cursorKey} (one key, or one per file, epoch...). */
    boolean owns(String cursorKey);
}
