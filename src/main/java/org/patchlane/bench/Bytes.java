package org.patchlane.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer without {@code ByteArrayOutputStream}'s locking; one per message being rendered. */
final class Bytes {
    private byte[] data;
    private int size;

    Bytes(int capacity) {
        data = new byte[Math.max(16, capacity)];
    }

    Bytes append(byte[] b) {
        return append(b, 0, b.length);
    }

    Bytes append(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, data, size, len);
        size += len;
        return this;
    }

    Bytes append(Bytes other) {
        return append(other.data, 0, other.size);
    }

    Bytes append(int b) {
        ensure(1);
        data[size++] = (byte) b;
        return this;
    }

    /** Appends chars below 256 as single bytes: ASCII headers, or text already reduced to ISO-8859-1. */
    Bytes appendLatin1(CharSequence s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            data[size++] = (byte) (c < 256 ? c : '?');
        }
        return this;
    }

    Bytes appendUtf8(CharSequence s) {
        return append(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    int size() {
        return size;
    }

    byte get(int i) {
        return data[i];
    }

    /** The backing array; only the first {@link #size()} bytes are content. */
    byte[] array() {
        return data;
    }

    byte[] toArray() {
        return Arrays.copyOf(data, size);
    }

    private void ensure(int more) {
        if (size + more > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + more));
        }
    }
}
