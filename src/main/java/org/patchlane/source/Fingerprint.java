package org.patchlane.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short hash of a file's first bytes, stored in cursors so that a resumed read notices a file that was replaced
 * (rotated, rewritten) under the same path and starts over instead of seeking into unrelated bytes.
 */
final class Fingerprint {
    /** How much of the start of a file identifies it. */
    static final int PREFIX_BYTES = 4096;

    private Fingerprint() {
    }

    /** 16 hex digits of SHA-256 over {@code bytes[0..len)}. */
    static String of(byte[] bytes, int len) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes, 0, len);
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The fingerprint of a file's first {@link #PREFIX_BYTES} bytes on disk (fewer for a shorter file). */
    static String ofFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] prefix = in.readNBytes(PREFIX_BYTES);
            return of(prefix, prefix.length);
        }
    }
}
