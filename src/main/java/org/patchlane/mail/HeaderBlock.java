package org.patchlane.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The header section of a message or embedded message, scanned straight from the bytes: unfolded values as
 * one-char-per-byte strings (so 8-bit headers can be re-read as UTF-8 or windows-1252), and where the body starts.
 * A leading mbox {@code From } line is skipped. A line that is neither a header nor a continuation ends the
 * header section (mail without the blank separator line).
 */
final class HeaderBlock {
    /** Header sections past this are cut: public-inbox's Eml.pm $header_size_limit, "same as postfix". */
    static final int MAX_HEADER_BYTES = 102_400;

    private final List<String> names;
    private final List<String> values;
    /** Offset of the first body byte (raw.length when there is no body). */
    final int bodyStart;
    final boolean cut;

    private HeaderBlock(List<String> names, List<String> values, int bodyStart, boolean cut) {
        this.names = names;
        this.values = values;
        this.bodyStart = bodyStart;
        this.cut = cut;
    }

    static HeaderBlock scan(byte[] raw, int start, int end) {
        List<String> names = new ArrayList<>(24);
        List<String> values = new ArrayList<>(24);
        int pos = start;
        if (startsWith(raw, pos, end, "From ")) pos = lineEnd(raw, pos, end);
        StringBuilder current = null;
        boolean cut = false;
        while (pos < end) {
            int next = lineEnd(raw, pos, end);
            int stop = next;
            if (stop > pos && raw[stop - 1] == '\n') stop--;
            if (stop > pos && raw[stop - 1] == '\r') stop--;
            if (stop == pos) { // the blank line
                pos = next;
                break;
            }
            byte first = raw[pos];
            if (first == ' ' || first == '\t') {
                if (current != null && !cut) current.append(new String(raw, pos, stop - pos, StandardCharsets.ISO_8859_1));
            } else {
                int colon = colon(raw, pos, stop);
                if (colon < 0) break; // body without the separator line
                flush(values, current);
                current = null;
                if (pos - start > MAX_HEADER_BYTES) {
                    cut = true;
                } else {
                    names.add(new String(raw, pos, trimEnd(raw, pos, colon) - pos, StandardCharsets.ISO_8859_1));
                    int v = colon + 1;
                    while (v < stop && (raw[v] == ' ' || raw[v] == '\t')) v++;
                    current = new StringBuilder(stop - v + 8).append(new String(raw, v, stop - v,
                            StandardCharsets.ISO_8859_1));
                }
            }
            pos = next;
        }
        flush(values, current);
        return new HeaderBlock(names, values, pos, cut);
    }

    private static void flush(List<String> values, StringBuilder current) {
        if (current != null) values.add(current.toString());
    }

    /** The first value of {@code name} (case-insensitive), or null. */
    String first(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) return values.get(i);
        }
        return null;
    }

    /** Every value of {@code name}, joined with ", " (address lists spread over several To: lines), or null. */
    String joined(String name) {
        String out = null;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) out = out == null ? values.get(i) : out + ", " + values.get(i);
        }
        return out;
    }

    int size() {
        return names.size();
    }

    private static int colon(byte[] raw, int pos, int stop) {
        for (int i = pos; i < stop; i++) {
            byte c = raw[i];
            if (c == ':') return i == pos ? -1 : i;
            if (c <= ' ' && c != '\t' && c != ' ') return -1;
            if (c == ' ' || c == '\t') { // "Subject : x" is tolerated, "Hello world: x" is body text
                int j = i;
                while (j < stop && (raw[j] == ' ' || raw[j] == '\t')) j++;
                return j < stop && raw[j] == ':' ? j : -1;
            }
        }
        return -1;
    }

    private static int trimEnd(byte[] raw, int pos, int colon) {
        int e = colon;
        while (e > pos && (raw[e - 1] == ' ' || raw[e - 1] == '\t')) e--;
        return e;
    }

    private static int lineEnd(byte[] raw, int pos, int end) {
        for (int i = pos; i < end; i++) {
            if (raw[i] == '\n') return i + 1;
        }
        return end;
    }

    private static boolean startsWith(byte[] raw, int pos, int end, String s) {
        if (end - pos < s.length()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (raw[pos + i] != s.charAt(i)) return false;
        }
        return true;
    }
}
