package org.patchlane.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.patchlane.bench.ArchiveGenerator;

/**
 * A real IMAP server in this JVM (GreenMail on a free loopback port), one user, one folder, filled with raw
 * messages exactly as given (no re-encoding, no rewritten Message-ID).
 */
public final class ImapServer implements AutoCloseable {
    public static final String USER = "maint";
    public static final String PASSWORD = "s3cret-pass";
    public static final String FOLDER = "linux-watchdog";

    private static final Session SESSION = Session.getInstance(new Properties());
    private final GreenMail greenMail;
    private final GreenMailUser user;

    public ImapServer(boolean tls) {
        ServerSetup setup = new ServerSetup(0, "127.0.0.1", tls ? ServerSetup.PROTOCOL_IMAPS : ServerSetup.PROTOCOL_IMAP);
        greenMail = new GreenMail(setup);
        greenMail.start();
        user = greenMail.setUser(USER + "@example.org", USER, PASSWORD);
        recreateFolder();
    }

    public int port() {
        return greenMail.getImap() != null ? greenMail.getImap().getPort() : greenMail.getImaps().getPort();
    }

    public String url() {
        return (greenMail.getImap() != null ? "imap" : "imaps") + "://" + USER + "@127.0.0.1:" + port() + "/" + FOLDER;
    }

    public ImapUrl imapUrl() {
        return ImapUrl.parse(url());
    }

    /** An account for this server; plain text (GreenMail has no STARTTLS), quick reconnection for tests. */
    public ImapAccount account(String password) {
        return new ImapAccount(imapUrl(), password, null, true, java.time.Duration.ofSeconds(5), 4,
                java.time.Duration.ofMillis(50));
    }

    /** Delivers each message to the folder, in order, with its bytes untouched. */
    public void deliver(List<byte[]> messages) {
        messages.forEach(this::deliver);
    }

    /** Delivers one message to the folder with its bytes untouched. */
    public void deliver(byte[] raw) {
        try {
            folder().appendMessage(new MimeMessage(SESSION, new ByteArrayInputStream(raw)), new Flags(), new Date());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes and recreates the folder: it comes back empty with a new UIDVALIDITY. */
    public void recreateFolder() {
        try {
            var hosts = greenMail.getManagers().getImapHostManager();
            MailFolder old = hosts.getFolder(user, FOLDER);
            if (old != null) {
                hosts.deleteMailbox(user, FOLDER);
                // GreenMail's UIDVALIDITY is the clock in seconds: a new one needs the next second.
                while (System.currentTimeMillis() / 1000 <= old.getUidValidity()) Thread.sleep(20);
            }
            hosts.createMailbox(user, FOLDER);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public long uidValidity() {
        return folder().getUidValidity();
    }

    private MailFolder folder() {
        return greenMail.getManagers().getImapHostManager().getFolder(user, FOLDER);
    }

    /** The raw messages of a generated kernel-list archive ({@link ArchiveGenerator}), in archive order. */
    public static List<byte[]> generated(int count, long seed) throws IOException {
        ByteArrayOutputStream mbox = new ByteArrayOutputStream();
        ArchiveGenerator.write(count, seed, mbox);
        List<byte[]> out = new ArrayList<>();
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("generated", ".mbox");
        try {
            java.nio.file.Files.write(tmp, mbox.toByteArray());
            try (MboxSource source = MboxSource.open(tmp, null)) {
                for (RawMessage m = source.next(); m != null; m = source.next()) out.add(m.bytes());
            }
        } finally {
            java.nio.file.Files.delete(tmp);
        }
        return out;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
