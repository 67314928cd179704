package org.patchlane.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code DATA/serve.endpoint}: how the launcher finds a server running on its data directory. Lines of
 * {@code key=value}: {@code url} (loopback), {@code token} (the {@code /api/cli} bearer token), {@code pid} (so a
 * file left by a killed server is seen as stale) and {@code data} (the server's real path). Readable by its owner
 * only, since the token is the only thing between another local user and the archive's answers; removed when the
 * server stops cleanly, and only when it is still this server's.
 */
final class ServeEndpoint {
    static final String NAME = "serve.endpoint";

    private final Path file;
    private final String token;

    private ServeEndpoint(Path file, String token) {
        this.file = file;
        this.token = token;
    }

    /** A new random token (256 bits, hex). */
    static String newToken() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * Writes the endpoint of a server listening on {@code host:port} over {@code data} (a real path); null when the
     * launcher could not reach it on loopback (a server bound to one other address).
     */
    static ServeEndpoint write(Path data, String host, int port, String token) throws IOException {
        String loopback = switch (host) {
            case "127.0.0.1", "localhost", "0.0.0.0" -> "127.0.0.1";
            case "::1", "[::1]", "::", "[::]" -> "[::1]";
            default -> host.startsWith("127.") ? host : null;
        };
        if (loopback == null) return null;
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("url", "http://" + loopback + ":" + port);
        lines.put("token", token);
        lines.put("pid", Long.toString(ProcessHandle.current().pid()));
        lines.put("data", data.toString());
        StringBuilder text = new StringBuilder();
        lines.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path file = data.resolve(NAME);
        Path tmp = data.resolve(NAME + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot create " + tmp, e);
        }
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return new ServeEndpoint(file, token);
    }

    /** Removes the file if it is still this server's (a later server on the same directory may have replaced it). */
    void remove() {
        try {
            if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).contains("token=" + token + "\n")) {
                Files.delete(file);
            }
        } catch (IOException e) {
            // Stopping: a file left behind is seen as stale by its pid.
        }
    }
}
