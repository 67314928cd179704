package org.patchlane.digest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Sends a digest mail; {@link SmtpSender} through the configured server, a test's through anything. */
@FunctionalInterface
public interface DigestSender {
    void send(MimeMessage message) throws MessagingException;
}
