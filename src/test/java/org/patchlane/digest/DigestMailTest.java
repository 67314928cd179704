package org.patchlane.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The digest mail sent through a real SMTP server: it parses, and its two parts carry the same facts. */
class DigestMailTest {
    static final Instant AT = Instant.parse("2026-11-23T07:00:00Z");
    @TempDir
    Path dir;
    SmtpServer server;

    @BeforeEach
    void start() {
        server = new SmtpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MimeMessage sendOne() throws Exception {
        SmtpSettings smtp = SmtpSettings.of(server.config(dir, ""), SmtpServer.env());
        DigestMailing settings = DigestMailing.of(server.config(dir, ""));
        new SmtpSender(smtp).send(DigestMail.of(DigestFixture.full(), new DigestLinks("https://patchlane.example.org"),
                smtp.from(), settings.to(), AT));
        MimeMessage[] got = server.received();
        assertEquals(1, got.length);
        return got[0];
    }

    @Test
    void theReceivedMailHasAListSubjectAndAutomaticHeaders() throws Exception {
        MimeMessage m = sendOne();
        assertEquals("[DIGEST] linux-rdma 2026-W47: 4 new series, 12 acks, 3 waiting", m.getSubject());
        assertEquals("Patchlane Digest <digest@example.org>", m.getFrom()[0].toString());
        assertEquals(List.of(new InternetAddress("linux-rdma@vger.kernel.org")), Arrays.asList(m.getAllRecipients()));
        assertEquals(AT, m.getSentDate().toInstant());
        assertEquals("<digest.2026-W47.linux-rdma." + AT.getEpochSecond() + "@example.org>", m.getMessageID());
        assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
        assertEquals("bulk", m.getHeader("Precedence", null));
        assertEquals("2026-W47", m.getHeader(DigestMail.WEEK_HEADER, null));
        assertTrue(m.getContentType().startsWith("multipart/alternative"));
    }

    @Test
    void itsTextAndHtmlPartsCarryTheSameFacts() throws Exception {
        Multipart parts = (Multipart) sendOne().getContent();
        assertEquals(2, parts.getCount());
        BodyPart textPart = parts.getBodyPart(0), htmlPart = parts.getBodyPart(1);
        assertTrue(textPart.isMimeType("text/plain") && textPart.getContentType().toLowerCase().contains("utf-8"));
        assertTrue(htmlPart.isMimeType("text/html"));
        String text = (String) textPart.getContent();
        Document html = Jsoup.parse((String) htmlPart.getContent());

        Set<String> textIds = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\[\\d+] https://patchlane\\.example\\.org/series/(\\S+)$").matcher(text);
        while (m.find()) textIds.add(m.group(1));
        Set<String> htmlIds = new TreeSet<>(html.select("a.digest-series").eachAttr("data-series"));
        assertEquals(new TreeSet<>(DigestFixture.seriesIds()), textIds);
        assertEquals(textIds, htmlIds, "the same series in both parts");
        long textLines = Pattern.compile("(?m) \\[\\d+]$").matcher(text).results().count();
        assertEquals(textLines, html.select("a.digest-series").size(), "one series line in each for each fact");

        for (Element row : html.select("tr[data-figure]")) {
            String figure = row.child(0).text();
            assertTrue(text.contains("  " + figure + " ("), () -> "the text has the figure " + figure);
        }
        assertEquals(9, html.select("tr[data-figure]").size());
        assertTrue(text.contains(DigestFixture.HOSTILE), "plain text shows mail text as it is");
        assertTrue(html.select("script, img").isEmpty(), "and HTML escapes it");
    }

    @Test
    void settingsAreReadFromTheConfigurationAndThePasswordNeverFromIt() throws Exception {
        SmtpSettings s = SmtpSettings.of(server.config(dir, ""), SmtpServer.env());
        assertEquals(SmtpServer.PASSWORD, s.password());
        assertFalse(s.toString().contains(SmtpServer.PASSWORD), "the password is never printed");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> SmtpSettings.of(server.config(dir, ""), java.util.Map.of()));
        assertTrue(none.getMessage().contains("PATCHLANE_SMTP_PASSWORD"));
        Path file = java.nio.file.Files.writeString(dir.resolve("pass"), "from-file\nsecond line\n");
        SmtpSettings fromFile = SmtpSettings.of(server.config(dir.resolve("f"), "[smtp]\n\tpasswordFile = " + file + "\n"),
                SmtpServer.env());
        assertEquals("from-file", fromFile.password(), "the file's first line wins over the environment");
    }

    @Test
    void aServerThatRefusesTheLoginFailsTheSend() throws Exception {
        SmtpSettings wrong = SmtpSettings.of(server.config(dir, ""), java.util.Map.of(SmtpSettings.PASSWORD_ENV, "nope"));
        MimeMessage mail = DigestMail.of(DigestFixture.full(), DigestLinks.SITE, wrong.from(),
                List.of(new InternetAddress("x@example.org")), AT);
        assertThrows(jakarta.mail.MessagingException.class, () -> new SmtpSender(wrong).send(mail));
        assertEquals(0, server.received().length);
    }
}
