package org.patchlane.store;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.patchlane.thread.Series;

/**
 * Encodes a {@link Series} for its series document (what {@code acks} returns in one lookup): JSON through Jackson's
 * record support, readable when debugging an index. Posts have their own faster {@link PostCodec}.
 */
final class Codec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Codec() {
    }

    static byte[] series(Series s) {
        return write(s);
    }

    static Series series(byte[] bytes) {
        return read(bytes, Series.class);
    }

    private static byte[] write(Object o) {
        try {
            return JSON.writeValueAsBytes(o);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode " + o.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return JSON.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException("index holds an unreadable " + type.getSimpleName(), e);
        }
    }
}
