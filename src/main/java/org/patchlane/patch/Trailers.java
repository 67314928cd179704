package org.patchlane.patch;

import org.patchlane.mail.Address;
import org.patchlane.mail.Lines;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reader of {@code Token-with-dashes: value} trailer lines anywhere in a text; callers decide which lines
 * count (the patch's last paragraph, a reply's own text). Keys match case-insensitively, as JGit's
 * {@code FooterKey} does, and come out in canonical case.
 */
public final class Trailers {
    private Trailers() {
    }

    /** Known kinds by lower-case token; others are canonicalised as "First-rest-lower". */
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("signed-off-by", "Signed-off-by"), Map.entry("acked-by", "Acked-by"),
            Map.entry("reviewed-by", "Reviewed-by"), Map.entry("tested-by", "Tested-by"),
            Map.entry("reported-by", "Reported-by"), Map.entry("suggested-by", "Suggested-by"),
            Map.entry("co-developed-by", "Co-developed-by"), Map.entry("nacked-by", "Nacked-by"),
            Map.entry("cc", "Cc"), Map.entry("fixes", "Fixes"), Map.entry("link", "Link"),
            Map.entry("closes", "Closes"), Map.entry("message-id", "Message-ID"));

    /**
     * Dashed tokens that are mail headers quoted in a body ("-----Original Message-----" blocks, forwarded
     * mail) or the dependency markers that {@link Markers} reads, never trailers.
     */
    private static final Set<String> NOT_TRAILERS = Set.of("in-reply-to", "reply-to", "return-path",
            "user-agent", "thread-topic", "thread-index", "accept-language", "delivered-to", "received-spf",
            "dkim-signature", "authentication-results", "base-commit", "change-id", "prerequisite-patch-id",
            "prerequisite-message-id", "prerequisite-change-id");
    private static final List<String> HEADER_FAMILIES = List.of("x-", "content-", "list-", "mime-", "resent-",
            "arc-");

    private static final Pattern LINE = Pattern.compile("^([A-Za-z][A-Za-z0-9-]*):[ \\t]*(.*?)[ \\t]*$");
    private static final Pattern BARE_NAK = Pattern.compile("(?i)(nak|nack|nacked)[.!]*");
    private static final Pattern ANGLE = Pattern.compile("^(.*?)<([^<>\\s]*)");
    private static final Pattern ADDR_THEN_NAME = Pattern.compile("^(\\S+@\\S+)\\s*\\((.*)\\)$");
    private static final Pattern BRACKET_NOTE = Pattern.compile("^(.*\\S)\\s+\\[([^\\[\\]]*)]$");
    private static final Pattern IN_BODY_HEADER = Pattern.compile("^(?i)(from|subject|date):\\s*(.*)$");

    /**
     * Every trailer line of {@code text}, in order, quoted ones ({@code >} lines) included and marked.
     * An unquoted trailer starts in column 0; a bare {@code NAK}/{@code NACK} line becomes a
     * {@code Nacked-by} with no person (the caller fills in the sender).
     *
     * @param text any text, may be null
     * @return never null
     */
    public static List<Trailer> parse(String text) {
        List<Trailer> out = new ArrayList<>();
        if (text == null) return out;
        String[] lines = Lines.split(text);
        for (int i = 0; i < lines.length; i++) {
            Trailer t = parseLine(lines[i], i);
            if (t != null) out.add(t);
        }
        return out;
    }

    /** One line as a trailer, or null. */
    static Trailer parseLine(String raw, int lineNo) {
        int quoteEnd = quoteEnd(raw);
        boolean quoted = quoteEnd >= 0;
        String line = quoted ? raw.substring(quoteEnd) : raw;
        // Cheap tests first: every line of every body comes here, and most are neither a NAK nor a trailer.
        if (startsWithN(line) && BARE_NAK.matcher(line.strip()).matches()
                && (quoted || line.equals(line.stripLeading()))) {
            return new Trailer("Nacked-by", "", "", line.strip(), null, quoted, lineNo);
        }
        if (line.isEmpty() || !isAsciiLetter(line.charAt(0)) || line.indexOf(':') < 0) return null;
        Matcher m = LINE.matcher(line);
        if (!m.matches()) return null;
        String kind = canonicalKind(m.group(1));
        String value = m.group(2);
        if (kind == null || value.isEmpty()) return null;
        if (!isPersonKind(kind)) return new Trailer(kind, "", "", value, null, quoted, lineNo);
        Person p = split(value);
        return new Trailer(kind, p.address.name(), p.address.email(), value, p.comment, quoted, lineNo);
    }

    /**
     * Where the text after a line's quote marks ({@code >}, {@code > >}, {@code  > }) and the blanks after them
     * starts, or -1 when unquoted: {@code ^(?:[ \t]*>)+[ \t]*} looked at without a matcher.
     */
    static int quoteEnd(String s) {
        int n = s.length();
        int end = -1;
        for (int i = 0; ; ) {
            int j = i;
            while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) j++;
            if (j == n || s.charAt(j) != '>') break;
            i = end = j + 1;
        }
        if (end < 0) return -1;
        while (end < n && (s.charAt(end) == ' ' || s.charAt(end) == '\t')) end++;
        return end;
    }

    /** Whether the first non-blank character is an n: what a bare NAK needs. */
    private static boolean startsWithN(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i < s.length() && (s.charAt(i) | 0x20) == 'n';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /**
     * The canonical kind for a token, or null when the token is not a trailer: known kinds in any case;
     * other tokens only when they hold a dash and start upper-case ({@code Reported-and-tested-by}), so
     * that prose ("Note: ...") and quoted mail headers ("Subject:", "Content-Type:") stay out.
     */
    public static String canonicalKind(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        String known = KNOWN.get(lower);
        if (known != null) return known;
        if (!token.contains("-") || !Character.isUpperCase(token.charAt(0)) || token.endsWith("-")) return null;
        if (NOT_TRAILERS.contains(lower) || HEADER_FAMILIES.stream().anyMatch(lower::startsWith)) return null;
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** Kinds whose value names a person: every {@code *-by} and {@code Cc}. */
    public static boolean isPersonKind(String kind) {
        return kind.endsWith("-by") || kind.equals("Cc");
    }

    /**
     * The person of a trailer value: {@code Name <email>}, {@code "Quoted, Name" <email>}, a bare address,
     * {@code email (Name)}, {@code Name email}, or a bare name. A trailing {@code # note} or
     * {@code [note]} is dropped (see {@link #comment(String)}).
     */
    public static Address person(String value) {
        return split(value == null ? "" : value).address;
    }

    /** The trailing {@code # note}, {@code [note]} or text after {@code >} of a person value, or null. */
    public static String comment(String value) {
        return split(value == null ? "" : value).comment;
    }

    private record Person(Address address, String comment) {
    }

    private static Person split(String value) {
        String v = value.strip();
        String comment = null;
        int hash = v.indexOf(" #");
        if (hash >= 0) {
            comment = v.substring(hash + 2).strip();
            v = v.substring(0, hash).strip();
        } else {
            Matcher note = BRACKET_NOTE.matcher(v);
            if (note.matches()) {
                comment = note.group(2).strip();
                v = note.group(1);
            }
        }
        Matcher angle = ANGLE.matcher(v);
        if (angle.find() && angle.group(2).contains("@")) {
            String after = v.substring(v.lastIndexOf('>') + 1).strip();
            if (comment == null && !after.isEmpty()) comment = unwrap(after);
            return new Person(new Address(unquote(angle.group(1)), angle.group(2)), emptyToNull(comment));
        }
        Matcher addrName = ADDR_THEN_NAME.matcher(v);
        if (addrName.matches()) {
            return new Person(new Address(unquote(addrName.group(2)), addrName.group(1)), emptyToNull(comment));
        }
        int space = v.lastIndexOf(' ');
        String last = v.substring(space + 1);
        if (last.contains("@") && !last.startsWith("@")) {
            String name = space < 0 ? "" : unquote(v.substring(0, space));
            return new Person(new Address(name, last), emptyToNull(comment));
        }
        return new Person(new Address(unquote(v), ""), emptyToNull(comment));
    }

    private static String unwrap(String s) {
        if (s.startsWith("(") && s.endsWith(")")) return s.substring(1, s.length() - 1).strip();
        return s;
    }

    private static String unquote(String name) {
        String n = name.strip();
        if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
            n = n.substring(1, n.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return n.strip();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * True for the line that ends a patch's commit message: {@code ---} before the diffstat, or the diff itself
     * ({@code git am}'s mailinfo splits there too).
     */
    public static boolean endsCommitMessage(String line) {
        return line.equals("---") || line.startsWith("diff --git ") || line.startsWith("Index: ");
    }

    /**
     * The author named by a leading in-body {@code From:} line, as {@code git am} (mailinfo) reads it:
     * blank lines are skipped, then a block of {@code From:}/{@code Subject:}/{@code Date:} lines at the
     * very top of the body. Null when the body does not start that way.
     */
    public static Address inBodyFrom(String bodyText) {
        if (bodyText == null) return null;
        Address from = null;
        boolean started = false;
        for (String line : Lines.split(bodyText)) {
            if (line.isBlank()) {
                if (started) break;
                continue;
            }
            Matcher m = IN_BODY_HEADER.matcher(line);
            if (!m.matches()) break;
            started = true;
            if (m.group(1).equalsIgnoreCase("from") && from == null) {
                Address a = split(m.group(2)).address;
                if (!a.email().isEmpty() || !a.name().isEmpty()) from = a;
            }
        }
        return from;
    }
}
