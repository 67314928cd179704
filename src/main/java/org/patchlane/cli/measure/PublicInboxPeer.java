package org.patchlane.cli.measure;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * public-inbox (what lore runs): the archive imported into a v1 inbox's git repository by public-inbox's own mbox
 * importer (setup, timed apart as {@code prepareSeconds}), then {@code public-inbox-index} (the figure: Xapian with
 * positions, plus its SQLite overview). Queries go to a {@code public-inbox-httpd} started on loopback, after one
 * untimed request each: lore's case, a warm server over HTTP.
 */
public final class PublicInboxPeer implements Peer {
    static final String INBOX = "bench";
    private static final String IMPORT = "use PublicInbox::Config; use PublicInbox::InboxWritable; "
            + "my $ibx = PublicInbox::InboxWritable->new(PublicInbox::Config->new->lookup_name('" + INBOX + "')); "
            + "$ibx->import_mbox(\\*STDIN, 'mboxrd');";

    @Override
    public String name() {
        return "public-inbox";
    }

    @Override
    public boolean installed() {
        return Tools.onPath("public-inbox-init") && Tools.onPath("public-inbox-index")
                && Tools.onPath("public-inbox-httpd") && Tools.onPath("perl");
    }

    @Override
    public String version() {
        return Tools.packageVersion("public-inbox");
    }

    private static Map<String, String> env(Path dir) {
        return Map.of("PI_CONFIG", dir.resolve("pi-config").toString());
    }

    @Override
    public PeerIndex index(Archive archive, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path inbox = dir.resolve("inbox");
        Tools.must(List.of("public-inbox-init", "-V1", "-L", "full", INBOX, inbox.toString(),
                "http://127.0.0.1/" + INBOX, INBOX + "@example.invalid"), env(dir), null);
        Measured imported = Tools.must(List.of("perl", "-e", IMPORT), env(dir), archive.mbox());
        Measured m = Tools.must(List.of("public-inbox-index", inbox.toString()), env(dir), null);
        long index = Trees.size(inbox.resolve("public-inbox"));
        return PeerIndex.of(name(), version(), archive.messages(), m, index, Trees.size(inbox) - index,
                imported.wallSeconds());
    }

    @Override
    public boolean indexed(Path dir) {
        return Files.isDirectory(dir.resolve("inbox").resolve("public-inbox"));
    }

    @Override
    public Queries queries(Path dir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder b = new ProcessBuilder("public-inbox-httpd", "-W0", "-l", "127.0.0.1:" + port)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        b.environment().putAll(env(dir));
        Process server = b.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port + "/" + INBOX + "/?q=";
        Queries q = new Queries() {
            @Override
            public double millis(SharedQuery query) throws IOException, InterruptedException {
                long start = System.nanoTime();
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base
                        + URLEncoder.encode(query.lore(), StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                double ms = (System.nanoTime() - start) / 1e6;
                if (r.statusCode() != 200 && r.statusCode() != 404) {
                    throw new IOException("public-inbox-httpd answered " + r.statusCode());
                }
                return ms;
            }

            @Override
            public void close() throws InterruptedException {
                server.destroy();
                server.waitFor();
            }
        };
        try {
            awaitServer(server, q);
            for (SharedQuery s : SharedQuery.ALL) q.millis(s); // warm: lore's server has answered before
        } catch (IOException | InterruptedException | RuntimeException e) {
            q.close();
            throw e;
        }
        return q;
    }

    private static void awaitServer(Process server, Queries q) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            if (!server.isAlive()) throw new IOException("public-inbox-httpd exited " + server.exitValue());
            try {
                q.millis(SharedQuery.ALL.get(0));
                return;
            } catch (java.net.ConnectException e) {
                if (System.nanoTime() > deadline) throw new IOException("public-inbox-httpd did not answer in 60 s");
                Thread.sleep(200);
            }
        }
    }
}
