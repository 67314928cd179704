package org.patchlane.digest;

import java.io.IOException;

/** Makes the digest of a period, for one list or (list null) for all; the archive's is {@code DigestBuilder}. */
@FunctionalInterface
public interface DigestSource {
    Digest digest(Period period, String list) throws IOException;
}
