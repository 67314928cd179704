package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.digest.Period;
import org.patchlane.digest.SmtpServer;

/**
 * {@code serve} with a {@code [digest] to} mails the digest itself: the week that has ended goes out once its
 * scheduled time has come, through the configured SMTP server, and a restarted server does not send it again.
 */
class ServeDigestMailTest {
    @TempDir
    Path tmp;

    @Test
    void serveMailsTheEndedWeekOnceAcrossARestart() throws Exception {
        Path data = CliRun.demo(tmp);
        try (SmtpServer smtp = new SmtpServer()) {
            // mon 00:00: the latest ended week is always due
            Path conf = smtp.config(tmp.resolve("conf"), "[digest]\n\tschedule = mon 00:00\n").path();
            String week = Period.weekOf(Instant.now()).previous().label();
            String log = serveUntil(data, conf, "sent the digest");
            assertTrue(log.contains("Patchlane mails the digest of linux-rdma every mon 00:00 UTC to 1 recipient(s)"), log);
            MimeMessage[] got = smtp.received();
            assertEquals(1, got.length);
            assertTrue(got[0].getSubject().contains(week), got[0].getSubject());
            assertEquals("linux-rdma@vger.kernel.org", got[0].getAllRecipients()[0].toString());

            String again = serveUntil(data, conf, "Patchlane mails the digest");
            Thread.sleep(3_000); // the restarted server's first tick has run by now
            assertEquals(1, smtp.received().length, "sent once, recorded, not again after a restart:\n" + again);
        }
    }

    /** Runs {@code serve} in its own JVM until its log says {@code wanted}, then stops it; returns the log. */
    private String serveUntil(Path data, Path conf, String wanted) throws Exception {
        Path log = Files.createTempFile(tmp, "serve", ".log");
        ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--data", data.toString(),
                "--config", conf.toString(), "--port", "0").redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(SmtpServer.env());
        Process server = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                String text = Files.readString(log);
                if (text.contains(wanted)) return text;
                if (!server.isAlive()) fail("serve exited: " + text);
                Thread.sleep(200);
            }
            return fail("serve never said '" + wanted + "':\n" + Files.readString(log));
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
