package org.patchlane.source;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Streams a ~300 MB generated mbox in a child JVM limited to a 48 MB heap: if any reader kept more than a message
 * at a time it would die of OutOfMemoryError. A few seconds on a laptop.
 */
class BoundedMemoryTest {
    private static final int MESSAGES = 300_000;
    private static final String HEAP = "-Xmx48m";

    @TempDir
    Path tmp;

    @Test
    void streamsAnMboxMuchLargerThanTheHeap() throws Exception {
        Path mbox = tmp.resolve("large.mbox");
        long bodyBytes = generate(mbox);
        assertTrue(Files.size(mbox) > 250L << 20, "the file is far larger than the child's heap");
        String out = runChild(mbox);
        assertEquals(MESSAGES + " " + bodyBytes + " " + (bodyBytes / MESSAGES), out);
    }

    /** Writes MESSAGES equal messages; returns the total of their bytes without envelope and blank line. */
    private static long generate(Path mbox) throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            body.append("+\tfrob_write(priv, FROB_TIMEOUT, clamp_val(t, 1, FROB_MAX_TICKS)); /* ").append(i)
                    .append(" */\n");
        }
        byte[] message = ("From: Ana Lopez <ana@example.org>\nSubject: [PATCH] frob: clamp\n"
                + "Message-ID: <clamp@example.org>\n\n>From the datasheet.\n" + body)
                .getBytes(StandardCharsets.US_ASCII);
        byte[] envelope = "From ana@example.org Tue Mar  4 10:11:13 2025\n".getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(mbox), 1 << 16)) {
            for (int i = 0; i < MESSAGES; i++) {
                out.write(envelope);
                out.write(message);
                out.write('\n');
            }
        }
        return (long) (message.length - 1) * MESSAGES; // one '>' unescaped per message
    }

    private static String runChild(Path mbox) throws IOException, InterruptedException, URISyntaxException {
        String classpath = location(MboxSource.class) + java.io.File.pathSeparator + location(MboxCount.class);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), HEAP, "-cp", classpath,
                MboxCount.class.getName(), mbox.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child finished");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static String location(Class<?> c) throws URISyntaxException {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
