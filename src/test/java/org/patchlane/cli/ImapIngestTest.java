package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.mail.MailParser;
import org.patchlane.source.CuttingProxy;
import org.patchlane.source.ImapServer;
import org.patchlane.store.Searcher;

/** {@code patchlane ingest imap://...} end to end against a real IMAP server holding a generated archive. */
class ImapIngestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static List<byte[]> archive;
    static List<byte[]> later;

    @TempDir
    Path tmp;
    Path data;
    Path passwordFile;
    ImapServer server;

    @BeforeAll
    static void generate() throws IOException {
        archive = ImapServer.generated(2_000, 11);
        later = ImapServer.generated(25, 12);
    }

    @BeforeEach
    void start() throws IOException {
        server = new ImapServer(false);
        data = tmp.resolve("data");
        passwordFile = tmp.resolve("imap-pass");
        Files.writeString(passwordFile, ImapServer.PASSWORD + "\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun ingest(String url, Path password) {
        return CliRun.of("ingest", "--json", "--data", data.toString(), "--no-starttls", "--password-file",
                password.toString(), url);
    }

    private JsonNode ingestOk(String url) throws IOException {
        CliRun r = ingest(url, passwordFile);
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    /** The Message-IDs of the delivered mail, as the parser reads them, sorted (repeats kept). */
    static List<String> ids(List<byte[]> delivered) {
        List<String> ids = new ArrayList<>();
        for (byte[] raw : delivered) ids.add(MailParser.parse(raw, null, false).messageId());
        ids.sort(null);
        return ids;
    }

    private List<String> storedIds() throws IOException {
        List<String> ids = new ArrayList<>();
        try (Searcher s = Searcher.open(data)) {
            s.forEach(r -> ids.add(r.messageId()));
        }
        ids.sort(null);
        return ids;
    }

    private static List<byte[]> concat(List<byte[]> a, List<byte[]> b) {
        List<byte[]> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void storesExactlyTheDeliveredMessagesThenOnlyNewDeliveries() throws IOException {
        server.deliver(archive);
        JsonNode first = ingestOk(server.url());
        assertEquals(archive.size(), first.get("messages").asInt());
        assertEquals(ids(archive), storedIds());

        assertEquals(0, ingestOk(server.url()).get("messages").asInt(), "nothing new, nothing read");
        server.deliver(later);
        JsonNode second = ingestOk(server.url());
        assertEquals(later.size(), second.get("messages").asInt());
        assertEquals(later.size(), second.get("added").asInt());
        assertEquals(ids(concat(archive, later)), storedIds());

        CliRun sources = CliRun.of("sources", "--json", "--data", data.toString());
        assertEquals(0, sources.code(), sources.err());
        JsonNode s = JSON.readTree(sources.out()).get("sources").get(0);
        String key = server.imapUrl().toString();
        assertEquals(key, s.get("url").asText());
        assertEquals(server.uidValidity() + ":" + (archive.size() + later.size()), s.get("cursors").get(key).asText());
        assertEquals(later.size(), s.get("lastMessages").asInt());
        assertEquals(archive.size() + later.size(), s.get("messages").asInt());
        assertTrue(s.get("lastError").isNull());
    }

    @Test
    void aNewUidValidityRescansTheFolderAndDuplicatesNothing() throws IOException {
        server.deliver(archive.subList(0, 300));
        ingestOk(server.url());
        server.recreateFolder();
        server.deliver(archive.subList(0, 300));
        server.deliver(later);
        JsonNode again = ingestOk(server.url());
        assertEquals(300 + later.size(), again.get("messages").asInt());
        assertEquals(300, again.get("unchanged").asInt());
        assertEquals(later.size(), again.get("added").asInt());
        assertEquals(0, again.get("duplicates").asInt());
        assertEquals(ids(concat(archive.subList(0, 300), later)), storedIds());
    }

    @Test
    void aConnectionDroppedMidBatchLosesAndRepeatsNothing() throws IOException {
        server.deliver(archive);
        try (CuttingProxy proxy = new CuttingProxy(server.port())) {
            proxy.breakNextAfter(2_000_000, CuttingProxy.Fault.CUT);
            JsonNode r = ingestOk("imap://" + ImapServer.USER + "@127.0.0.1:" + proxy.port() + "/" + ImapServer.FOLDER);
            assertEquals(1, proxy.faults());
            assertEquals(archive.size(), r.get("messages").asInt());
        }
        assertEquals(ids(archive), storedIds());
    }

    @Test
    void aWrongPasswordFailsClearlyWithExitCode2AndWritesNothing() throws IOException {
        server.deliver(archive.subList(0, 40));
        Path wrong = tmp.resolve("wrong-pass");
        Files.writeString(wrong, "not-the-password\n");
        CliRun fresh = ingest(server.url(), wrong);
        assertEquals(2, fresh.code());
        assertTrue(fresh.err().contains("login refused"), fresh.err());
        assertFalse(fresh.err().contains("not-the-password") || fresh.out().contains("not-the-password"));
        assertEquals(List.of(), storedIds());

        ingestOk(server.url());
        server.deliver(archive.subList(40, 60));
        assertEquals(2, ingest(server.url(), wrong).code());
        assertEquals(ids(archive.subList(0, 40)), storedIds(), "the stored mail and its cursor are untouched");
        JsonNode s = JSON.readTree(CliRun.of("sources", "--json", "--data", data.toString()).out()).get("sources").get(0);
        assertEquals(server.uidValidity() + ":40", s.get("cursors").get(server.imapUrl().toString()).asText());
        assertEquals(2, s.get("errors").asInt());
        assertTrue(s.get("lastError").asText().contains("login refused"));
        assertEquals(20, ingestOk(server.url()).get("messages").asInt(), "the next good run picks up from there");
    }

    @Test
    void passwordsNeverComeFromTheCommandLine() {
        CliRun inUrl = CliRun.of("ingest", "--data", data.toString(),
                "imap://maint:hunter2@127.0.0.1:" + server.port() + "/INBOX");
        assertEquals(2, inUrl.code());
        assertFalse(inUrl.err().contains("hunter2"), inUrl.err());
        CliRun none = CliRun.of("ingest", "--data", data.toString(), server.url());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("PATCHLANE_IMAP_PASSWORD"), none.err());
        CliRun option = CliRun.of("ingest", "--password", "x", "--data", data.toString(), server.url());
        assertEquals(2, option.code(), "there is no --password option");
    }
}
