package org.patchlane.bench;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Test-side mboxrd reading, independent of the project's own source and mail packages: split on {@code From }
 * lines, undo {@code >From} escaping, parse with Angus Mail, collect the text of plain, patch and HTML parts.
 */
final class MboxFixture {
    private MboxFixture() {
    }

    private static final Session SESSION = Session.getInstance(new Properties());

    /** One message of an mbox: its {@code From } line and its unescaped bytes. */
    record Entry(String separator, byte[] bytes) {
        MimeMessage parse() throws MessagingException {
            return new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
        }
    }

    static List<Entry> split(byte[] mbox) {
        List<Entry> out = new ArrayList<>();
        String separator = null;
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        int start = 0;
        while (start < mbox.length) {
            int end = start;
            while (end < mbox.length && mbox[end] != '\n') {
                end++;
            }
            String line = new String(mbox, start, end - start, StandardCharsets.ISO_8859_1);
            if (line.startsWith("From ")) {
                if (separator != null) {
                    out.add(new Entry(separator, trimSeparatorBlank(current.toByteArray())));
                }
                separator = line;
                current.reset();
            } else {
                int from = start;
                if (line.matches(">+From .*")) {
                    from++;
                }
                current.write(mbox, from, Math.min(end + 1, mbox.length) - from);
            }
            start = end + 1;
        }
        if (separator != null) {
            out.add(new Entry(separator, trimSeparatorBlank(current.toByteArray())));
        }
        return out;
    }

    /** Drops the blank line mboxrd writes after each message. */
    private static byte[] trimSeparatorBlank(byte[] b) {
        int n = b.length;
        if (n >= 2 && b[n - 1] == '\n' && b[n - 2] == '\n') {
            n--;
        }
        return java.util.Arrays.copyOf(b, n);
    }

    /** Decoded text of every text/* part (plain, x-patch, html), in order. */
    static List<String> texts(Part part) throws MessagingException, IOException {
        List<String> out = new ArrayList<>();
        collect(part, out);
        return out;
    }

    private static void collect(Part part, List<String> out) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart bp = mp.getBodyPart(i);
                collect(bp, out);
            }
        } else if (part.isMimeType("text/*")) {
            out.add(decode(part));
        }
    }

    /** The part's text; unknown charsets (the {@code x-unknown} quirk) fall back to ISO-8859-1. */
    private static String decode(Part part) throws MessagingException, IOException {
        try {
            Object c = part.getContent();
            if (c instanceof String s) {
                return s;
            }
        } catch (java.io.UnsupportedEncodingException e) {
            // fall through to the raw bytes
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
