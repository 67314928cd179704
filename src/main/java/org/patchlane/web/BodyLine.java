package org.patchlane.web;

import java.util.ArrayList;
import java.util.List;

import org.patchlane.patch.Trailer;
import org.patchlane.patch.Trailers;

/**
 * One line of a message body with how to show it.
 *
 * @param text the line as decoded (escaped by the template)
 * @param kind {@code plain}, {@code quote} ({@code >} lines), {@code meta} (diff and file headers), {@code hunk}
 *             ({@code @@}), {@code add}, {@code del}, {@code sig} (after {@code "-- "}), {@code part} (an attachment's
 *             start), {@code trailer} (an own, unquoted {@code *-by:} line or a bare NACK: what review gave)
 */
public record BodyLine(String text, String kind) {
    /** The line cut into text and its http(s) links, for the template (which escapes each piece). */
    public List<MailLinks.Piece> pieces() {
        return MailLinks.split(text);
    }

    /**
     * Classifies the lines of a text. '+' and '-' lines count as diff lines only inside a diff (after
     * {@code diff --git} or a {@code ---}/{@code +++} pair), so a commit message's "---" separator stays plain.
     */
    public static List<BodyLine> of(String text) {
        List<BodyLine> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        int n = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        boolean diff = false;
        boolean sig = false;
        for (int i = 0; i < n; i++) {
            String l = lines[i];
            String next = i + 1 < n ? lines[i + 1] : "";
            String kind;
            if (sig) {
                kind = "sig";
            } else if (l.startsWith(">")) {
                kind = "quote";
            } else if (l.equals("-- ")) {
                sig = true;
                diff = false;
                kind = "sig";
            } else if (l.startsWith("diff --git ") || l.startsWith("--- ") && next.startsWith("+++ ")) {
                diff = true;
                kind = "meta";
            } else if (diff && l.startsWith("@@")) {
                kind = "hunk";
            } else if (diff && (l.startsWith("+++ ") || l.startsWith("index ") || l.startsWith("new file mode")
                    || l.startsWith("deleted file mode") || l.startsWith("rename ") || l.startsWith("similarity "))) {
                kind = "meta";
            } else if (diff && l.startsWith("+")) {
                kind = "add";
            } else if (diff && l.startsWith("-")) {
                kind = "del";
            } else if (!diff && isTrailer(l)) {
                kind = "trailer";
            } else {
                kind = "plain";
            }
            out.add(new BodyLine(l, kind));
        }
        return out;
    }

    /** A review or sign-off trailer in column 0 ({@code Acked-by:}, {@code Reviewed-by:}, ..., a bare NACK). */
    private static boolean isTrailer(String line) {
        if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) return false;
        List<Trailer> t = Trailers.parse(line);
        return t.size() == 1 && !t.get(0).quoted() && t.get(0).kind().endsWith("-by");
    }
}
