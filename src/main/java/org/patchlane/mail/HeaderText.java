package org.patchlane.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Header values to text: raw 8-bit bytes recovered (UTF-8 where valid, else windows-1252), RFC 2047 encoded words
 * decoded leniently, whitespace collapsed. Header values arrive as ISO-8859-1 strings, one char per raw byte.
 *
 * <p>Lenient means what real archives need: encoded words glued to text ({@code foo=?utf-8?q?bar?=}), adjacent
 * words of one charset decoded together (senders split a UTF-8 character across two words), spaces inside Q
 * text, missing base64 padding, misspelt or unknown charsets (decoded best effort and reported).
 */
public final class HeaderText {
    private HeaderText() {
    }

    /** Decodes an unstructured header value (Subject) to one line. Never null; "" for null. */
    public static String unstructured(String raw) {
        return unstructured(raw, new Problems());
    }

    static String unstructured(String raw, Problems problems) {
        if (raw == null) return "";
        return collapse(decodeWords(eightBit(raw), problems));
    }

    /** The raw bytes of a one-char-per-byte string re-read as text: UTF-8 where valid, windows-1252 elsewhere. */
    static String eightBit(String raw) {
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            if (raw.charAt(i) >= 0x80) {
                if (hasWideChar(raw)) return raw; // already text (not from a byte scan)
                byte[] b = raw.getBytes(StandardCharsets.ISO_8859_1);
                return Charsets.bestEffort(b, 0, b.length);
            }
        }
        return raw;
    }

    private static boolean hasWideChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) return true;
        }
        return false;
    }

    /** Whitespace runs (folding included) to one space, stripped. */
    static String collapse(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0x0B) {
                space = true;
            } else {
                if (space && sb.length() > 0) sb.append(' ');
                space = false;
                sb.append(c);
            }
        }
        return sb.length() == s.length() ? s : sb.toString();
    }

    /**
     * Decodes RFC 2047 encoded words anywhere in {@code s}. Whitespace between two encoded words is dropped
     * (RFC 2047 §6.2); consecutive words in one charset are joined as bytes before decoding.
     */
    static String decodeWords(String s, Problems problems) {
        int start = s.indexOf("=?");
        if (start < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int pos = 0;
        while (start >= 0) {
            int q1 = s.indexOf('?', start + 2);
            int q2 = q1 < 0 ? -1 : s.indexOf('?', q1 + 1);
            int endWord = q2 < 0 ? -1 : s.indexOf("?=", q2 + 1);
            if (q1 < 0 || q2 != q1 + 2 || endWord < 0 || hasSpace(s, start + 2, q1)) {
                start = s.indexOf("=?", start + 2);
                continue;
            }
            String charset = s.substring(start + 2, q1);
            char enc = Character.toUpperCase(s.charAt(q1 + 1));
            if (enc != 'Q' && enc != 'B') {
                start = s.indexOf("=?", start + 2);
                continue;
            }
            String between = s.substring(pos, start);
            boolean adjacent = pendingCharset != null && between.isBlank();
            if (!adjacent || !pendingCharset.equalsIgnoreCase(charset)) {
                flush(out, pending, pendingCharset, problems);
                if (!adjacent) out.append(between);
                pendingCharset = charset;
            }
            String text = s.substring(q2 + 1, endWord);
            if (enc == 'Q') {
                qDecode(text, pending);
            } else {
                byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
                pending.writeBytes(TransferEncoding.base64(bytes, 0, bytes.length));
            }
            pos = endWord + 2;
            start = s.indexOf("=?", pos);
        }
        flush(out, pending, pendingCharset, problems);
        out.append(s, pos, s.length());
        return out.toString();
    }

    private static boolean hasSpace(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) <= ' ') return true;
        }
        return false;
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset, Problems problems) {
        if (charset == null || pending.size() == 0) return;
        byte[] b = pending.toByteArray();
        pending.reset();
        out.append(Charsets.decode(b, 0, b.length, charset, "header encoded word", problems));
    }

    private static void qDecode(String text, ByteArrayOutputStream out) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < n && hex(text.charAt(i + 1)) >= 0
                    && hex(text.charAt(i + 2)) >= 0) {
                out.write(hex(text.charAt(i + 1)) << 4 | hex(text.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    }
}
