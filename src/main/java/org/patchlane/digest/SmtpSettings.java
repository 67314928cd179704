package org.patchlane.digest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.patchlane.git.ConfigFile;
import org.patchlane.ingest.ConfiguredSource;

/**
 * The {@code [smtp]} section: the server a digest is sent through.
 *
 * <pre>
 * [smtp]
 *     host = smtp.example.org
 *     port = 587                 ; default 587 (465 is usual for tls)
 *     user = patchlane           ; none: no login
 *     passwordFile = ~/.config/patchlane/smtp-pass   ; else $PATCHLANE_SMTP_PASSWORD
 *     security = starttls        ; starttls (default, required), tls, or none (a server on this machine)
 *     from = Patchlane &lt;patchlane@example.org&gt;
 * </pre>
 *
 * @param password null when there is no user
 */
public record SmtpSettings(String host, int port, String user, String password, Security security,
                           InternetAddress from) {
    /** Where the password is when no password file is given; never on the command line. */
    public static final String PASSWORD_ENV = "PATCHLANE_SMTP_PASSWORD";
    public static final int PORT = 587;

    /** How the connection is protected. */
    public enum Security {
        /** Plain connection upgraded by STARTTLS, which the server must offer. */
        STARTTLS,
        /** TLS from the first byte (SMTPS). */
        TLS,
        /** No protection: only for a server on the same machine. */
        NONE;

        static Security of(String text) {
            if (text == null || text.isBlank()) return STARTTLS;
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("[smtp] security must be starttls, tls or none: " + text);
            }
        }
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", user " + user + ", " + security + ", from " + from + "]";
    }

    /** True when the configuration has an {@code [smtp]} section with a host. */
    public static boolean configured(ConfigFile conf) {
        String host = conf.string("smtp", null, "host");
        return host != null && !host.isBlank();
    }

    /**
     * The section's settings, the password read now from {@code passwordFile}'s first line or the environment.
     *
     * @throws IllegalArgumentException for a missing host or from, a bad port, security or address, or a user
     *                                  without a password
     * @throws IOException              when the password file cannot be read
     */
    public static SmtpSettings of(ConfigFile conf, Map<String, String> env) throws IOException {
        if (!configured(conf)) throw new IllegalArgumentException("no [smtp] host in the configuration");
        String host = conf.string("smtp", null, "host").strip();
        long port = conf.number("smtp", null, "port", PORT);
        if (port < 1 || port > 65535) throw new IllegalArgumentException("[smtp] port must be 1 to 65535: " + port);
        String fromText = conf.string("smtp", null, "from");
        if (fromText == null || fromText.isBlank()) throw new IllegalArgumentException("[smtp] has no from address");
        InternetAddress from;
        try {
            from = new InternetAddress(fromText.strip(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("[smtp] from is not an address: " + fromText);
        }
        String user = conf.string("smtp", null, "user");
        user = user == null || user.isBlank() ? null : user.strip();
        String password = null;
        if (user != null) {
            Path file = ConfiguredSource.path(conf.string("smtp", null, "passwordFile"));
            if (file != null) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int eol = text.indexOf('\n');
                password = (eol < 0 ? text : text.substring(0, eol)).replaceFirst("\r$", "");
            } else {
                password = env.get(PASSWORD_ENV);
            }
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("[smtp] user " + user + " has no password: set passwordFile or "
                        + PASSWORD_ENV);
            }
        }
        return new SmtpSettings(host, (int) port, user, password, Security.of(conf.string("smtp", null, "security")),
                from);
    }
}
