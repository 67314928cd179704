package org.patchlane.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.patchlane.git.ConfigFile;
import org.patchlane.source.ImapAccount;
import org.patchlane.source.ImapAddress;
import org.patchlane.source.ImapUrl;
import org.patchlane.source.PathAddress;
import org.patchlane.source.SourceAddress;

/**
 * A source named in the configuration file (DESIGN §11):
 * <pre>
 * [source "linux-rdma"]
 *     url = imaps://me@imap.example.org/lists/linux-rdma   ; or a path: mbox, Maildir, public-inbox
 *     list = linux-rdma
 *     passwordFile = ~/.config/patchlane/imap-pass          ; else PATCHLANE_IMAP_PASSWORD
 *     trustCert = ~/.config/patchlane/imap.example.org.pem  ; a self-hosted server's own certificate
 *     starttls = false                                      ; imap:// to a server without STARTTLS
 *     interval = 300                                        ; seconds between polls
 * </pre>
 *
 * @param list     the list to file its mail under, or null for each mail's List-Id
 * @param interval how often {@code watch} polls it
 */
public record ConfiguredSource(String name, String url, String list, Path passwordFile, Path trustedCert,
                               boolean plainText, Duration interval) {
    /** The environment variable that holds an IMAP password when no password file is given. */
    public static final String PASSWORD_ENV = "PATCHLANE_IMAP_PASSWORD";
    /** Poll interval when the configuration gives none: lore-sized lists get a few mails a minute. */
    public static final Duration INTERVAL = Duration.ofSeconds(300);

    /**
     * Every {@code [source "NAME"]} of the file, by name.
     *
     * @throws IllegalArgumentException for a source without url, or a bad interval or boolean
     */
    public static List<ConfiguredSource> all(ConfigFile config) {
        List<ConfiguredSource> out = new ArrayList<>();
        for (String name : config.subsections("source")) {
            String url = config.string("source", name, "url");
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException(where(config) + "[source \"" + name + "\"] has no url");
            }
            long seconds = config.number("source", name, "interval", INTERVAL.toSeconds());
            if (seconds < 1) {
                throw new IllegalArgumentException(where(config) + "[source \"" + name + "\"] interval must be "
                        + "at least 1 second");
            }
            out.add(new ConfiguredSource(name, url.strip(), config.string("source", name, "list"),
                    path(config.string("source", name, "passwordFile")),
                    path(config.string("source", name, "trustCert")),
                    !config.bool("source", name, "starttls", true), Duration.ofSeconds(seconds)));
        }
        return out;
    }

    /** The source to open: a path, or an IMAP folder with its password read now. */
    public SourceAddress address(Map<String, String> env) throws IOException {
        if (!ImapUrl.isImap(url)) return new PathAddress(path(url));
        ImapUrl imap = ImapUrl.parse(url);
        return new ImapAddress(new ImapAccount(imap, password(imap, passwordFile, env), trustedCert, plainText));
    }

    /**
     * An IMAP password: the file's first line when a file is given, else the environment variable. Never from the
     * command line, where other users' {@code ps} would show it.
     *
     * @throws IllegalArgumentException when neither is there
     */
    public static String password(ImapUrl url, Path file, Map<String, String> env) throws IOException {
        if (file != null) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int eol = text.indexOf('\n');
            return (eol < 0 ? text : text.substring(0, eol)).replaceFirst("\r$", "");
        }
        String fromEnv = env.get(PASSWORD_ENV);
        if (fromEnv != null) return fromEnv;
        throw new IllegalArgumentException(url + ": no password: give a password file (--password-file, or "
                + "passwordFile in the configuration) or set " + PASSWORD_ENV);
    }

    /** A path from the configuration or the command line, {@code ~/} meaning the home directory; null stays null. */
    public static Path path(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        if (t.equals("~") || t.startsWith("~/")) return Path.of(System.getProperty("user.home"), t.substring(1));
        return Path.of(t);
    }

    private static String where(ConfigFile config) {
        return config.path() == null ? "" : config.path() + ": ";
    }
}
