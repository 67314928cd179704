package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchlane.Required;

/**
 * The launcher's way to a running {@code serve}: the same bytes on stdout and stderr and the same exit code as the
 * command run in a new JVM, for a table of command lines; the new JVM's answer when the server is gone or cut off;
 * and a server that answers only loopback callers with its endpoint file's token.
 */
class CliThroughServerTest {
    private static final String SERIES = "20261102-aux-lifetime-3f1c2a9b7d10";
    private static final String PATCH = "<20261116-aux-lifetime-v3-1-2b7e9f4c1d38@nvidia.com>";

    @TempDir
    static Path tmp;
    private static Path data;
    private static Path launcher;
    private static Process serve;

    @BeforeAll
    static void start() throws Exception {
        Required.that(onPath("bash"), "bash is not on PATH: the launcher is a bash script");
        Required.that(onPath("curl"), "curl is not on PATH: the launcher asks the server with it (apt-get install curl)");
        data = CliRun.demo(tmp);
        launcher = install(tmp.resolve("install"));
        serve = serve(data, "127.0.0.1", tmp.resolve("serve.log"));
    }

    /** A {@code serve} on {@code data}, started once its endpoint file is written. */
    private static Process serve(Path data, String host, Path log) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(java(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--data", data.toString(), "--host", host, "--port", "0");
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(data.resolve(ServeEndpoint.NAME))) {
            if (!p.isAlive() || System.nanoTime() > deadline) fail("serve did not start: " + Files.readString(log));
            Thread.sleep(100);
        }
        return p;
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) {
            serve.destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
            // A clean stop removes the endpoint file (the shutdown hook).
            assertFalse(Files.exists(data.resolve(ServeEndpoint.NAME)), "endpoint file left by a clean stop");
        }
    }

    static Stream<List<String>> commandLines() {
        return Stream.of(
                List.of("search", "s:auxiliary"),
                List.of("search", "--limit", "3", "kind:patch AND d:2026-11-16.."),
                List.of("search", "--json", "--limit", "2", "nq:\"change-id: " + SERIES + "\""),
                List.of("search", "--offset", "2", "--limit", "2", "f:leon"),
                List.of("search", "nosuchwordanywhere"),
                List.of("search", "s:(unbalanced"),
                List.of("search", "--limit", "0", "x"),
                List.of("search"),
                List.of("series"),
                List.of("series", "--json"),
                List.of("series", "ack:leon AND state:under-review"),
                List.of("series", "kind:infrastructure"),
                List.of("acks", SERIES),
                List.of("acks", PATCH),
                List.of("acks", "--json", SERIES),
                List.of("acks", "<nosuch@example.org>"),
                List.of("search", "--help"),
                List.of("series", "--help"),
                List.of("acks", "--help"),
                List.of("acks", "--no-such-option", SERIES));
    }

    /**
     * Through the server with a JVM that cannot start (so a fallback would show), and with {@code --no-server}: the
     * same bytes and exit code.
     */
    @ParameterizedTest
    @MethodSource("commandLines")
    void theServerPrintsWhatTheCommandPrints(List<String> args) throws Exception {
        Run local = launch(args(args, "--no-server"), Map.of());
        Run served = launch(args, Map.of("PATCHLANE_JAVA_OPTS", "-XX:+NoSuchJvmOptionSoAFallbackWouldFail"));
        assertEquals(local.code(), served.code(), "exit code of " + args + "\n" + served.errText());
        assertEquals(local.outText(), served.outText(), "stdout of " + args);
        assertArrayEquals(local.out(), served.out(), "stdout bytes of " + args);
        assertEquals(local.errText(), served.errText(), "stderr of " + args);
    }

    /**
     * Neither --data nor PATCHLANE_DATA: the default beside the launcher, as in the README's first queries (the
     * launcher once stopped here on its own unset-variable check, exit 1).
     */
    @Test
    void theDefaultDataDirectoryIsAskedAsJavaFindsIt() throws Exception {
        Run defaulted = launch(List.of("series", "--limit", "2"), Map.of(), tmp, false);
        assertEquals(launch(List.of("series", "--limit", "2", "--no-server"), Map.of(), tmp, false), defaulted);
        assertEquals(ExitCode.IO, defaulted.code(), defaulted.errText());
    }

    /** A --data relative to the caller's directory, and the caller's PATCHLANE_DATA, reach the same server. */
    @Test
    void theCallersDataDirectoryAndEnvironmentCount() throws Exception {
        Map<String, String> noJvm = Map.of("PATCHLANE_JAVA_OPTS", "-XX:+NoSuchJvmOptionSoAFallbackWouldFail");
        Run relative = launch(List.of("series", "--data", "data", "--limit", "2"), noJvm, tmp, false);
        assertEquals(0, relative.code(), relative.errText());
        Run env = launch(List.of("series", "--limit", "2"), Map.of("PATCHLANE_DATA", data.toString(),
                "PATCHLANE_JAVA_OPTS", "-XX:+NoSuchJvmOptionSoAFallbackWouldFail"), tmp, false);
        assertEquals(relative.outText(), env.outText());
        assertEquals(launch(List.of("series", "--limit", "2", "--no-server"), Map.of()).outText(), env.outText());
    }

    /** A data directory with a space and non-ASCII letters in its path is asked too (the answer's header said Latin-1). */
    @Test
    void aDataDirectoryOfAnyNameIsAsked() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")),
                "file names are not UTF-8 in this JVM");
        Path copy = copyOf(data, tmp.resolve("dé mo").resolve("日本 data"));
        Process other = serve(copy, "127.0.0.1", tmp.resolve("serve-named.log"));
        try {
            List<String> args = List.of("acks", "--data", copy.toString(), SERIES);
            Run served = launch(args, Map.of("PATCHLANE_JAVA_OPTS", "-XX:+NoSuchJvmOptionSoAFallbackWouldFail"));
            assertEquals(launch(args(args, "--no-server"), Map.of()), served);
        } finally {
            other.destroy();
            other.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A server cut off in the middle of its answer: the launcher prints the new JVM's answer, nothing of the cut one. */
    @Test
    void aServerDyingMidAnswerFallsBackToTheLocalResult() throws Exception {
        Path copy = copyOf(data, tmp.resolve("cut-data"));
        Run local = launch(List.of("acks", "--data", copy.toString(), SERIES, "--no-server"), Map.of());
        AtomicBoolean asked = new AtomicBoolean();
        try (ServerSocket cut = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = cut.accept()) {
                    readHead(s.getInputStream());
                    asked.set(true);
                    OutputStream o = s.getOutputStream();
                    o.write(("HTTP/1.1 200 OK\r\nX-Patchlane-Exit: 0\r\nX-Patchlane-Stdout-Length: 9\r\n"
                            + "X-Patchlane-Data: " + copy.toRealPath() + "\r\nContent-Length: 100000\r\n\r\nseries 0")
                            .getBytes(StandardCharsets.UTF_8));
                    o.flush();
                } catch (IOException e) {
                    // the test below fails on asked
                }
            });
            t.start();
            endpoint(copy, "http://127.0.0.1:" + cut.getLocalPort(), ProcessHandle.current().pid());
            Run r = launch(List.of("acks", "--data", copy.toString(), SERIES), Map.of());
            t.join(10_000);
            assertTrue(asked.get(), "the launcher did not ask the server of the endpoint file");
            assertEquals(local, r);
        }
    }

    /** An endpoint file left by a killed server (its pid gone): not even asked, the new JVM answers. */
    @Test
    void aStaleEndpointFileIsNotAsked() throws Exception {
        Path copy = copyOf(data, tmp.resolve("stale-data"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        AtomicBoolean asked = new AtomicBoolean();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(1);
            endpoint(copy, "http://127.0.0.1:" + listener.getLocalPort(), gone.pid());
            Run r = launch(List.of("series", "--data", copy.toString(), "--limit", "3"), Map.of());
            try (Socket s = listener.accept()) {
                asked.set(true);
            } catch (IOException e) {
                // nobody connected
            }
            assertFalse(asked.get(), "a stale endpoint was asked");
            assertEquals(launch(List.of("series", "--data", copy.toString(), "--limit", "3", "--no-server"), Map.of()), r);
        }
    }

    /** The endpoint answers only with the file's token, never another data directory's command, nor --mbox. */
    @Test
    void theEndpointWantsTheTokenAndItsOwnArchive() throws Exception {
        Map<String, String> file = endpointFile(data);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                data.resolve(ServeEndpoint.NAME))));
        String url = file.get("url");
        String query = "/api/cli?arg=series&cwd=" + enc(tmp.toString()) + "&arg=--data&arg=" + enc(data.toString());
        assertEquals(200, get(url + query, file.get("token")).statusCode());
        assertEquals(403, get(url + query, null).statusCode());
        String token = file.get("token");
        String wrong = (token.charAt(0) == '0' ? "1" : "0") + token.substring(1);
        assertEquals(403, get(url + query, wrong).statusCode());
        Path other = copyOf(data, tmp.resolve("other-data"));
        assertEquals(409, get(url + "/api/cli?arg=series&cwd=/&arg=--data&arg=" + enc(other.toString()),
                file.get("token")).statusCode());
        assertEquals(409, get(url + query + "&arg=--mbox&arg=-", file.get("token")).statusCode());
        assertEquals(409, get(url + "/api/cli?arg=stats&cwd=/", file.get("token")).statusCode());
    }

    private static HttpResponse<byte[]> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** What one launcher run printed. */
    record Run(int code, byte[] out, byte[] err) {
        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }

        String errText() {
            return new String(err, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Run r && r.code == code && Arrays.equals(r.out, out) && Arrays.equals(r.err, err);
        }

        @Override
        public int hashCode() {
            return code;
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + outText() + "--- stderr\n" + errText();
        }
    }

    private static Run launch(List<String> args, Map<String, String> env) throws Exception {
        return launch(args, env, tmp, true);
    }

    /** Runs the installed launcher with bash, in {@code dir}, {@code --data} of the demo unless {@code withData} is false. */
    private static Run launch(List<String> args, Map<String, String> env, Path dir, boolean withData) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", launcher.toString()));
        cmd.addAll(args);
        if (withData && !args.contains("--data") && !args.isEmpty()) cmd.addAll(List.of("--data", data.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove(DefaultDataDirectory.ENV);
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().put("PATH", Path.of(java()).getParent() + ":" + System.getenv("PATH"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("launcher did not finish: " + cmd);
        }
        return new Run(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
    }

    private static List<String> args(List<String> args, String more) {
        List<String> all = new ArrayList<>(args);
        // After the command's name, before a query that could look like an option.
        all.add(1, more);
        return all;
    }

    /**
     * A copy of the launcher beside a jar of this test's class path (a manifest naming it), as an installation is: the
     * launcher then neither builds nor needs Maven.
     */
    private static Path install(Path home) throws IOException {
        Files.createDirectories(home.resolve("target"));
        Path script = home.resolve("patchlane");
        Files.copy(Path.of("patchlane"), script);
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Main.class.getName());
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, Arrays.stream(System.getProperty("java.class.path")
                .split(java.io.File.pathSeparator)).map(p -> Path.of(p).toUri().toString())
                .collect(Collectors.joining(" ")));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(home.resolve("target/patchlane.jar")), m)) {
            jar.flush();
        }
        return script;
    }

    private static void endpoint(Path dir, String url, long pid) throws IOException {
        Path f = dir.resolve(ServeEndpoint.NAME);
        Files.writeString(f, "url=" + url + "\ntoken=" + ServeEndpoint.newToken() + "\npid=" + pid + "\ndata="
                + dir.toRealPath() + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    }

    private static Map<String, String> endpointFile(Path dir) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve(ServeEndpoint.NAME))) {
            int eq = line.indexOf('=');
            m.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return m;
    }

    private static Path copyOf(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (f.getFileName().toString().equals(ServeEndpoint.NAME)) continue;
                if (Files.isDirectory(f)) Files.createDirectories(t);
                else Files.copy(f, t, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return to;
    }

    private static void readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            head.write(c);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) return;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }
}
