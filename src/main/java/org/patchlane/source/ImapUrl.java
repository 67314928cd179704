package org.patchlane.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An IMAP folder address, {@code imap://USER@HOST[:PORT]/FOLDER} (STARTTLS, port 143) or
 * {@code imaps://USER@HOST[:PORT]/FOLDER} (TLS, port 993). Never holds a password: one written in the URL is
 * refused, and no message quotes it.
 *
 * @param tls    true for {@code imaps} (TLS from the first byte)
 * @param user   the login name (percent-decoded)
 * @param host   the server
 * @param port   the port, the scheme's default when the URL has none
 * @param folder the folder (percent-decoded), e.g. {@code INBOX} or {@code lists/linux-rdma}
 */
public record ImapUrl(boolean tls, String user, String host, int port, String folder) {
    /** True when {@code spec} names an IMAP folder rather than a path. */
    public static boolean isImap(String spec) {
        String s = spec.toLowerCase(Locale.ROOT);
        return s.startsWith("imap://") || s.startsWith("imaps://");
    }

    /** @throws IllegalArgumentException for a malformed URL, one without user or folder, or one with a password */
    public static ImapUrl parse(String spec) {
        URI uri;
        try {
            uri = new URI(spec);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an IMAP URL (imap[s]://USER@HOST[:PORT]/FOLDER): "
                    + redacted(spec));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("imap") && !scheme.equals("imaps")) {
            throw new IllegalArgumentException("not an IMAP URL: " + redacted(spec));
        }
        String userInfo = uri.getUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            throw new IllegalArgumentException("an IMAP URL must not hold a password: use --password-file, "
                    + "passwordFile in the configuration, or PATCHLANE_IMAP_PASSWORD");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (userInfo == null || userInfo.isEmpty() || uri.getHost() == null || path.isEmpty()) {
            throw new IllegalArgumentException("an IMAP URL needs a user, a host and a folder: "
                    + "imap[s]://USER@HOST[:PORT]/FOLDER, not " + redacted(spec));
        }
        boolean tls = scheme.equals("imaps");
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 993 : 143;
        return new ImapUrl(tls, userInfo, uri.getHost(), port, path);
    }

    /** The canonical form, port always written: the cursor key and the name in listings. */
    @Override
    public String toString() {
        return (tls ? "imaps" : "imap") + "://" + user + "@" + host + ":" + port + "/" + folder;
    }

    /** A URL with anything between {@code //} and {@code @} cut out, for error messages. */
    private static String redacted(String spec) {
        return spec.replaceFirst("//[^/@]*@", "//…@");
    }
}
