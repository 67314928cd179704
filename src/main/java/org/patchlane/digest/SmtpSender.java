package org.patchlane.digest;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/** Sends through the {@code [smtp]} server with Angus Mail's SMTP transport, one connection per mail. */
public final class SmtpSender implements DigestSender {
    /** Connection and read timeout, so a dead server fails a send instead of hanging the scheduler. */
    static final String TIMEOUT_MS = "30000";
    private final SmtpSettings settings;

    public SmtpSender(SmtpSettings settings) {
        this.settings = settings;
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
        boolean tls = settings.security() == SmtpSettings.Security.TLS;
        String protocol = tls ? "smtps" : "smtp";
        Properties p = new Properties();
        String k = "mail." + protocol + ".";
        p.put(k + "host", settings.host());
        p.put(k + "port", Integer.toString(settings.port()));
        p.put(k + "auth", Boolean.toString(settings.user() != null));
        p.put(k + "connectiontimeout", TIMEOUT_MS);
        p.put(k + "timeout", TIMEOUT_MS);
        p.put(k + "writetimeout", TIMEOUT_MS);
        if (settings.security() == SmtpSettings.Security.STARTTLS) {
            p.put(k + "starttls.enable", "true");
            p.put(k + "starttls.required", "true");
        }
        if (settings.security() != SmtpSettings.Security.NONE) p.put(k + "ssl.checkserveridentity", "true");
        Session session = Session.getInstance(p);
        try (Transport t = session.getTransport(protocol)) {
            t.connect(settings.host(), settings.port(), settings.user(), settings.password());
            t.sendMessage(message, message.getAllRecipients());
        }
    }
}
