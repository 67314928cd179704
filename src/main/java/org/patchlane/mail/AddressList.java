package org.patchlane.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * Address-list headers (From, To, Cc) split into {@link Address}es by a forgiving RFC 5322 scanner.
 *
 * <p>Why not {@code InternetAddress.parseHeader}: it rejects the whole list at the first bad address, and decodes
 * names with MimeUtility's rules, which are configured only through JVM-wide System properties. Archives hold
 * unquoted commas and dots in names, missing commas between addresses ({@code A <a@x> B <b@y>}), groups, bare
 * addresses with the name in a comment, and masked addresses ({@code jgg@xxxxxxxxxx}, kept as is: the name is the
 * identity). This scanner never drops a recipient it can see.
 */
public final class AddressList {
    private AddressList() {
    }

    /** Addresses in order; empty for null. The value is a raw header (one char per byte, encoded words intact). */
    public static List<Address> parse(String value) {
        return parse(value, new Problems());
    }

    static List<Address> parse(String value, Problems problems) {
        List<Address> out = new ArrayList<>(2);
        if (value == null) return out;
        String s = HeaderText.eightBit(value);
        StringBuilder phrase = new StringBuilder();
        StringBuilder comment = new StringBuilder();
        String angle = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (angle != null && c > ' ' && c != ',' && c != ';' && c != '(') {
                emit(out, phrase, comment, angle, problems); // "A <a@x> B <b@y>": a missing comma
                angle = null;
            }
            switch (c) {
                case '"' -> {
                    int end = i + 1;
                    StringBuilder q = new StringBuilder();
                    while (end < n && s.charAt(end) != '"') {
                        if (s.charAt(end) == '\\' && end + 1 < n) end++;
                        q.append(s.charAt(end++));
                    }
                    phrase.append(' ').append(HeaderText.decodeWords(q.toString(), problems)).append(' ');
                    i = end;
                }
                case '(' -> {
                    int depth = 1;
                    int end = i + 1;
                    StringBuilder q = new StringBuilder();
                    while (end < n && depth > 0) {
                        char d = s.charAt(end);
                        if (d == '\\' && end + 1 < n) {
                            q.append(s.charAt(++end));
                        } else if (d == '(') {
                            depth++;
                            q.append(d);
                        } else if (d == ')') {
                            if (--depth > 0) q.append(d);
                        } else {
                            q.append(d);
                        }
                        end++;
                    }
                    if (comment.length() > 0) comment.append(' ');
                    comment.append(q);
                    i = end - 1;
                }
                case '<' -> {
                    int end = i + 1;
                    while (end < n && ">,<".indexOf(s.charAt(end)) < 0) end++;
                    angle = s.substring(i + 1, end);
                    i = end < n && s.charAt(end) == '>' ? end : end - 1; // unclosed "<a@x, B <b@y>": stop at the comma
                }
                case ',', ';' -> emit(out, phrase, comment, angle, problems);
                case ':' -> {
                    if (angle == null && phrase.indexOf("@") < 0) {
                        phrase.setLength(0); // a group's display name ("undisclosed-recipients:;")
                        comment.setLength(0);
                    } else {
                        phrase.append(c);
                    }
                }
                default -> phrase.append(c);
            }
            if (c == ',' || c == ';') angle = null;
        }
        emit(out, phrase, comment, angle, problems);
        return out;
    }

    private static void emit(List<Address> out, StringBuilder phrase, StringBuilder comment, String angle,
                             Problems problems) {
        String text = phrase.toString();
        String name;
        String email;
        if (angle != null) {
            email = cleanEmail(angle);
            name = text;
        } else {
            String[] words = HeaderText.collapse(text).split(" ");
            email = "";
            StringBuilder rest = new StringBuilder();
            for (String w : words) {
                if (email.isEmpty() && w.indexOf('@') > 0) {
                    email = cleanEmail(w);
                } else {
                    rest.append(w).append(' ');
                }
            }
            name = rest.toString();
            if (email.isEmpty() && words.length == 1 && comment.length() == 0 && !words[0].isEmpty()) {
                email = words[0]; // "To: linux-kernel": a local address
                name = "";
            }
        }
        name = HeaderText.collapse(HeaderText.decodeWords(name, problems));
        if (name.isEmpty() && comment.length() > 0) {
            name = HeaderText.collapse(HeaderText.decodeWords(comment.toString(), problems));
        }
        if (name.length() > 1 && name.charAt(0) == '\'' && name.charAt(name.length() - 1) == '\'') {
            name = name.substring(1, name.length() - 1).strip(); // 'Name' from some Outlook versions
        }
        if (name.equalsIgnoreCase(email)) name = "";
        phrase.setLength(0);
        comment.setLength(0);
        if (!name.isEmpty() || !email.isEmpty()) out.add(new Address(name, email));
    }

    /** Drops whitespace, "mailto:", a source route ("@a,@b:") and stray quotes from an address. */
    private static String cleanEmail(String a) {
        StringBuilder sb = new StringBuilder(a.length());
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (c > ' ' && c != '"' && c != '<' && c != '>') sb.append(c);
        }
        String e = sb.toString();
        if (e.regionMatches(true, 0, "mailto:", 0, 7)) e = e.substring(7);
        int colon = e.lastIndexOf(':');
        if (colon >= 0 && e.startsWith("@")) e = e.substring(colon + 1);
        return e;
    }
}
