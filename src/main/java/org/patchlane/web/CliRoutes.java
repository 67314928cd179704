package org.patchlane.web;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * {@code GET /api/cli}: the {@code patchlane} launcher's way to a running server, so that a query answers without a
 * JVM start. The request carries a command line (repeated {@code arg}) and what its output depends on (the caller's
 * current directory, launcher directory, {@code PATCHLANE_DATA}, {@code CI} and whether it runs on a terminal); the
 * answer is the command's standard output followed by its standard error, with the exit code and where one ends in
 * headers. Only loopback callers holding the token of the server's endpoint file are answered (403 otherwise); a
 * command line the server does not answer is a 409, and the launcher then runs it itself; so is an answer holding a
 * NUL byte, which the launcher could not print. A GET: the commands only
 * read.
 */
public final class CliRoutes {
    /** The caller's token: {@code Authorization: Bearer TOKEN}. */
    public static final String AUTHORIZATION = "Authorization";
    /** The command's exit code. */
    public static final String EXIT = "X-Patchlane-Exit";
    /** How many bytes of the body are standard output; the rest is standard error. */
    public static final String STDOUT_LENGTH = "X-Patchlane-Stdout-Length";
    /**
     * The server's data directory (a real path), which the launcher checks is the one it meant: its UTF-8 bytes, each
     * but {@code A-Z a-z 0-9 / . _ ~ -} as {@code %XX} ({@link #encodedPath}), since a header is sent as Latin-1.
     */
    public static final String DATA = "X-Patchlane-Data";

    /** Runs one caller's command line in this process. */
    public interface Runner {
        /** Its answer, or null when this server does not answer that command line (another data directory, say). */
        Answer run(Call call) throws IOException;

        /** The data directory the commands read, as the {@link #DATA} header names it. */
        String data();
    }

    /**
     * A caller's command line.
     *
     * @param dataEnv the caller's {@code PATCHLANE_DATA}, or null when unset
     * @param ci      whether the caller's environment has {@code CI}
     */
    public record Call(List<String> args, String cwd, String home, String dataEnv, boolean ci, boolean terminal) {
    }

    /** What the command printed, byte for byte, and its exit code. */
    public record Answer(int exit, byte[] out, byte[] err) {
    }

    private final byte[] token;
    private final Runner runner;

    public CliRoutes(String token, Runner runner) {
        this.token = token.getBytes(StandardCharsets.US_ASCII);
        this.runner = runner;
    }

    void register(RoutesConfig app) {
        app.get("/api/cli", this::answer);
    }

    private void answer(Context ctx) throws IOException {
        if (!loopback(ctx.req().getRemoteAddr()) || !tokenMatches(ctx.header(AUTHORIZATION))) {
            ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain").result("loopback callers with the token only\n");
            return;
        }
        List<String> args = ctx.queryParams("arg");
        String cwd = ctx.queryParam("cwd");
        if (args.isEmpty() || cwd == null) {
            ctx.status(HttpStatus.BAD_REQUEST).contentType("text/plain").result("arg and cwd are required\n");
            return;
        }
        Answer a = runner.run(new Call(args, cwd, ctx.queryParam("home"), ctx.queryParam("dataEnv"),
                "1".equals(ctx.queryParam("ci")), "1".equals(ctx.queryParam("tty"))));
        if (a == null) {
            ctx.status(HttpStatus.CONFLICT).contentType("text/plain").result("not a command line this server answers\n");
            return;
        }
        byte[] body = new byte[a.out().length + a.err().length];
        System.arraycopy(a.out(), 0, body, 0, a.out().length);
        System.arraycopy(a.err(), 0, body, a.out().length, a.err().length);
        if (holdsNul(body)) {
            // The launcher keeps the answer in a shell variable until it is whole, and a shell string ends at NUL.
            ctx.status(HttpStatus.CONFLICT).contentType("text/plain").result("an answer holding a NUL byte\n");
            return;
        }
        ctx.header(EXIT, Integer.toString(a.exit())).header(STDOUT_LENGTH, Integer.toString(a.out().length))
                .header(DATA, encodedPath(runner.data())).contentType("application/octet-stream").result(body);
    }

    static boolean holdsNul(byte[] body) {
        for (byte b : body) if (b == 0) return true;
        return false;
    }

    /** {@code path} as {@link #DATA} carries it, so that a directory of any name compares equal byte for byte. */
    static String encodedPath(String path) {
        StringBuilder b = new StringBuilder();
        for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "/._~-".indexOf(c) >= 0)) b.append((char) c);
            else b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
        }
        return b.toString();
    }

    /** Whether the peer's IP literal is a loopback address (a name is never looked up: it is refused). */
    static boolean loopback(String address) {
        if (address == null || address.isEmpty()) return false;
        String a = address.replaceAll("^\\[|\\]$", "").replaceAll("%.*$", "");
        if (!a.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) return false;
        try {
            return InetAddress.getByName(a).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private boolean tokenMatches(String header) {
        if (header == null || !header.startsWith("Bearer ")) return false;
        return MessageDigest.isEqual(token, header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.US_ASCII));
    }
}
