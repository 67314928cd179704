package org.patchlane.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes taken from the file under a decompressor, for progress. A {@link FilterInputStream} on
 * purpose: it forwards {@code available()}, which {@code GZIPInputStream} consults to find the next member of a
 * multi-member gzip file.
 */
final class CountingInputStream extends FilterInputStream {
    /** Written by the reading thread only; volatile so a progress thread may read it. */
    private volatile long count;

    CountingInputStream(InputStream in) {
        super(in);
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        count += Math.max(0, s);
        return s;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
