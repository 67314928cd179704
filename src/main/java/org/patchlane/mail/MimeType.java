package org.patchlane.mail;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Content-Type or Content-Disposition value: lower-cased type and subtype (or disposition) and parameters with
 * lower-cased names. Parsed leniently, without Angus's {@code ParameterList}, whose strictness is a JVM-wide System
 * property: unquoted values with spaces, missing semicolons, RFC 2231 continuations and charsets
 * ({@code filename*0*=utf-8''a%20b}), stray quotes.
 *
 * @param type    "text", "multipart", ... ("" when absent); for a disposition the disposition ("attachment")
 * @param subtype "plain", "mixed", ... ("" when absent)
 * @param params  parameter values, names lower-cased
 */
record MimeType(String type, String subtype, Map<String, String> params) {
    static final MimeType TEXT_PLAIN = new MimeType("text", "plain", Map.of());

    /** Parses a header value; a null or empty value gives {@code fallback}. */
    static MimeType parse(String value, MimeType fallback) {
        if (value == null || value.isBlank()) return fallback;
        String v = HeaderText.eightBit(value);
        int semi = v.indexOf(';');
        String head = (semi < 0 ? v : v.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        int space = head.indexOf(' ');
        if (space > 0 && semi < 0) { // "text/plain charset=utf-8": the semicolon forgotten
            semi = space;
            head = head.substring(0, space);
        }
        int slash = head.indexOf('/');
        String type = slash < 0 ? head : head.substring(0, slash).strip();
        String subtype = slash < 0 ? "" : head.substring(slash + 1).strip();
        Map<String, String> params = semi < 0 ? Map.of() : params(v.substring(semi + 1));
        return new MimeType(type, subtype, params);
    }

    String param(String name) {
        return params.get(name);
    }

    boolean is(String t, String s) {
        return type.equals(t) && subtype.equals(s);
    }

    private static Map<String, String> params(String s) {
        Map<String, String> plain = new HashMap<>(4);
        Map<String, TreeMap<Integer, String[]>> continued = null;
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) <= ' ' || s.charAt(i) == ';')) i++;
            int eq = s.indexOf('=', i);
            if (eq < 0) break;
            String name = s.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            i = eq + 1;
            while (i < n && s.charAt(i) <= ' ') i++;
            String value;
            if (i < n && s.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) i++;
                    sb.append(s.charAt(i++));
                }
                i++;
                value = sb.toString();
            } else {
                int end = s.indexOf(';', i);
                if (end < 0) end = n;
                value = nextParamStart(s, i, end);
                i += value.length();
                value = value.strip();
            }
            int star = name.indexOf('*');
            if (star < 0) {
                plain.putIfAbsent(name, value);
            } else {
                if (continued == null) continued = new HashMap<>(2);
                String base = name.substring(0, star);
                String rest = name.substring(star + 1);
                boolean encoded = rest.endsWith("*") || rest.isEmpty();
                String num = rest.endsWith("*") ? rest.substring(0, rest.length() - 1) : rest;
                int index = num.isEmpty() ? 0 : parseIndex(num);
                continued.computeIfAbsent(base, k -> new TreeMap<>())
                        .put(index, new String[] {value, encoded ? "*" : ""});
            }
        }
        if (continued != null) {
            for (Map.Entry<String, TreeMap<Integer, String[]>> e : continued.entrySet()) {
                plain.put(e.getKey(), rfc2231(e.getValue()));
            }
        }
        return plain;
    }

    /** An unquoted value runs to the semicolon, or to the next "name=" when the semicolon is missing. */
    private static String nextParamStart(String s, int from, int end) {
        for (int k = from; k < end; k++) {
            if (s.charAt(k) == ' ') {
                int eq = s.indexOf('=', k);
                if (eq > 0 && eq < end && s.substring(k, eq).strip().matches("[A-Za-z0-9*_-]+")) {
                    return s.substring(from, k);
                }
            }
        }
        return s.substring(from, end);
    }

    private static int parseIndex(String num) {
        try {
            return Integer.parseInt(num);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** RFC 2231: joins continuations; the first encoded piece names the charset ("utf-8'en'a%20b"). */
    private static String rfc2231(TreeMap<Integer, String[]> pieces) {
        String charset = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean first = true;
        for (String[] p : pieces.values()) {
            String v = p[0];
            if (p[1].equals("*")) {
                if (first) {
                    int q1 = v.indexOf('\'');
                    int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
                    if (q2 > 0) {
                        charset = v.substring(0, q1);
                        v = v.substring(q2 + 1);
                    }
                }
                for (int k = 0; k < v.length(); k++) {
                    char c = v.charAt(k);
                    if (c == '%' && k + 2 < v.length() && HeaderText.hex(v.charAt(k + 1)) >= 0
                            && HeaderText.hex(v.charAt(k + 2)) >= 0) {
                        bytes.write(HeaderText.hex(v.charAt(k + 1)) << 4 | HeaderText.hex(v.charAt(k + 2)));
                        k += 2;
                    } else {
                        bytes.write(c);
                    }
                }
            } else {
                bytes.writeBytes(v.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            first = false;
        }
        byte[] b = bytes.toByteArray();
        return Charsets.decode(b, 0, b.length, charset == null || charset.isEmpty() ? null : charset,
                "parameter", new Problems());
    }
}
