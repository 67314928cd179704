package org.patchlane.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/** One message being generated: headers as fields, the body as text plus the shape that encodes it. */
final class Draft {
    /** What the message is, matching the JSON {@code kind} values. */
    enum Kind { PATCH, COVER, REPLY, PULL, OTHER }

    private static final int[] OFFSETS = {0, 60, 120, -300, -480, 480, 180, 330, -420, 540};

    Kind kind;
    Person from;
    String to;
    String cc;
    String subject;
    boolean encodeSubject;
    long time;
    /** Null for the deliberate no-Message-ID cases. */
    String messageId;
    String inReplyTo;
    List<String> references = List.of();
    String mailer;
    String listId;
    BodyShape shape = BodyShape.PLAIN;
    final StringBuilder text = new StringBuilder(2048);
    /** The inline text of an {@link BodyShape#ATTACHMENT} mail. */
    String intro;
    String fileName;

    /** Renders the message (headers, blank line, encoded body), without the mbox separator or escaping. */
    Bytes render(SplittableRandom r) {
        StringBuilder h = new StringBuilder(800);
        h.append("From: ");
        address(h, from, r);
        h.append('\n');
        fold(h, "To", to);
        if (cc != null && !cc.isEmpty()) {
            fold(h, "Cc", cc);
        }
        h.append("Subject: ");
        if (encodeSubject || !ascii(subject)) {
            h.append("=?UTF-8?B?")
                    .append(Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)))
                    .append("?=");
        } else {
            h.append(subject);
        }
        h.append("\nDate: ");
        MailDate.rfc5322(h, time, OFFSETS[Math.floorMod(from.email().hashCode(), OFFSETS.length)]);
        h.append('\n');
        if (messageId != null) {
            h.append("Message-ID: ").append(messageId).append('\n');
        }
        if (inReplyTo != null) {
            h.append("In-Reply-To: ").append(inReplyTo).append('\n');
            h.append("References:");
            for (int i = 0; i < references.size(); i++) {
                h.append(i == 0 ? " " : "\n ").append(references.get(i));
            }
            h.append('\n');
        }
        if (mailer != null) {
            h.append(mailer.startsWith("git") || mailer.startsWith("b4") ? "X-Mailer: " : "User-Agent: ")
                    .append(mailer).append('\n');
        }
        h.append("List-Id: ").append(listId).append("\nPrecedence: bulk\nMIME-Version: 1.0\n");
        Bytes body = new Bytes(text.length() + 512);
        MimeBody.write(shape, text, intro, fileName, r, h, body);
        h.append('\n');
        Bytes all = new Bytes(h.length() + body.size() + 2);
        all.appendLatin1(h);
        all.append(body);
        if (body.size() == 0 || body.get(body.size() - 1) != '\n') {
            all.append('\n');
        }
        return all;
    }

    /** {@code Name <addr>}, the name RFC 2047 encoded (B or Q, UTF-8 or ISO-8859-1) when it is not ASCII. */
    static void address(StringBuilder h, Person p, SplittableRandom r) {
        String name = p.name();
        if (ascii(name)) {
            if (name.indexOf('.') >= 0 || name.indexOf(',') >= 0) {
                h.append('"').append(name).append('"');
            } else {
                h.append(name);
            }
        } else {
            boolean latin = p.latin1() && r.nextBoolean();
            byte[] raw = name.getBytes(latin ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            String cs = latin ? "ISO-8859-1" : "UTF-8";
            if (r.nextBoolean()) {
                h.append("=?").append(cs).append("?B?").append(Base64.getEncoder().encodeToString(raw)).append("?=");
            } else {
                h.append("=?").append(cs).append("?Q?");
                for (byte b : raw) {
                    int c = b & 0xff;
                    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                        h.append((char) c);
                    } else if (c == ' ') {
                        h.append('_');
                    } else {
                        h.append('=').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                                .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
                    }
                }
                h.append("?=");
            }
        }
        h.append(" <").append(p.email()).append('>');
    }

    /** Appends an address-list header, folded after commas once a line passes 72 columns. */
    private static void fold(StringBuilder h, String name, String value) {
        h.append(name).append(": ");
        int col = name.length() + 2;
        int start = 0;
        while (start < value.length()) {
            int comma = value.indexOf(", ", start);
            int end = comma < 0 ? value.length() : comma + 1;
            String item = value.substring(start, end);
            if (col > name.length() + 2 && col + item.length() > 72) {
                h.append("\n\t");
                col = 8;
            } else if (start > 0) {
                h.append(' ');
                col++;
            }
            h.append(item);
            col += item.length();
            start = comma < 0 ? value.length() : comma + 2;
        }
        h.append('\n');
    }

    static boolean ascii(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
