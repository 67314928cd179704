package org.patchlane.digest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * A digest as a mail for a list: {@code multipart/alternative} of the plain text (first, what list archives and
 * text clients show) and the HTML document, with a short subject a list can carry
 * ({@code [DIGEST] linux-rdma 2026-W47: 5 new series, 12 acks, 2 waiting}, never {@code Re:}) and the headers
 * that tell vacation responders and list software it is automatic ({@code Auto-Submitted: auto-generated},
 * {@code Precedence: bulk}).
 */
public final class DigestMail {
    /** Names the week a digest mail covers, so a reader (or a filter) can tell one digest from another. */
    public static final String WEEK_HEADER = "X-Patchlane-Digest";

    private DigestMail() {
    }

    /** The subject: {@code [DIGEST] } and the digest's summary, whitespace folded. */
    public static String subject(Digest d) {
        return "[DIGEST] " + Phrases.summary(d).replaceAll("\\s+", " ");
    }

    /**
     * The mail, ready to send.
     *
     * @param at when it is sent (its Date and the Message-ID's time)
     */
    public static MimeMessage of(Digest d, DigestLinks links, InternetAddress from, List<InternetAddress> to, Instant at)
            throws MessagingException {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId(d, from, at));
            }
        };
        m.setFrom(from);
        m.setRecipients(Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
        m.setSubject(subject(d), StandardCharsets.UTF_8.name());
        m.setSentDate(Date.from(at));
        m.setHeader("Auto-Submitted", "auto-generated");
        m.setHeader("Precedence", "bulk");
        m.setHeader(WEEK_HEADER, d.period().label());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(TextDigest.write(d, links), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(DigestHtml.mail(d, links), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        m.setContent(alternative);
        m.saveChanges();
        return m;
    }

    /** {@code <digest.2026-W47.linux-rdma.1795420800@example.org>}: the week, the list and the time, at the sender's domain. */
    static String messageId(Digest d, InternetAddress from, Instant at) {
        String addr = from.getAddress();
        String domain = addr.contains("@") ? addr.substring(addr.indexOf('@') + 1) : "localhost";
        String list = d.list() == null ? "all" : d.list();
        return "<digest." + d.period().label().replaceAll("[^A-Za-z0-9.-]", "_") + "." + list + "." + at.getEpochSecond()
                + "@" + domain + ">";
    }
}
