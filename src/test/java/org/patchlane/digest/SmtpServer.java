package org.patchlane.digest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.patchlane.git.ConfigFile;

/** A real SMTP server in this JVM (GreenMail on a free loopback port) with one user who may log in. */
public final class SmtpServer implements AutoCloseable {
    public static final String USER = "digest";
    public static final String PASSWORD = "smtp-s3cret";
    final GreenMail greenMail;

    public SmtpServer() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        greenMail.setUser("digest@example.org", USER, PASSWORD);
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    public MimeMessage[] received() {
        return greenMail.getReceivedMessages();
    }

    /** A configuration sending through this server (no TLS: GreenMail's SMTP has none), the password in the env. */
    public ConfigFile config(Path dir, String extra) throws IOException {
        Path f = Files.writeString(Files.createDirectories(dir).resolve("patchlane.conf"), "[smtp]\n\thost = 127.0.0.1\n"
                + "\tport = " + port() + "\n\tuser = " + USER + "\n\tsecurity = none\n"
                + "\tfrom = Patchlane Digest <digest@example.org>\n[digest]\n\tto = linux-rdma@vger.kernel.org\n"
                + "\tlist = linux-rdma\n[web]\n\turl = https://patchlane.example.org\n" + extra);
        return ConfigFile.read(f);
    }

    public static Map<String, String> env() {
        return Map.of(SmtpSettings.PASSWORD_ENV, PASSWORD);
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
