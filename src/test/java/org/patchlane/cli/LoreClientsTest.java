package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchlane.Required;
import org.patchlane.mail.MailParser;
import org.patchlane.source.MailSource;
import org.patchlane.source.RawMessage;
import org.patchlane.source.Sources;
import org.patchlane.thread.B4Am;
import org.patchlane.web.LoreArchive;

/**
 * The real clients against a Patchlane server on this machine, configured as a maintainer points them at lore:
 * Debian's {@code b4} ({@code b4.midmask}, {@code b4.searchmask}) and public-inbox's {@code lei} ({@code lei q -I}).
 * Skipped (under CI failed) when either is not installed; {@code .ci/run} installs both.
 */
class LoreClientsTest {
    @TempDir
    static Path dir;
    static LoreArchive archive;

    @BeforeAll
    static void start() throws IOException {
        archive = new LoreArchive(dir);
    }

    @AfterAll
    static void stop() throws IOException {
        archive.close();
    }

    private static B4Am b4(Path tmp) throws IOException {
        B4Am.assumeAvailable();
        return B4Am.in(tmp, Map.of("midmask", archive.base + "/all/%s",
                "searchmask", archive.base + "/all/?x=m&t=1&q=%s"));
    }

    /** {@code b4 am -t MSGID} from the server collects what {@code b4 am -t -m FILE} collects from the list's mbox. */
    @ParameterizedTest
    @ValueSource(strings = {LoreArchive.V1_PATCH2, LoreArchive.REVIEW, LoreArchive.V1_COVER})
    void b4AmFetchesTheThreadWithTheSameTrailers(String messageId, @TempDir Path tmp) throws Exception {
        B4Am b4 = b4(tmp);
        B4Am.Result local = b4.am(archive.v1Mbox);
        B4Am.Result served = b4.amFromServer(messageId);
        assertTrue(served.log().contains("Grabbing thread from 127.0.0.1"), served.log());
        assertEquals(List.of(LoreArchive.V1_PATCH1, LoreArchive.V1_PATCH2),
                served.patches().stream().map(B4Am.Patch::messageId).toList(), served.log());
        assertEquals(local.patches(), served.patches(), served.log());
        // what makes the comparison worth having: every kind of trailer reached b4 through Patchlane
        assertEquals(List.of("Acked-by: Leon Romanovsky <leon@example.org>",
                        "Reviewed-by: Jason Gunthorpe <jgg@example.com>",
                        "Signed-off-by: Wendy Core <wendy@example.org>",
                        "Tested-by: Mark Bloch <mbloch@example.org>"),
                sorted(served.patches().get(0).trailers()), served.log());
    }

    /** {@code b4 am -c} asks the search endpoint for newer versions and takes v2, a thread of its own. */
    @Test
    void b4AmCheckFindsTheNewerVersionThroughTheSearch(@TempDir Path tmp) throws Exception {
        B4Am.Result r = b4(tmp).amFromServer("-c", LoreArchive.V1_COVER);
        assertTrue(r.log().contains("Checking for newer revisions"), r.log());
        assertTrue(r.log().contains("Added from v2: 3 patches"), r.log());
        assertEquals(List.of(LoreArchive.V2_PATCH1, LoreArchive.V2_PATCH2),
                r.patches().stream().map(B4Am.Patch::messageId).toList(), r.log());
    }

    /**
     * {@code lei q -I URL -o mboxrd:FILE QUERY} gets the messages {@code patchlane search QUERY} lists. The query
     * goes to lei as a shell splits it, one word per argument: lei quotes an argument holding spaces as a phrase.
     */
    @ParameterizedTest
    @ValueSource(strings = {"s:frob", "f:wendy AND d:20261109..", "rb:jgg OR ack:leon OR tb:mbloch", "b:\"still held\""})
    void leiQueryGetsTheMessagesOfPatchlaneSearch(String query, @TempDir Path tmp) throws Exception {
        Required.that(onPath("lei"), "lei is not on PATH (apt-get install lei)");
        Required.that(onPath("curl"), "curl is not on PATH: lei fetches remote externals with it (apt-get install curl)");
        CliRun search = CliRun.of("search", "--json", "--limit", "1000", "--data", archive.data.toString(), query);
        assertEquals(0, search.code(), search.err());
        List<String> expected = new ArrayList<>();
        for (JsonNode hit : new ObjectMapper().readTree(search.out()).get("hits")) expected.add(hit.get("messageId").asText());
        assertFalse(expected.isEmpty(), query);

        Path out = tmp.resolve("results.mbox");
        Lei lei = new Lei(tmp);
        try {
            List<String> args = new ArrayList<>(List.of("q", "-I", archive.base + "/all/", "-o", "mboxrd:" + out));
            args.addAll(words(query));
            String log = lei.run(args.toArray(String[]::new));
            assertTrue(Files.exists(out), log);
            assertEquals(sorted(expected), sorted(messageIds(out)), log);
        } finally {
            lei.stop();
        }
    }

    private static List<String> messageIds(Path mbox) throws IOException {
        List<String> out = new ArrayList<>();
        try (MailSource source = Sources.open(mbox, k -> null)) {
            for (RawMessage m; (m = source.next()) != null; ) {
                out.add(MailParser.parse(m.bytes(), m.envelopeDate(), m.truncated()).messageId());
            }
        }
        return out;
    }

    /** The query's words, a "quoted phrase" kept whole, as a shell splits an unquoted command line. */
    private static List<String> words(String query) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:[^\\s\"]|\"[^\"]*\")+").matcher(query);
        while (m.find()) out.add(m.group());
        return out;
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }

    /**
     * lei with a throw-away HOME and XDG directories (its store, saved searches and daemon socket live there), no
     * proxies; {@link #stop} ends the daemon lei starts for itself.
     */
    private record Lei(Path home) {
        String run(String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("lei"));
            command.addAll(List.of(args));
            Path log = Files.createTempFile(home, "lei-", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.put("HOME", home.toString());
            for (String xdg : List.of("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR")) {
                env.put(xdg, Files.createDirectories(home.resolve(xdg.toLowerCase())).toString());
            }
            for (String proxy : List.of("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")) {
                env.remove(proxy);
            }
            env.put("GIT_CONFIG_NOSYSTEM", "1");
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("lei timed out: " + command);
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) throw new IOException("lei exited " + p.exitValue() + ": " + command + "\n" + text);
            return text;
        }

        void stop() throws IOException, InterruptedException {
            run("daemon-kill");
        }
    }
}
