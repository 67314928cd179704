package org.patchlane.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ImapSource} against a real IMAP server: batches, resume, UIDVALIDITY, drops, stalls, refusals, TLS. */
class ImapSourceTest {
    static List<byte[]> archive;
    ImapServer server;

    @BeforeAll
    static void generate() throws IOException {
        archive = ImapServer.generated(2_000, 7);
    }

    @BeforeEach
    void start() {
        server = new ImapServer(false);
    }

    @org.junit.jupiter.api.AfterEach
    void stop() {
        server.close();
    }

    static List<RawMessage> readAll(ImapAccount account, String position) throws IOException {
        try (ImapSource source = ImapSource.open(account, position)) {
            List<RawMessage> out = new ArrayList<>();
            for (RawMessage m = source.next(); m != null; m = source.next()) out.add(m);
            assertEquals(source.totalBytes(), source.bytesRead(), "progress reaches the total");
            return out;
        }
    }

    static void assertSameMessages(List<byte[]> expected, List<RawMessage> got) {
        assertEquals(expected.size(), got.size());
        for (int i = 0; i < expected.size(); i++) assertArrayEquals(expected.get(i), got.get(i).bytes(), "message " + i);
    }

    @Test
    void readsEveryMessageByteForByteAndResumesAfterTheLastUid() throws IOException {
        server.deliver(archive);
        List<RawMessage> all = readAll(server.account(ImapServer.PASSWORD), null);
        assertSameMessages(archive, all);
        Cursor last = all.get(all.size() - 1).after();
        assertEquals(server.imapUrl().toString(), last.sourceKey());
        assertEquals(server.uidValidity() + ":" + archive.size(), last.position());

        assertEquals(List.of(), readAll(server.account(ImapServer.PASSWORD), last.position()));
        server.deliver(archive.subList(0, 3));
        List<RawMessage> more = readAll(server.account(ImapServer.PASSWORD), last.position());
        assertSameMessages(archive.subList(0, 3), more);
        assertEquals(server.uidValidity() + ":" + (archive.size() + 3), more.get(2).after().position());
    }

    @Test
    void aNewUidValidityReadsTheFolderAgain() throws IOException {
        server.deliver(archive.subList(0, 50));
        String position = readAll(server.account(ImapServer.PASSWORD), null).get(49).after().position();
        server.recreateFolder();
        server.deliver(archive.subList(0, 60));
        List<RawMessage> again = readAll(server.account(ImapServer.PASSWORD), position);
        assertSameMessages(archive.subList(0, 60), again);
        assertEquals(server.uidValidity() + ":60", again.get(59).after().position());
    }

    @Test
    void aConnectionDroppedInsideABatchIsResumedWithoutLossOrRepeat() throws IOException {
        server.deliver(archive);
        try (CuttingProxy proxy = new CuttingProxy(server.port())) {
            proxy.breakNextAfter(1_500_000, CuttingProxy.Fault.CUT);
            try (ImapSource source = ImapSource.open(through(proxy, Duration.ofSeconds(5)), null)) {
                List<RawMessage> got = new ArrayList<>();
                for (RawMessage m = source.next(); m != null; m = source.next()) got.add(m);
                assertSameMessages(archive, got);
                assertEquals(1, proxy.faults());
                assertEquals(1, source.reconnects());
            }
        }
    }

    @Test
    void aHungServerTimesOutAndIsRetried() throws IOException {
        server.deliver(archive.subList(0, 300));
        try (CuttingProxy proxy = new CuttingProxy(server.port())) {
            proxy.breakNextAfter(200_000, CuttingProxy.Fault.STALL);
            long start = System.nanoTime();
            try (ImapSource source = ImapSource.open(through(proxy, Duration.ofSeconds(1)), null)) {
                List<RawMessage> got = new ArrayList<>();
                for (RawMessage m = source.next(); m != null; m = source.next()) got.add(m);
                assertSameMessages(archive.subList(0, 300), got);
                assertEquals(1, source.reconnects());
            }
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos(), "the stall did not hang");
        }
    }

    @Test
    void aServerThatStaysDownFailsWithAnIoErrorAfterTheRetries() throws IOException {
        ImapAccount account = server.account(ImapServer.PASSWORD);
        server.close();
        IOException e = assertThrows(IOException.class, () -> ImapSource.open(account, null));
        assertTrue(e.getMessage().contains("gave up after 5 tries"), e.getMessage());
    }

    @Test
    void aWrongPasswordOrFolderIsRefusedAtOnceWithoutLeakingThePassword() {
        ImapRefusedException login = assertThrows(ImapRefusedException.class,
                () -> ImapSource.open(server.account("wrong-pass"), null));
        assertEquals(ImapRefusedException.Reason.LOGIN, login.reason());
        assertTrue(!login.getMessage().contains("wrong-pass") && !login.getMessage().contains(ImapServer.PASSWORD));
        ImapAccount good = server.account(ImapServer.PASSWORD);
        ImapAccount noFolder = new ImapAccount(ImapUrl.parse(server.url() + "-nope"), ImapServer.PASSWORD, null, true,
                good.timeout(), good.retries(), good.backoff());
        ImapRefusedException folder = assertThrows(ImapRefusedException.class, () -> ImapSource.open(noFolder, null));
        assertEquals(ImapRefusedException.Reason.FOLDER, folder.reason());
    }

    @Test
    void tlsWithAPinnedCertificateAndNotWithoutIt(@TempDir Path tmp) throws Exception {
        try (ImapServer tls = new ImapServer(true)) {
            tls.deliver(archive.subList(0, 5));
            Path cert = tmp.resolve("greenmail.crt");
            Files.write(cert, greenMailCertificate());
            ImapAccount plain = tls.account(ImapServer.PASSWORD);
            ImapAccount pinned = new ImapAccount(tls.imapUrl(), ImapServer.PASSWORD, cert, false, plain.timeout(),
                    0, plain.backoff());
            assertSameMessages(archive.subList(0, 5), readAll(pinned, null));
            ImapAccount jdkTrust = new ImapAccount(tls.imapUrl(), ImapServer.PASSWORD, null, false, plain.timeout(),
                    0, plain.backoff());
            IOException e = assertThrows(IOException.class, () -> ImapSource.open(jdkTrust, null));
            assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
        }
    }

    @Test
    void plainImapRequiresStartTls() {
        ImapAccount plain = server.account(ImapServer.PASSWORD);
        ImapAccount strict = new ImapAccount(plain.url(), ImapServer.PASSWORD, null, false, plain.timeout(), 0,
                plain.backoff());
        IOException e = assertThrows(IOException.class, () -> ImapSource.open(strict, null));
        assertTrue(e.getMessage().toLowerCase().contains("starttls"), e.getMessage());
    }

    private ImapAccount through(CuttingProxy proxy, Duration timeout) {
        ImapUrl direct = server.imapUrl();
        ImapUrl via = new ImapUrl(false, direct.user(), direct.host(), proxy.port(), direct.folder());
        return new ImapAccount(via, ImapServer.PASSWORD, null, true, timeout, 3, Duration.ofMillis(50));
    }

    /** The self-signed certificate GreenMail's IMAPS presents, from the keystore in its jar. */
    static byte[] greenMailCertificate() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = com.icegreen.greenmail.util.GreenMail.class.getResourceAsStream("/greenmail.p12")) {
            ks.load(in, "changeit".toCharArray());
        }
        return ks.getCertificate(ks.aliases().nextElement()).getEncoded();
    }
}
