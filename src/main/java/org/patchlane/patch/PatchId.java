package org.patchlane.patch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The git patch-id of a diff, equal to what {@code git patch-id --stable} prints for the same text: the same
 * line state machine as git's {@code builtin/patch-id.c} (git 2.39+), the same SHA-1 over each file's lines with
 * whitespace removed, the same byte-wise sum with carry across files. Matching git exactly, quirks included,
 * is the point: a posted patch is matched to a commit by this id, so any "improvement" would break matching.
 *
 * <p>Text is hashed as UTF-8; a patch sent in another charset and decoded by the mail stage hashes as its
 * UTF-8 re-encoding, which differs from the repository's bytes only for non-ASCII content.
 */
public final class PatchId {
    private PatchId() {
    }

    private static final int SHA1_HEX = 40;
    /** git copies at most GIT_MAX_HEXSZ characters of each blob id of an index line. */
    private static final int MAX_HEX = 64;

    /**
     * The first patch-id {@code git patch-id --stable} would print for {@code text} (a mail body, a
     * {@code format-patch} file or a bare diff), or null when it would print none (no {@code diff } line,
     * as in a plain {@code ---}/{@code +++} or CVS diff). Cost: one pass, one SHA-1 per file.
     */
    public static String compute(String text) {
        if (text == null) return null;
        Input in = new Input(text);
        while (!in.atEnd()) {
            byte[] id = new State(in).run();
            if (id != null) return HexFormat.of().formatHex(id);
        }
        return null;
    }

    /** Lines as git reads them: each with its newline, the last one possibly without. */
    private static final class Input {
        final List<String> lines;
        final boolean lastHasNewline;
        int pos;

        Input(String text) {
            String[] parts = text.split("\n", -1);
            boolean trailing = parts[parts.length - 1].isEmpty();
            int n = trailing ? parts.length - 1 : parts.length;
            this.lines = List.of(parts).subList(0, n);
            this.lastHasNewline = trailing;
        }

        boolean atEnd() {
            return pos >= lines.size();
        }

        /** The next line with its newline restored, exactly as git's strbuf_getwholeline returns it. */
        String next() {
            String l = lines.get(pos++);
            return pos < lines.size() || lastHasNewline ? l + "\n" : l;
        }
    }

    /** One call of git's get_one_patchid: reads lines up to the end of one patch. */
    private static final class State {
        private final Input in;
        private final MessageDigest sha1 = newSha1();
        private final byte[] result = new byte[20];
        private int patchlen;
        private int before = -1;
        private int after = -1;
        private boolean binary;
        private String preOid = "";
        private String postOid = "";

        State(Input in) {
            this.in = in;
        }

        /** The id when this patch hashed anything, else null. */
        byte[] run() {
            while (!in.atEnd()) {
                if (!line(in.next())) break;
            }
            flush();
            return patchlen > 0 ? result : null;
        }

        /** Handles one line; false ends this patch (the line is consumed, as in git). */
        private boolean line(String line) {
            String p = line;
            boolean prefixed = false;
            if (line.startsWith("commit ")) {
                p = line.substring(7);
                prefixed = true;
            } else if (line.startsWith("From ")) {
                p = line.substring(5);
                prefixed = true;
            }
            if (!prefixed && line.startsWith("\\ ") && line.getBytes(StandardCharsets.UTF_8).length > 12) {
                return true;
            }
            if (startsWithOid(p)) return false;
            if (patchlen == 0 && !line.startsWith("diff ")) return true;
            if (before == -1) {
                if (line.startsWith("GIT binary patch") || line.startsWith("Binary files")) {
                    binary = true;
                    before = 0;
                    update(preOid);
                    update(postOid);
                    flush();
                    return true;
                } else if (line.startsWith("index ")) {
                    indexLine(line);
                    return true;
                } else if (line.startsWith("--- ")) {
                    before = after = 1;
                } else if (!isAlpha(line)) {
                    return false;
                }
            }
            if (binary) {
                if (line.startsWith("diff ")) {
                    binary = false;
                    before = -1;
                }
                return true;
            }
            if (before == 0 && after == 0) {
                if (line.startsWith("@@ -")) {
                    scanHunkHeader(line);
                    return true;
                }
                if (!line.startsWith("diff ")) return false;
                flush();
                before = after = -1;
            }
            char c = line.isEmpty() ? '\0' : line.charAt(0);
            if (c == '-' || c == ' ') before--;
            if (c == '+' || c == ' ') after--;
            byte[] stripped = removeSpace(line);
            patchlen += stripped.length;
            sha1.update(stripped);
            return true;
        }

        /** "index abc..def 100644": remembers both ids, which stand for a binary file's content. */
        private void indexLine(String line) {
            int dots = line.indexOf("..");
            if (dots < 0) return;
            int space = line.indexOf(' ', dots);
            int end = space >= 0 ? space : line.length() - 1;
            preOid = cap(line.substring(6, Math.max(6, dots)));
            postOid = cap(line.substring(dots + 2, Math.max(dots + 2, end)));
        }

        private static String cap(String s) {
            return s.length() > MAX_HEX ? s.substring(0, MAX_HEX) : s;
        }

        /** git's scan_hunk_header: sets before/after as far as it gets; line numbers are ignored. */
        private void scanHunkHeader(String line) {
            int q = 4;
            int n = digits(line, q);
            if (charAt(line, q + n) == ',') {
                q += n + 1;
                n = digits(line, q);
                if (n == 0) return;
                before = toInt(line, q, n);
            } else {
                before = 1;
            }
            if (n == 0 || charAt(line, q + n) != ' ' || charAt(line, q + n + 1) != '+') return;
            int r = q + n + 2;
            n = digits(line, r);
            if (charAt(line, r + n) == ',') {
                r += n + 1;
                n = digits(line, r);
                if (n == 0) return;
                after = toInt(line, r, n);
            } else {
                after = 1;
            }
        }

        private void update(String s) {
            sha1.update(s.getBytes(StandardCharsets.UTF_8));
        }

        /** git's flush_one_hunk: adds this file's SHA-1 to the result, byte 0 least significant. */
        private void flush() {
            byte[] hash = sha1.digest();
            int carry = 0;
            for (int i = 0; i < result.length; i++) {
                carry += (result[i] & 0xff) + (hash[i] & 0xff);
                result[i] = (byte) carry;
                carry = (carry >> 8) & 0xff;
            }
        }
    }

    private static boolean startsWithOid(String p) {
        if (p.length() < SHA1_HEX) return false;
        for (int i = 0; i < SHA1_HEX; i++) {
            char c = p.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
        }
        return true;
    }

    /** C's isalpha in the "C" locale: ASCII letters only. */
    private static boolean isAlpha(String line) {
        if (line.isEmpty()) return false;
        char c = line.charAt(0);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static char charAt(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        return i - from;
    }

    private static int toInt(String s, int from, int n) {
        long v = 0;
        for (int i = from; i < from + n && v <= Integer.MAX_VALUE; i++) v = v * 10 + (s.charAt(i) - '0');
        return (int) Math.min(v, Integer.MAX_VALUE);
    }

    /** The line's UTF-8 bytes without C isspace characters (space, \t, \n, \v, \f, \r). */
    private static byte[] removeSpace(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        int n = 0;
        for (byte x : b) {
            if (x != ' ' && x != '\t' && x != '\n' && x != 0x0b && x != '\f' && x != '\r') b[n++] = x;
        }
        return java.util.Arrays.copyOf(b, n);
    }

    private static MessageDigest newSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-1", e);
        }
    }
}
