package org.patchlane.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.patchlane.mail.Lines;

/**
 * Finds a {@link MailNotice} in a reply's own (unquoted) text, by the shapes maintainers and their tools write:
 * <ul>
 * <li>a line starting with "Applied" (after an optional "Thanks,"/"Ok,"), as {@code b4 ty} and most maintainers
 * write it: "Applied, thanks!", "Applied to for-next, thanks!", "Thanks, Applied to URL (branch)", "Applied for
 * next"; the tree is what follows "to"/"for";</li>
 * <li>Mark Brown's "has been applied to the spi tree at" followed by the URL and branch;</li>
 * <li>b4 ty's {@code [n/m] subject} lines, each followed by {@code commit: SHA} or a commit URL;</li>
 * <li>pr-tracker-bot's "has been merged into TREE:" followed by the commit URL.</li>
 * </ul>
 * Not a notice: "applied on top of", "this applies to", "not applied", "once it is applied", a bot's "[if your
 * patch is applied to the wrong git tree", and anything after the signature separator.
 */
public final class MailNotices {
    private static final Pattern APPLIED = Pattern.compile(
            "(?i)^(?:(?:thanks|thank you|ok|okay|great)[,!.]?\\s+)?(?:now\\s+)?applied\\b(.*)$");
    private static final Pattern NOT_APPLIED = Pattern.compile("(?i)^applied\\s+(?:on top|cleanly|over|against)\\b");
    private static final Pattern TREE = Pattern.compile("(?i)^\\s*(?:to|for|in|into)\\s+(?:the\\s+)?(.+?)"
            + "(?:\\s*[,;.!]\\s*(?:thanks|thank you)[.!]*)?\\s*[.!,]*$");
    private static final Pattern APPLIED_TO_TREE = Pattern.compile("(?i)has been applied to (?:the )?(.+?)\\s+tree(?: at)?\\s*$");
    private static final Pattern MERGED = Pattern.compile("(?i)^has been merged into ([^\\s:]+):?\\s*(\\S*)\\s*$");
    private static final Pattern ENTRY = Pattern.compile("^\\[(\\d{1,5})/(\\d{1,5})\\]\\s+(.+?)\\s*$");
    private static final Pattern COMMIT = Pattern.compile("(?i)^\\s+(?:commit:\\s*)?(\\S+)\\s*$");
    private static final Pattern HEX = Pattern.compile("(?i)^[0-9a-f]{7,40}$");
    private static final Pattern URL_SHA = Pattern.compile("(?i)(?:/c/|[?&;]id=|/commit/)([0-9a-f]{7,40})\\b");

    private MailNotices() {
    }

    /** The notice in {@code own} (a reply's text without quoted lines), or null. */
    public static MailNotice parse(String own) {
        if (own == null || own.isEmpty()) return null;
        List<String> lines = new ArrayList<>();
        for (String line : Lines.split(own)) {
            if (line.equals("-- ") || line.equals("--")) break;
            lines.add(line);
        }
        MailNotice merged = merged(lines);
        if (merged != null) return merged;
        String tree = null;
        boolean applied = false;
        for (int i = 0; i < lines.size() && !applied; i++) {
            String line = lines.get(i).strip();
            if (line.startsWith(">") || line.startsWith("[")) continue;
            Matcher m = APPLIED.matcher(line);
            if (m.matches() && !NOT_APPLIED.matcher(line).find() && plainRest(m.group(1))) {
                applied = true;
                Matcher t = TREE.matcher(m.group(1));
                tree = t.matches() ? tree(t.group(1)) : "";
                continue;
            }
            Matcher at = APPLIED_TO_TREE.matcher(line);
            if (at.find()) {
                applied = true;
                tree = nextNonBlank(lines, i + 1);
                if (tree == null || !tree.contains("://")) tree = at.group(1).strip();
            }
        }
        if (!applied) return null;
        return new MailNotice(MailNotice.Kind.APPLIED, tree, entries(lines));
    }

    /**
     * What may follow "Applied": the end of the sentence, thanks, or where to ("to for-next"). Not prose going on
     * about something else ("Applied it locally and it crashes"), nor a question.
     */
    private static boolean plainRest(String rest) {
        String r = rest.strip();
        if (r.endsWith("?")) return false;
        if (r.matches("(?i)[,.!;:]*\\s*((thanks|thank you|thx)[.!]*)?")) return true;
        if (r.matches("(?i)[,.!]\\s*(thanks|thank you)[.!]*\\s.*")) return true;
        Matcher t = TREE.matcher(r);
        return t.matches() && !t.group(1).matches("(?i)(it|this|that|them|me|you|locally|now|testing)\\b.*");
    }

    /**
     * The tree as named: up to ", thanks" or the end of the sentence, without a trailing remark in parentheses
     * ("for next (and by amending ..."). A '.' inside a name (linux.git, v6.8) is no sentence end.
     */
    private static String tree(String named) {
        String t = named.replaceFirst("(?i)\\s*[,;]\\s*(?:thanks|thank you|thx)\\b.*$", "");
        t = t.replaceFirst("[.!?;](?:\\s.*)?$", "");
        return t.replaceFirst("\\s*\\((?:[^)]*\\s[^)]*\\)?|[^)]*$)\\s*$", "").strip();
    }

    private static MailNotice merged(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MERGED.matcher(lines.get(i).strip());
            if (!m.matches()) continue;
            String url = m.group(2).isEmpty() ? nextNonBlank(lines, i + 1) : m.group(2);
            if (url == null) url = "";
            Matcher sha = URL_SHA.matcher(url);
            String commit = sha.find() ? sha.group(1).toLowerCase(Locale.ROOT) : "";
            return new MailNotice(MailNotice.Kind.MERGED, m.group(1),
                    List.of(new MailNotice.Entry(0, 0, "", commit, url.contains("://") ? url : "")));
        }
        return null;
    }

    private static List<MailNotice.Entry> entries(List<String> lines) {
        List<MailNotice.Entry> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher e = ENTRY.matcher(lines.get(i));
            if (!e.matches()) continue;
            String commit = "";
            String url = "";
            if (i + 1 < lines.size()) {
                Matcher c = COMMIT.matcher(lines.get(i + 1));
                if (c.matches()) {
                    String v = c.group(1);
                    if (v.contains("://")) {
                        url = v;
                        Matcher sha = URL_SHA.matcher(v);
                        if (sha.find()) commit = sha.group(1).toLowerCase(Locale.ROOT);
                    } else if (HEX.matcher(v).matches()) {
                        commit = v.toLowerCase(Locale.ROOT);
                    }
                    i++;
                }
            }
            out.add(new MailNotice.Entry(Integer.parseInt(e.group(1)), Integer.parseInt(e.group(2)), e.group(3),
                    commit, url));
        }
        return out;
    }

    private static String nextNonBlank(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) return lines.get(i).strip();
        }
        return null;
    }
}
