package org.patchlane.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Charset names as mail writes them, and best-effort decoding of bytes whose charset is missing, unknown or
 * wrong. The fallback is per byte sequence: valid UTF-8 sequences decode as UTF-8, any other byte as
 * windows-1252, so a pure UTF-8 text and a pure latin-1 text both come out right and a mixed one (a UTF-8
 * reply quoting a latin-1 patch) loses nothing.
 */
final class Charsets {
    private static final Map<String, Optional<Charset>> CACHE = new ConcurrentHashMap<>();
    /** Browsers (WHATWG Encoding) read latin-1 and ASCII labels as windows-1252: mail does the same in practice. */
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** windows-1252 for 0x80..0x9F; the five holes map to the latin-1 control of the same value. */
    private static final char[] CP1252_HIGH = (
            "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F"
                    + "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178")
            .toCharArray();

    private Charsets() {
    }

    /** The charset a mail label means, or null when Java has none by that name (after common misspellings). */
    static Charset lookup(String label) {
        if (label == null) return null;
        String key = label.strip().toLowerCase(Locale.ROOT);
        if (key.length() > 40) return null;
        return CACHE.computeIfAbsent(key, k -> Optional.ofNullable(resolve(k))).orElse(null);
    }

    private static Charset resolve(String k) {
        String n = k.replace('_', '-');
        int star = n.indexOf('*'); // RFC 2231 language suffix: utf-8*en
        if (star > 0) n = n.substring(0, star);
        n = n.replaceFirst("^iso-?8859-?(\\d+)$", "iso-8859-$1").replaceFirst("^(?:cp|win-?)(125\\d)$", "windows-$1");
        switch (n) {
            case "utf8", "utf-8", "unicode-1-1-utf-8": return StandardCharsets.UTF_8;
            case "us-ascii", "ascii", "ansi-x3.4-1968": return StandardCharsets.US_ASCII;
            case "iso-8859-1", "latin1", "latin-1", "windows-1252":
                return WINDOWS_1252;
            case "gb2312", "x-gbk": return Charset.forName("GBK");
            case "ks-c-5601-1987", "ks-c-5601": return Charset.forName("x-windows-949");
            default:
                try {
                    return Charset.isSupported(n) ? Charset.forName(n) : null;
                } catch (IllegalArgumentException e) { // IllegalCharsetNameException is one
                    return null;
                }
        }
    }

    /** True when every byte is 7-bit. */
    static boolean isAscii(byte[] b, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            if (b[i] < 0) return false;
        }
        return true;
    }

    /** Charsets that read 7-bit bytes as ASCII (not UTF-16, UTF-7, ISO-2022-*, HZ). */
    static boolean asciiCompatible(Charset cs) {
        String n = cs.name();
        return cs == StandardCharsets.UTF_8 || cs == WINDOWS_1252 || cs == StandardCharsets.US_ASCII || n.startsWith("ISO-8859") || n.startsWith("windows-")
                || n.startsWith("KOI8") || n.equals("GBK") || n.equals("Big5") || n.equals("EUC-JP")
                || n.equals("Shift_JIS") || n.equals("EUC-KR") || n.equals("x-windows-949");
    }

    /**
     * Decodes {@code b} as {@code declared} (a mail charset label, may be null). Reports to {@code problems} (with the
     * {@code what} prefix) when the label is unknown or the bytes are invalid for it; then decodes best effort.
     */
    static String decode(byte[] b, int off, int len, String declared, String what, Problems problems) {
        Charset cs = lookup(declared);
        if (declared != null && cs == null) {
            problems.add(MailFlag.CHARSET, what + ": unknown charset \"" + declared.strip() + "\"");
            return bestEffort(b, off, len);
        }
        if (cs == null || asciiCompatible(cs)) {
            if (isAscii(b, off, len)) return new String(b, off, len, StandardCharsets.ISO_8859_1);
            if (cs == null) return bestEffort(b, off, len); // RFC 2045 says us-ascii; 8-bit UTF-8 is what is meant
            if (cs == WINDOWS_1252 && validUtf8(b, off, len)) {
                // A latin-1 label on UTF-8 bytes: the label is wrong far more often than latin-1 text is valid UTF-8.
                problems.add(MailFlag.CHARSET, what + ": UTF-8 bytes labelled " + declared.strip());
                return new String(b, off, len, StandardCharsets.UTF_8);
            }
        }
        if (cs == WINDOWS_1252) return new String(b, off, len, WINDOWS_1252);
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, len)).toString();
        } catch (CharacterCodingException e) {
            problems.add(MailFlag.CHARSET, what + ": bytes invalid for charset " + declared.strip());
            return asciiCompatible(cs) ? bestEffort(b, off, len) : new String(b, off, len, cs);
        }
    }

    /** True when the bytes are well-formed UTF-8. */
    static boolean validUtf8(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            if (b[i] >= 0) {
                i++;
            } else {
                int n = utf8Length(b, i, end);
                if (n == 0) return false;
                i += n;
            }
        }
        return true;
    }

    /** UTF-8 where valid, windows-1252 for every byte that is not part of a valid UTF-8 sequence. */
    static String bestEffort(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        StringBuilder sb = new StringBuilder(len);
        while (i < end) {
            int c = b[i];
            if (c >= 0) {
                sb.append((char) c);
                i++;
                continue;
            }
            int n = utf8Length(b, i, end);
            if (n == 0) {
                int u = c & 0xFF;
                sb.append(u < 0xA0 ? CP1252_HIGH[u - 0x80] : (char) u);
                i++;
            } else {
                sb.append(new String(b, i, n, StandardCharsets.UTF_8));
                i += n;
            }
        }
        return sb.toString();
    }

    /** Length of the valid UTF-8 multi-byte sequence at {@code i}, or 0 when there is none. */
    private static int utf8Length(byte[] b, int i, int end) {
        int c = b[i] & 0xFF;
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F; // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else {
            return 0;
        }
        if (i + n > end) return 0;
        int c1 = b[i + 1] & 0xFF;
        if (c1 < lo || c1 > hi) return 0;
        for (int k = 2; k < n; k++) {
            int ck = b[i + k] & 0xFF;
            if (ck < 0x80 || ck > 0xBF) return 0;
        }
        return n;
    }
}
