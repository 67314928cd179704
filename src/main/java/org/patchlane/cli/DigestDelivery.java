package org.patchlane.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.patchlane.digest.Digest;
import org.patchlane.digest.DigestLinks;
import org.patchlane.digest.DigestMail;
import org.patchlane.digest.DigestScheduler;
import org.patchlane.digest.DigestSender;
import org.patchlane.digest.DigestMailing;
import org.patchlane.digest.DigestSource;
import org.patchlane.digest.SmtpSender;
import org.patchlane.digest.SmtpSettings;
import org.patchlane.git.ConfigFile;
import org.patchlane.store.SentDigests;

/**
 * Mailing digests as the configuration says ({@code [smtp]}, {@code [digest]}, {@code [web] url}): {@code digest
 * --send} sends one now with {@link #send}; {@code serve} runs {@link #schedule} beside the web server. The SMTP
 * password comes from {@code passwordFile} or {@code PATCHLANE_SMTP_PASSWORD}, never from the command line.
 */
final class DigestDelivery {
    private final SmtpSettings smtp;
    private final DigestMailing digest;
    private final DigestLinks links;
    private final DigestSender sender;

    DigestDelivery(SmtpSettings smtp, DigestMailing digest, DigestLinks links, DigestSender sender) {
        this.smtp = smtp;
        this.digest = digest;
        this.links = links;
        this.sender = sender;
    }

    /**
     * The delivery the configuration describes.
     *
     * @throws IllegalArgumentException when {@code [smtp]} or {@code [digest]} is missing or wrong (exit 2)
     * @throws IOException              when the password file cannot be read (exit 3)
     */
    static DigestDelivery of(ConfigFile conf, Map<String, String> env) throws IOException {
        if (!SmtpSettings.configured(conf))
            throw new IllegalArgumentException("sending a digest needs an [smtp] section with a host and from");
        SmtpSettings smtp = SmtpSettings.of(conf, env);
        return new DigestDelivery(smtp, DigestMailing.of(conf), DigestLinks.of(conf), new SmtpSender(smtp));
    }

    /** The {@code [digest] list}, null for every list: what {@code digest --send} digests when no --list is given. */
    String list() {
        return digest.list();
    }

    /**
     * Sends a digest now to {@code [digest] to}, returning its Message-ID; a digest sent by hand is not recorded,
     * so the scheduled send of the same week still happens.
     *
     * @throws IOException for a server that refused or could not be reached (exit 3)
     */
    String send(Digest d) throws IOException {
        try {
            MimeMessage m = DigestMail.of(d, links, smtp.from(), digest.to(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
            sender.send(m);
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IOException("could not send the digest through " + smtp.host() + ":" + smtp.port() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The scheduler {@code serve} starts, recording sent weeks in {@code DATA/decisions}. */
    DigestScheduler schedule(Path data, DigestSource source, Clock clock, PrintStream log) {
        return new DigestScheduler(source, digest, smtp.from(), links, sender, SentDigests.of(data), clock,
                line -> log.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + line));
    }

    /**
     * For {@code serve}: the started scheduler when the configuration has a {@code [digest] to}, else null (no
     * digest mail wanted).
     */
    static DigestScheduler startIfConfigured(ConfigFile conf, Path data, DigestSource source, PrintStream log)
            throws IOException {
        if (!DigestMailing.configured(conf)) return null;
        DigestDelivery delivery = of(conf, System.getenv());
        DigestScheduler s = delivery.schedule(data, source, Clock.systemUTC(), log);
        s.start();
        log.println("Patchlane mails the digest" + (delivery.list() == null ? "" : " of " + delivery.list()) + " every "
                + delivery.digest.schedule() + " UTC to " + delivery.digest.to().size() + " recipient(s)");
        return s;
    }
}
