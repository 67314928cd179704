package org.patchlane.patch;

import org.patchlane.mail.Caseless;
import org.patchlane.mail.Lines;
import org.patchlane.mail.Quotes;
import org.patchlane.patch.DependencyRef.Form;
import org.patchlane.patch.DependencyRef.Kind;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reader of the series a mail's own text says it depends on or points to, apart from the b4 markers that
 * {@link Markers} reads: {@code Depends-on:} and {@code Based-on:} lines, {@code Link:} lines and other message
 * URLs, and prose ("depends on", "based on", "on top of", "requires", "applies on") naming a Message-ID, a
 * message URL, a b4 change-id or a quoted title in the same sentence. Reading stops at the diff, so a Kconfig
 * {@code depends on FOO} line never counts.
 *
 * <p>A URL counts only when it names a message: a lore, lkml or msgid.link URL with a Message-ID, or a
 * patchwork patch, cover or series page; a bug tracker or documentation URL is none. {@code Fixes:},
 * {@code Closes:} and {@code Reported-by:}-style lines point at bugs and reports, never at a prerequisite.
 * One pass over the text; each paragraph is also searched once joined, so a phrase folded across a line break
 * counts.
 */
public final class DependencyRefs {
    private DependencyRefs() {
    }

    private static final Pattern TRAILER = Pattern.compile("^(?i)(depends-on|based-on|link):[ \\t]*(.+)$");
    /** Trailers about bugs and people: a URL on them is a report or a discussion, not a prerequisite. */
    private static final Pattern REPORT_TRAILER = Pattern.compile(
            "^(?i)(fixes|closes|reported-by|suggested-by|bugzilla|bug|cc|reviewed-by|acked-by|tested-by"
                    + "|signed-off-by|message-id):");
    private static final Pattern PHRASE = Pattern.compile(
            "(?i)\\b(?:depends\\s+on|depend\\s+on|dependent\\s+on|based\\s+on|on\\s+top\\s+of|requires"
                    + "|applies\\s+on)\\b");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'()\\[\\]]+");
    /** lore/lkml/msgid.link: an optional list or "r"/"all" component, then the Message-ID. */
    private static final Pattern MESSAGE_URL = Pattern.compile(
            "(?i)https?://(?:lore\\.kernel\\.org|lkml\\.kernel\\.org|(?:patch\\.)?msgid\\.link)/(?:[\\w.+-]+/)??"
                    + "([^/?#\\s]*(?:@|%40)[^/?#\\s]+)");
    private static final Pattern PATCHWORK_URL = Pattern.compile(
            "(?i)https?://patchwork\\.[\\w.-]+/(?:project/[\\w.+-]+/)?(?:patch|cover|series)/([^/?#\\s]+)/?");
    private static final Pattern BRACKETED_ID = Pattern.compile("<([^<>\\s@]+@[^<>\\s@]+)>");
    private static final Pattern CHANGE_ID = Pattern.compile("\\b(\\d{8}-[A-Za-z0-9][\\w.-]*?-[0-9a-f]{12})\\b(?![@.-])");
    /** A quoted kernel title: "subsystem: what", optionally after "[PATCH v2 0/3] ". */
    private static final Pattern TITLE = Pattern.compile(
            "\"(?:\\[[^\\]\"]*\\]\\s*)?([\\w./,+-]+(?: [\\w./,+-]+)*: [^\"]+)\"|(?<![\\w'])'(?:\\[[^\\]']*\\]\\s*)?"
                    + "([\\w./,+-]+(?: [\\w./,+-]+)*: [^']+)'");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s|$)");

    /**
     * The references of a mail's own text, paragraph by paragraph: its trailer lines, then its dependency
     * sentences' targets in order, then the message URLs no other ref names; one per kind and target.
     *
     * @param ownText the author's text ({@link org.patchlane.mail.BodyText#own()}); quoted lines are skipped
     *                anyway; may be null
     */
    public static List<DependencyRef> in(String ownText) {
        if (ownText == null || ownText.isEmpty()) return List.of();
        Collector out = new Collector();
        List<String> paragraph = new ArrayList<>();
        String[] lines = Lines.split(ownText);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (diffStarts(lines, i)) break;
            if (Quotes.isQuoted(line)) continue;
            if (line.isBlank()) {
                prose(paragraph, out);
                paragraph.clear();
                continue;
            }
            paragraph.add(line);
        }
        prose(paragraph, out);
        return out.refs;
    }

    /**
     * Whether a paragraph can hold a dependency phrase or a URL: the words every PHRASE alternative and URL contains,
     * looked up before the case-insensitive scans (most paragraphs have none).
     */
    private static boolean mayName(String text) {
        for (String word : PHRASE_WORDS) if (Caseless.contains(text, word)) return true;
        return false;
    }

    private static final List<String> PHRASE_WORDS = List.of("depend", "based", "top", "requires", "applies", "http");

    /** One paragraph: trailer lines, then dependency sentences, then any message URL left as a mention. */
    private static void prose(List<String> paragraph, Collector out) {
        if (paragraph.isEmpty()) return;
        StringBuilder joined = new StringBuilder();
        for (String line : paragraph) {
            Matcher t = TRAILER.matcher(line);
            if (t.matches()) {
                trailer(t.group(1).toLowerCase(Locale.ROOT), t.group(2).strip(), line, out);
            } else if (!REPORT_TRAILER.matcher(line).lookingAt()) {
                if (joined.length() > 0) joined.append(' ');
                joined.append(line.strip());
            }
        }
        // The words looked up hold no white space, so the joined lines answer as the collapsed text would, before
        // a regex pass over a paragraph that names nothing (most).
        String lines = joined.toString();
        if (!mayName(lines)) return;
        String text = lines.replaceAll("\\s+", " ");
        Matcher phrase = PHRASE.matcher(text);
        int searched = 0;
        while (phrase.find()) {
            if (phrase.start() < searched) continue;
            int start = sentenceStart(text, phrase.start());
            int end = sentenceEnd(text, phrase.end());
            String sentence = text.substring(start, end).strip();
            String rest = text.substring(phrase.end(), end);
            targets(rest, sentence, out);
            searched = end;
        }
        Matcher url = URL.matcher(text);
        while (url.find()) {
            Target target = messageUrl(url.group());
            if (target != null) out.add(Kind.MENTION, target, sentenceAround(text, url.start(), url.end()));
        }
    }

    private static void trailer(String key, String value, String line, Collector out) {
        Kind kind = switch (key) {
            case "depends-on" -> Kind.DEPENDS_ON;
            case "based-on" -> Kind.BASED_ON;
            default -> Kind.LINK;
        };
        String evidence = line.strip();
        Matcher url = URL.matcher(value);
        if (url.find()) {
            Target target = messageUrl(url.group());
            if (target != null) out.add(kind, target, evidence);
            return;
        }
        if (kind == Kind.LINK) return;
        String id = value.replaceAll("^<|>.*$", "").strip();
        if (id.indexOf('@') > 0 && id.indexOf(' ') < 0) out.add(kind, new Target(Form.MESSAGE_ID, id), evidence);
    }

    /** The targets named after a dependency phrase, up to the sentence's end. */
    private static void targets(String rest, String sentence, Collector out) {
        List<int[]> taken = new ArrayList<>();
        List<Target> found = new ArrayList<>();
        Matcher url = URL.matcher(rest);
        while (url.find()) {
            Target t = messageUrl(url.group());
            if (t != null) found.add(new Target(t.form, t.value, url.start()));
            taken.add(new int[]{url.start(), url.end()});
        }
        Matcher id = BRACKETED_ID.matcher(rest);
        while (id.find()) {
            taken.add(new int[]{id.start(), id.end()});
            if (looksLikeMessageId(id.group(1))) found.add(new Target(Form.MESSAGE_ID, id.group(1), id.start()));
        }
        Matcher change = CHANGE_ID.matcher(rest);
        while (change.find()) {
            if (!inside(taken, change.start())) found.add(new Target(Form.CHANGE_ID, change.group(1), change.start()));
        }
        Matcher title = TITLE.matcher(rest);
        while (title.find()) {
            String t = title.group(1) != null ? title.group(1) : title.group(2);
            if (!inside(taken, title.start())) found.add(new Target(Form.TITLE, t.strip(), title.start()));
        }
        found.sort((a, b) -> Integer.compare(a.at, b.at));
        for (Target t : found) out.add(Kind.PROSE, t, sentence);
    }

    private static boolean inside(List<int[]> spans, int at) {
        for (int[] s : spans) if (at >= s[0] && at < s[1]) return true;
        return false;
    }

    /**
     * A bracketed id in prose is a Message-ID, not a person's address, when its local part holds at least three
     * digits: git, b4 and mail clients put dates, counters or hashes there; people rarely do.
     */
    private static boolean looksLikeMessageId(String id) {
        String local = id.substring(0, id.indexOf('@'));
        int digits = 0;
        for (int i = 0; i < local.length(); i++) if (Character.isDigit(local.charAt(i))) digits++;
        return digits >= 3;
    }

    /** A message URL's target, or null for a URL that names no message. */
    static Target messageUrl(String rawUrl) {
        String url = rawUrl.replaceAll("[.,;:!]+$", "");
        Matcher m = MESSAGE_URL.matcher(url);
        if (m.lookingAt()) {
            String id = decode(m.group(1));
            return id.indexOf('@') > 0 ? new Target(Form.MESSAGE_ID, id) : null;
        }
        Matcher pw = PATCHWORK_URL.matcher(url);
        if (pw.lookingAt()) {
            String id = decode(pw.group(1));
            return id.indexOf('@') > 0 ? new Target(Form.MESSAGE_ID, id) : new Target(Form.URL, url);
        }
        return null;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** The diff begins: the rest is code and its Kconfig or comments say "depends on" for other reasons. */
    private static boolean diffStarts(String[] lines, int i) {
        String l = lines[i];
        return l.startsWith("diff --git ") || l.startsWith("Index: ")
                || (l.startsWith("--- ") && i + 1 < lines.length && lines[i + 1].startsWith("+++ "));
    }

    private static int sentenceStart(String text, int at) {
        int start = 0;
        Matcher m = SENTENCE_END.matcher(text);
        while (m.find() && m.end() <= at) start = m.end();
        return start;
    }

    private static int sentenceEnd(String text, int from) {
        Matcher m = SENTENCE_END.matcher(text);
        return m.find(from) ? m.end() : text.length();
    }

    private static String sentenceAround(String text, int start, int end) {
        return text.substring(sentenceStart(text, start), sentenceEnd(text, end)).strip();
    }

    /** A target and where it was found in the text searched. */
    record Target(Form form, String value, int at) {
        Target(Form form, String value) {
            this(form, value, 0);
        }
    }

    /** The refs so far: one per kind and target, and no mention of a target another ref already names. */
    private static final class Collector {
        final List<DependencyRef> refs = new ArrayList<>();
        final Set<String> keys = new HashSet<>();
        final Set<String> targets = new HashSet<>();

        void add(Kind kind, Target t, String evidence) {
            String target = t.form + " " + t.value;
            if (kind == Kind.MENTION && targets.contains(target)) return;
            if (!keys.add(kind + " " + target)) return;
            targets.add(target);
            refs.add(new DependencyRef(kind, t.form, t.value, evidence.replaceAll("\\s+", " ")));
        }
    }
}
