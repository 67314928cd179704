package org.patchlane.mail;

import java.util.Arrays;

/**
 * Content-Transfer-Encoding decoders that never fail: junk in base64 is skipped, a broken {@code =XY} in
 * quoted-printable is kept as written (as RFC 2045 §6.7 advises), a truncated tail decodes as far as it goes.
 * Angus's decoder streams throw on such input, and archives are full of it.
 */
final class TransferEncoding {
    private static final byte[] B64 = new byte[128];

    static {
        Arrays.fill(B64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) B64[alphabet.charAt(i)] = (byte) i;
        B64['-'] = 62; // base64url, seen from broken webmail
        B64['_'] = 63;
    }

    private TransferEncoding() {
    }

    /** Decodes {@code b[off, off+len)} by the encoding named in a Content-Transfer-Encoding value (null = identity). */
    static byte[] decode(byte[] b, int off, int len, String cte) {
        String e = cte == null ? "" : cte;
        if (e.equals("base64")) return base64(b, off, len);
        if (e.equals("quoted-printable")) return quotedPrintable(b, off, len);
        return off == 0 && len == b.length ? b : Arrays.copyOfRange(b, off, off + len);
    }

    /** The first token of a Content-Transfer-Encoding header, lower-cased; null when absent. */
    static String name(String header) {
        if (header == null) return null;
        String t = header.strip();
        int end = 0;
        while (end < t.length() && (Character.isLetterOrDigit(t.charAt(end)) || t.charAt(end) == '-')) end++;
        return t.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    }

    static byte[] base64(byte[] b, int off, int len) {
        byte[] out = new byte[len * 3 / 4 + 3];
        int o = 0;
        int acc = 0;
        int bits = 0;
        for (int i = off, end = off + len; i < end; i++) {
            int c = b[i];
            if (c == '=') {
                // Padding ends a quantum; some senders concatenate encodings, so resume cleanly after it.
                acc = 0;
                bits = 0;
                continue;
            }
            if (c < 0 || B64[c] < 0) continue;
            acc = acc << 6 | B64[c];
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[o++] = (byte) (acc >> bits);
                acc &= (1 << bits) - 1;
            }
        }
        return o == out.length ? out : Arrays.copyOf(out, o);
    }

    static byte[] quotedPrintable(byte[] b, int off, int len) {
        byte[] out = new byte[len];
        int o = 0;
        int end = off + len;
        for (int i = off; i < end; i++) {
            byte c = b[i];
            if (c == '=') {
                int j = i + 1;
                while (j < end && (b[j] == ' ' || b[j] == '\t')) j++; // "=  \n": trailing blanks before a soft break
                if (j < end && b[j] == '\n') {
                    i = j;
                    continue;
                }
                if (j + 1 < end && b[j] == '\r' && b[j + 1] == '\n') {
                    i = j + 1;
                    continue;
                }
                if (j == end) break;
                if (i + 2 < end) {
                    int h = HeaderText.hex((char) b[i + 1]);
                    int l = HeaderText.hex((char) b[i + 2]);
                    if (h >= 0 && l >= 0) {
                        out[o++] = (byte) (h << 4 | l);
                        i += 2;
                        continue;
                    }
                }
                out[o++] = c;
            } else {
                out[o++] = c;
            }
        }
        return o == out.length ? out : Arrays.copyOf(out, o);
    }
}
