package org.patchlane.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * One logged-in IMAP session with a folder open read-only (EXAMINE, so nothing is marked seen). Fetches go to the
 * protocol directly: one {@code UID FETCH a:b (UID BODY.PEEK[])} per batch instead of Angus's message objects,
 * which would cost a round trip, or a parsed MIME tree, per message.
 */
final class ImapConnection implements Closeable {
    /** A message of the folder: its UID and its size as the server reports it. */
    record Listed(long uid, long size) {
    }

    /** A fetched message: its UID and its bytes, CRLF turned into LF. */
    record Fetched(long uid, byte[] bytes) {
    }

    private final Store store;
    private final IMAPFolder folder;

    private ImapConnection(Store store, IMAPFolder folder) {
        this.store = store;
        this.folder = folder;
    }

    /**
     * Connects, logs in and opens the folder.
     *
     * @throws ImapRefusedException when the server refuses the login or has no such folder
     * @throws IOException          when the server cannot be reached or the connection fails
     */
    static ImapConnection open(ImapAccount account) throws IOException {
        ImapUrl url = account.url();
        String protocol = url.tls() ? "imaps" : "imap";
        Session session = Session.getInstance(properties(account, protocol));
        Store store;
        try {
            store = session.getStore(protocol);
            store.connect(url.host(), url.port(), url.user(), account.password());
        } catch (AuthenticationFailedException e) {
            throw new ImapRefusedException(url, ImapRefusedException.Reason.LOGIN,
                    "login refused (wrong user or password?): " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new IOException(url + ": cannot connect: " + describe(e), e);
        }
        try {
            IMAPFolder folder = (IMAPFolder) store.getFolder(url.folder());
            folder.open(Folder.READ_ONLY);
            return new ImapConnection(store, folder);
        } catch (FolderNotFoundException e) {
            closeQuietly(store);
            throw new ImapRefusedException(url, ImapRefusedException.Reason.FOLDER, "no such folder", e);
        } catch (MessagingException e) {
            closeQuietly(store);
            throw new IOException(url + ": cannot open the folder: " + describe(e), e);
        }
    }

    long uidValidity() throws IOException {
        try {
            return folder.getUIDValidity();
        } catch (MessagingException e) {
            throw new IOException(describe(e), e);
        }
    }

    /** True when the server offers IDLE (RFC 2177). */
    boolean canIdle() throws IOException {
        try {
            return ((IMAPStore) store).hasCapability("IDLE");
        } catch (MessagingException e) {
            throw new IOException(describe(e), e);
        }
    }

    /**
     * Waits in IDLE until the server reports a change to the folder or the connection ends (a timeout included).
     * Another thread ends the wait early by closing this connection.
     */
    void idle() throws IOException {
        try {
            folder.idle(true);
        } catch (MessagingException e) {
            throw new IOException(describe(e), e);
        }
    }

    /** The messages with a UID of at least {@code from}, in UID order, with their sizes: one command. */
    List<Listed> list(long from) throws IOException {
        try {
            if (folder.getMessageCount() == 0) return List.of();
        } catch (MessagingException e) {
            throw new IOException(describe(e), e);
        }
        List<Listed> out = new ArrayList<>();
        // "from:*" also answers the last message when every UID is below from (RFC 3501 §6.4.8): filtered here.
        for (FetchResponse f : fetch("UID FETCH " + from + ":* (UID RFC822.SIZE)")) {
            UID uid = f.getItem(UID.class);
            RFC822SIZE size = f.getItem(RFC822SIZE.class);
            if (uid != null && uid.uid >= from) out.add(new Listed(uid.uid, size == null ? 0 : size.size));
        }
        out.sort((a, b) -> Long.compare(a.uid(), b.uid()));
        return out;
    }

    /** The messages with UIDs in {@code first..last}, in UID order: one command, one response stream. */
    List<Fetched> fetch(long first, long last) throws IOException {
        List<Fetched> out = new ArrayList<>();
        for (FetchResponse f : fetch("UID FETCH " + first + ":" + last + " (UID BODY.PEEK[])")) {
            UID uid = f.getItem(UID.class);
            BODY body = f.getItem(BODY.class);
            if (uid != null && body != null && uid.uid >= first && uid.uid <= last) {
                out.add(new Fetched(uid.uid, unixLines(body.getByteArray())));
            }
        }
        out.sort((a, b) -> Long.compare(a.uid(), b.uid()));
        return out;
    }

    /** Runs a FETCH command; untagged responses other than FETCH go to the folder's usual handlers. */
    private List<FetchResponse> fetch(String command) throws IOException {
        try {
            Object result = folder.doCommand(p -> {
                Response[] responses = p.command(command, null);
                List<FetchResponse> fetched = new ArrayList<>();
                for (int i = 0; i < responses.length - 1; i++) {
                    if (responses[i] instanceof FetchResponse f) {
                        fetched.add(f);
                        responses[i] = null;
                    }
                }
                p.notifyResponseHandlers(responses);
                p.handleResult(responses[responses.length - 1]);
                return fetched;
            });
            @SuppressWarnings("unchecked")
            List<FetchResponse> fetched = (List<FetchResponse>) result;
            return fetched;
        } catch (MessagingException e) {
            throw new IOException(describe(e), e);
        }
    }

    /**
     * The message with CRLF line ends turned into LF, as mbox files, Maildirs and public-inbox store it: the same
     * mail read over IMAP and from an archive then has the same bytes, so the store sees one message, not two.
     */
    static byte[] unixLines(ByteArray wire) {
        byte[] in = wire.getBytes();
        int end = wire.getStart() + wire.getCount();
        byte[] out = new byte[wire.getCount()];
        int n = 0;
        for (int i = wire.getStart(); i < end; i++) {
            if (in[i] == '\r' && i + 1 < end && in[i + 1] == '\n') continue;
            out[n++] = in[i];
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    @Override
    public void close() {
        try {
            if (folder.isOpen()) folder.close(false);
        } catch (MessagingException | IllegalStateException e) {
            // The connection is gone already; closing the store below releases what is left.
        }
        closeQuietly(store);
    }

    private static void closeQuietly(Store store) {
        try {
            store.close();
        } catch (MessagingException e) {
            // Nothing to do: the socket is closed either way.
        }
    }

    private static Properties properties(ImapAccount account, String protocol) throws IOException {
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        String millis = Long.toString(account.timeout().toMillis());
        p.setProperty(prefix + "connectiontimeout", millis);
        p.setProperty(prefix + "timeout", millis);
        p.setProperty(prefix + "writetimeout", millis);
        if (!account.url().tls() && !account.plainText()) {
            p.setProperty(prefix + "starttls.enable", "true");
            p.setProperty(prefix + "starttls.required", "true");
        }
        if (account.trustedCert() != null) {
            p.put(prefix + "ssl.socketFactory", pinnedContext(account).getSocketFactory());
            // The one trusted certificate is the identity: self-signed ones rarely name the host.
            p.setProperty(prefix + "ssl.checkserveridentity", "false");
        } else {
            p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return p;
    }

    /** A TLS context that trusts exactly the certificates in the account's file. */
    private static SSLContext pinnedContext(ImapAccount account) throws IOException {
        try (InputStream in = Files.newInputStream(account.trustedCert())) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("trusted-" + n++, c);
            }
            if (n == 0) throw new IOException(account.trustedCert() + ": no certificate in the file");
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(account.trustedCert() + ": not a usable certificate: "
                    + e.getMessage(), e);
        }
    }

    /** A MessagingException's message with its cause's, which usually says what really happened. */
    private static String describe(MessagingException e) {
        Throwable cause = e.getCause();
        return cause == null || cause.getMessage() == null ? String.valueOf(e.getMessage())
                : e.getMessage() + " (" + cause.getMessage() + ")";
    }
}
