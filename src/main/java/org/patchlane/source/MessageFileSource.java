package org.patchlane.source;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reader of a file that is one message ({@code .eml}, a saved mail, optionally gzip-compressed). Source key
 * {@code "file:" + real path}; position {@code "<size>:<fingerprint>"} (size on disk, fingerprint of the first
 * 4 KiB on disk) means "done": resuming with the same position yields nothing, a changed file is read again.
 */
public final class MessageFileSource implements MailSource {
    private static final String KEY_PREFIX = "file:";

    private final Path file;
    private final String position;
    private final long size;
    private final boolean done;
    private boolean delivered;

    private MessageFileSource(Path file, String position, long size, boolean done) {
        this.file = file;
        this.position = position;
        this.size = size;
        this.done = done;
    }

    /**
     * Opens a one-message file.
     *
     * @param position a position from an earlier {@link RawMessage#after()} of this source, or null
     */
    public static MessageFileSource open(Path file, String position) throws IOException {
        Path real = file.toRealPath();
        long size = Files.size(real);
        String current = ResumePosition.of(size, Fingerprint.ofFile(real));
        return new MessageFileSource(real, current, size, current.equals(position));
    }

    /** The source key of the file at {@code file}: {@code "file:" + real path}. */
    public static String sourceKey(Path file) throws IOException {
        return KEY_PREFIX + file.toRealPath();
    }

    @Override
    public RawMessage next() throws IOException {
        if (done || delivered) {
            return null;
        }
        delivered = true;
        return read(file, new Cursor(KEY_PREFIX + file, position));
    }

    @Override
    public long totalBytes() {
        return size;
    }

    @Override
    public long bytesRead() {
        return done || delivered ? size : 0;
    }

    @Override
    public void close() {
        // Nothing held open between calls.
    }

    /**
     * Reads a whole message file (gunzipped when it starts with the gzip magic), keeping at most
     * {@link MboxSource#MAX_MESSAGE_BYTES}; truncated when capped or when the gzip stream is cut.
     */
    static RawMessage read(Path file, Cursor after) throws IOException {
        boolean gzip = Sources.isGzip(file);
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = raw;
            if (gzip) {
                try {
                    in = new GZIPInputStream(raw, 64 * 1024);
                } catch (EOFException e) {
                    return new RawMessage(new byte[0], file.toString(), after, null, true);
                }
            }
            return readCapped(in, file.toString(), after);
        }
    }

    private static RawMessage readCapped(InputStream in, String origin, Cursor after) throws IOException {
        boolean cut = false;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        try {
            int n;
            while (out.size() <= MboxSource.MAX_MESSAGE_BYTES && (n = in.read(chunk)) > 0) {
                out.write(chunk, 0, n);
            }
        } catch (EOFException e) {
            cut = true;
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length > MboxSource.MAX_MESSAGE_BYTES) {
            bytes = Arrays.copyOf(bytes, MboxSource.MAX_MESSAGE_BYTES);
            cut = true;
        }
        return new RawMessage(bytes, origin, after, null, cut);
    }
}
