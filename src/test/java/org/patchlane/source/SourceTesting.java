package org.patchlane.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Helpers shared by the source tests: drain a source, read fixtures, write gzip. */
final class SourceTesting {
    private SourceTesting() {
    }

    static List<RawMessage> drain(MailSource source) throws IOException {
        try (source) {
            List<RawMessage> all = new ArrayList<>();
            for (RawMessage m = source.next(); m != null; m = source.next()) {
                all.add(m);
            }
            return all;
        }
    }

    static List<String> texts(List<RawMessage> messages) {
        List<String> out = new ArrayList<>();
        for (RawMessage m : messages) {
            out.add(new String(m.bytes(), StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    static Path fixture(String name) {
        try {
            return Path.of(SourceTesting.class.getResource("/source/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, content.getBytes(StandardCharsets.ISO_8859_1));
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
