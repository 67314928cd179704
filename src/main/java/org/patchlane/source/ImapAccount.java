package org.patchlane.source;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one IMAP folder: its URL, the password (read from a file or the environment, never from the command
 * line) and the connection policy.
 *
 * @param url         the folder
 * @param password    the password; {@link #toString()} never shows it
 * @param trustedCert a PEM or DER certificate to trust for this server instead of the JDK trust store (a
 *                    self-hosted server's own certificate; its host name is then not checked), or null
 * @param plainText   for {@code imap://} only: allow a server without STARTTLS (a loopback test server)
 * @param timeout     connect, read and write timeout of every network operation
 * @param retries     reconnections in a row before the ingest gives up
 * @param backoff     the first wait before reconnecting; each further try waits twice as long
 */
public record ImapAccount(ImapUrl url, String password, Path trustedCert, boolean plainText, Duration timeout,
                          int retries, Duration backoff) {
    /** Reconnections by default: with a 1 s first wait, about a minute of server trouble is ridden out. */
    public static final int RETRIES = 6;
    public static final Duration BACKOFF = Duration.ofSeconds(1);
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    public ImapAccount {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(backoff, "backoff");
    }

    /** An account with the default timeout and reconnection policy. */
    public ImapAccount(ImapUrl url, String password, Path trustedCert, boolean plainText) {
        this(url, password, trustedCert, plainText, TIMEOUT, RETRIES, BACKOFF);
    }

    @Override
    public String toString() {
        return "ImapAccount[" + url + "]";
    }
}
