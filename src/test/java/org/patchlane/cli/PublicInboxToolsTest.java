package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.SharedData;
import org.patchlane.Required;
import org.patchlane.mail.MailParser;
import org.patchlane.store.Searcher;

/**
 * A public-inbox v2 inbox made by public-inbox's own code from the real linux-watchdog archive, ingested, extended,
 * pruned and ingested again; its messages must be exactly those of the same archive ingested as mbox. Skipped when
 * the public-inbox tools (Debian package {@code public-inbox}) or {@code ../shared} are absent.
 */
class PublicInboxToolsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADDRESS = "linux-watchdog@vger.kernel.org";
    /** public-inbox's own mbox importer (what its -convert and -index build on): one process for 16k messages. */
    private static final String IMPORT = "use PublicInbox::Config; use PublicInbox::InboxWritable; "
            + "my $ibx = PublicInbox::InboxWritable->new(PublicInbox::Config->new->lookup_name('watchdog')); "
            + "$ibx->import_mbox(\\*STDIN, 'mboxrd');";

    @TempDir
    Path tmp;

    @Test
    void theWatchdogArchiveComesOutTheSameFromTheInboxAsFromMbox() throws Exception {
        Path archive = SharedData.require("corpus/lore-linux-watchdog/archive");
        Required.that(onPath("public-inbox-init") && onPath("public-inbox-mda") && onPath("public-inbox-learn"),
                "public-inbox tools not installed (apt-get install public-inbox)");
        List<Path> years;
        try (Stream<Path> files = Files.list(archive)) {
            years = files.filter(f -> f.getFileName().toString().endsWith(".mboxrd.gz")).sorted().toList();
        }
        Path inbox = tmp.resolve("inbox");
        tool(null, "public-inbox-init", "-V2", "-L", "basic", "watchdog", inbox.toString(), "http://127.0.0.1/watchdog",
                ADDRESS);
        tool(null, "git", "config", "-f", tmp.resolve("pi-config").toString(), "publicinboxmda.spamcheck", "none");

        tool(gunzipped(years.subList(0, years.size() - 1)), "perl", "-e", IMPORT);
        JsonNode first = ingest("inbox-data", inbox.toString());
        assertTrue(first.get("added").asInt() > 10_000, first.toString());

        tool(gunzipped(years.subList(years.size() - 1, years.size())), "perl", "-e", IMPORT);
        JsonNode extended = ingest("inbox-data", inbox.toString());
        assertTrue(extended.get("messages").asInt() > 0);
        assertEquals(extended.get("messages").asInt(), extended.get("added").asInt(), "only the new commits are read");

        JsonNode mbox = ingest("mbox-data", years.stream().map(Path::toString).toArray(String[]::new));
        Map<String, List<String>> fromInbox = stored("inbox-data");
        Map<String, List<String>> fromMbox = stored("mbox-data", PublicInboxToolsTest::asImported);
        assertEquals(fromMbox.keySet(), fromInbox.keySet(), "the same Message-IDs from mbox and from the inbox");
        int copies = 0;
        for (Map.Entry<String, List<String>> e : fromInbox.entrySet()) {
            assertEquals(1, e.getValue().size(), "public-inbox keeps one copy of " + e.getKey());
            assertTrue(fromMbox.get(e.getKey()).contains(e.getValue().get(0)),
                    "the inbox holds the mbox bytes of " + e.getKey() + ", less the headers public-inbox drops");
            copies += fromMbox.get(e.getKey()).size();
        }
        assertEquals(fromInbox.size() + mbox.get("duplicates").asInt(), copies,
                "the mbox has only the re-sent copies public-inbox drops besides");

        byte[] victim = firstMessage(years.get(0));
        tool(victim, "public-inbox-learn", "rm");
        JsonNode pruned = ingest("inbox-data", inbox.toString());
        assertEquals(1, pruned.get("removed").asInt(), pruned.toString());
        assertEquals(fromInbox.size() - 1, stored("inbox-data").size());
        String victimId = MailParser.parse(victim, null, false).messageId();
        assertFalse(stored("inbox-data").containsKey(victimId), victimId + " is gone");

        String fresh = "From: Tester <tester@example.org>\nTo: " + ADDRESS + "\nSubject: [PATCH] watchdog: delivered "
                + "by public-inbox-mda\nDate: Mon, 2 Nov 2026 10:00:00 +0000\nMessage-ID: <mda-1@example.org>\n\nhi\n";
        tool(fresh.getBytes(StandardCharsets.UTF_8), "public-inbox-mda", "--no-precheck");
        JsonNode delivered = ingest("inbox-data", inbox.toString());
        assertEquals(1, delivered.get("added").asInt(), delivered.toString());
        assertFalse(searchHits("inbox-data", "m:mda-1@example.org").isEmpty());
    }

    private JsonNode ingest(String data, String... sources) throws IOException {
        List<String> args = new ArrayList<>(List.of("ingest", "--json", "--data", tmp.resolve(data).toString()));
        args.addAll(List.of(sources));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    /** The stored messages by Message-ID, each as the SHA-256 of its bytes: the archive's message set. */
    private Map<String, List<String>> stored(String data) throws IOException {
        return stored(data, raw -> raw);
    }

    private Map<String, List<String>> stored(String data, UnaryOperator<byte[]> view) throws IOException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Searcher s = Searcher.open(tmp.resolve(data))) {
            s.forEach(r -> out.computeIfAbsent(r.messageId(), k -> new ArrayList<>()).add(sha256(view.apply(r.raw()))));
        }
        return out;
    }

    /**
     * A message as public-inbox's importer stores it: without the {@code Delivered-To} and {@code X-Original-To}
     * headers, which it drops as details of one delivery (PublicInbox::Import).
     */
    private static byte[] asImported(byte[] raw) {
        String m = new String(raw, StandardCharsets.ISO_8859_1);
        int body = m.indexOf("\n\n");
        String head = (body < 0 ? m : m.substring(0, body + 1))
                .replaceAll("(?mi)^(Delivered-To|X-Original-To):.*\n", "");
        return (head + (body < 0 ? "" : m.substring(body + 1))).getBytes(StandardCharsets.ISO_8859_1);
    }

    private List<String> searchHits(String data, String query) throws IOException {
        CliRun r = CliRun.of("search", "--json", "--data", tmp.resolve(data).toString(), query);
        List<String> ids = new ArrayList<>();
        JSON.readTree(r.out()).get("hits").forEach(h -> ids.add(h.get("messageId").asText()));
        return ids;
    }

    /** Runs a public-inbox tool with its configuration and home in the temp dir, feeding {@code stdin}. */
    private void tool(byte[] stdin, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("PI_CONFIG", tmp.resolve("pi-config").toString());
        env.put("HOME", tmp.toString());
        env.put("ORIGINAL_RECIPIENT", ADDRESS);
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) in.write(stdin);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    private static byte[] gunzipped(List<Path> files) throws IOException {
        List<InputStream> streams = new ArrayList<>();
        for (Path f : files) streams.add(new GZIPInputStream(Files.newInputStream(f)));
        try (InputStream all = new SequenceInputStream(Collections.enumeration(streams))) {
            return all.readAllBytes();
        }
    }

    /** The first message of an mboxrd file, without its From line (what -learn reads). */
    private static byte[] firstMessage(Path gz) throws IOException {
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            text = new String(in.readNBytes(1 << 20), StandardCharsets.ISO_8859_1);
        }
        int start = text.indexOf('\n') + 1;
        int end = text.indexOf("\nFrom mboxrd@z ", start);
        return text.substring(start, end).replaceAll("(?m)^>(>*From )", "$1").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
