package org.patchlane.bench;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.patchlane.cli.Main;
import org.patchlane.source.ImapServer;
import org.patchlane.source.MboxSource;
import org.patchlane.source.RawMessage;

/**
 * The IMAP ingest benchmark: generates an archive, delivers it to a loopback GreenMail IMAP server in this JVM and
 * runs {@code patchlane bench imap} against it (IMAP ingest beside local mbox ingest of the same archive, medians).
 * Test scope, so that a test mail server never ships in the jar. Arguments: [messages, default 50000] [runs,
 * default 3]. Run it as the README says ({@code mvn exec:java} with the test class path).
 */
public final class ImapBench {
    private ImapBench() {
    }

    public static void main(String[] args) throws Exception {
        long messages = args.length > 0 ? Long.parseLong(args[0]) : 50_000;
        String runs = args.length > 1 ? args[1] : "3";
        Path dir = Files.createTempDirectory("patchlane-imap-bench");
        Path mbox = dir.resolve("archive.mbox");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(mbox), 1 << 16)) {
            ArchiveGenerator.write(messages, 1, out);
        }
        Path password = dir.resolve("password");
        Files.writeString(password, ImapServer.PASSWORD + "\n");
        int code;
        try (ImapServer server = new ImapServer(false)) {
            try (MboxSource source = MboxSource.open(mbox, null)) {
                for (RawMessage m = source.next(); m != null; m = source.next()) server.deliver(m.bytes());
            }
            System.err.printf("%,d messages in %s%n", messages, server.url());
            code = Main.run("bench", "imap", "--url", server.url(), "--no-starttls", "--password-file",
                    password.toString(), "--archive", mbox.toString(), "--runs", runs, "--data",
                    dir.resolve("data").toString());
        }
        System.exit(code);
    }
}
