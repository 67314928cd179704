package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.digest.DigestFixture;
import org.patchlane.digest.SmtpServer;
import org.patchlane.git.ConfigFile;
import org.patchlane.store.SentDigests;

/** What {@code digest --send} and {@code serve} call: the configuration's delivery. */
class DigestDeliveryTest {
    @TempDir
    Path dir;

    @Test
    void sendsTheDigestToTheConfiguredListNowWithoutRecordingIt() throws Exception {
        try (SmtpServer server = new SmtpServer()) {
            DigestDelivery d = DigestDelivery.of(server.config(dir, ""), SmtpServer.env());
            assertEquals("linux-rdma", d.list());
            String id = d.send(DigestFixture.full());
            assertEquals(1, server.received().length);
            assertEquals(id, server.received()[0].getMessageID());
            assertTrue(((String) ((jakarta.mail.Multipart) server.received()[0].getContent()).getBodyPart(0).getContent())
                    .contains("[1] https://patchlane.example.org/series/8d107a81e5c7"), "[web] url is the links' base");
            assertTrue(!SentDigests.of(dir).sent("2026-W47", "linux-rdma"), "a send by hand leaves the schedule alone");
        }
    }

    @Test
    void aRefusedSendIsAnIoErrorAndMissingSettingsAreBadUsage() throws Exception {
        try (SmtpServer server = new SmtpServer()) {
            DigestDelivery wrong = DigestDelivery.of(server.config(dir, ""), Map.of("PATCHLANE_SMTP_PASSWORD", "nope"));
            IOException e = assertThrows(IOException.class, () -> wrong.send(DigestFixture.full()));
            assertTrue(e.getMessage().startsWith("could not send the digest through 127.0.0.1:" + server.port()));
        }
        ConfigFile none = ConfigFile.read(Files.writeString(dir.resolve("empty.conf"), "[digest]\n\tto = a@example.org\n"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DigestDelivery.of(none, Map.of())).getMessage()
                .contains("[smtp]"));
    }

    @Test
    void serveStartsNoSchedulerWithoutADigestRecipient() throws Exception {
        ConfigFile conf = ConfigFile.read(Files.writeString(dir.resolve("c.conf"), "[smtp]\n\thost = h\n\tfrom = a@b.org\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertNull(DigestDelivery.startIfConfigured(conf, dir, DigestFixture.source(),
                new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
