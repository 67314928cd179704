package org.patchlane.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.patchlane.mail.MailFlag;
import org.patchlane.patch.MessageKind;
import org.patchlane.patch.PatchCheck;
import org.patchlane.review.ReviewState;

/**
 * The index schema, each field declared once with its query prefix (public-inbox's {@code Search.pm} table).
 * A field's Lucene name is its prefix. The index lives in {@code <dataDir>/lucene-v<VERSION>}: a new version is a
 * new directory, filled by {@code reindex} from the stored raw messages.
 */
public final class Schema {
    /**
     * Schema version; bump on any change to fields or analysis.
     * <ul>
     * <li>1: first schema (lore prefixes, trailer people, flags, diff fields, raw stored with BEST_COMPRESSION).</li>
     * <li>2: threading facts per message (link keys, post doc values), {@code check:}, series documents.</li>
     * <li>3: link facts per message: symbols a patch defines, exports and uses ({@code sdef:}, {@code sexp:},
     * {@code suse:}), what a mail says it depends on ({@code dep:}), stored for the link stage.</li>
     * <li>4: a reply's applied/merged notice in its post; series states applied and merged from them.</li>
     * <li>5: series documents carry every title of their versions and patches as a key, for prose naming a series
     * by its quoted title.</li>
     * <li>6: what a search hit shows (Message-ID, subject, sender, kind, list, the own text snippets are cut from) in
     * doc values, so a results page reads no stored fields and parses no mail. Word and path fields
     * without norms (nothing is ranked by relevance); same terms and positions.</li>
     * <li>7: series documents carry their series in a fixed binary layout ({@link SeriesCodec}), not JSON.</li>
     * </ul>
     */
    public static final int VERSION = 7;

    /** How a field is indexed and queried. */
    enum Type {
        /** One exact term (case kept: Message-IDs are case-sensitive). */
        KEYWORD,
        /** One term, lower-cased on both sides. */
        LOWER_KEYWORD,
        /** Words: standard tokenizer, lower-cased. */
        TEXT,
        /** File paths: split on '/' and whitespace, lower-cased. */
        PATH,
        /** Epoch milliseconds: point for ranges, doc values for sorting, stored. */
        DATE,
        /** An int point. */
        INT,
        /** Stored only, not searchable. */
        STORED
    }

    /**
     * One field.
     *
     * @param name the Lucene field name, also the query prefix
     * @param type how it is indexed
     * @param help what the prefix searches, or null for a field with no query prefix
     */
    record Field(String name, Type type, String help) {
        // Written out: a record's own equals and hashCode are bootstrapped through invokedynamic on their first call,
        // method handles spun on every start of a short command, which looks these fields up in maps as it starts.
        @Override
        public boolean equals(Object o) {
            return o instanceof Field f && f.name.equals(name) && f.type == type && Objects.equals(f.help, help);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    /*
     * The closed vocabularies, taken from the enums that write them, so a value the index can never hold is a bad
     * query rather than a silent zero hits.
     */
    private static final List<String> KINDS = Arrays.stream(MessageKind.values()).map(MessageKind::jsonName).toList();
    private static final List<String> FLAGS = Arrays.stream(MailFlag.values()).map(MailFlag::jsonName).toList();
    private static final List<String> CHECKS = List.copyOf(PatchCheck.queryNames());
    private static final List<String> STATES = ReviewState.ofSeries().stream().map(ReviewState::jsonName).toList();

    static final Field UID = new Field("uid", Type.KEYWORD, null);
    static final Field MID = new Field("m", Type.KEYWORD, "Message-ID (angle brackets optional)");
    static final Field SUBJECT = new Field("s", Type.TEXT, "subject");
    static final Field FROM = new Field("f", Type.TEXT, "From: name or address");
    static final Field TO = new Field("t", Type.TEXT, "To: names or addresses");
    static final Field CC = new Field("c", Type.TEXT, "Cc: names or addresses");
    static final Field OWN = new Field("nq", Type.TEXT, "the author's own (unquoted) text, diff attachments included");
    static final Field QUOTED = new Field("q", Type.TEXT, "quoted text");
    static final Field DATE = new Field("d", Type.DATE,
            "date: YYYYMMDD, YYYY-MM-DD, N.days.ago, yesterday, today, last.week; ranges A..B, A.., ..B");
    static final Field FILE = new Field("dfn", Type.PATH, "file name in a diff");
    static final Field PRE = new Field("dfa", Type.TEXT, "removed (pre-image) diff lines");
    static final Field POST = new Field("dfb", Type.TEXT, "added (post-image) diff lines");
    static final Field HUNK = new Field("dfhh", Type.TEXT, "hunk header context");
    static final Field PATCH_ID = new Field("patchid", Type.LOWER_KEYWORD, "git patch-id of the diff");
    static final Field KIND = new Field("kind", Type.LOWER_KEYWORD, orList(KINDS));
    static final Field VERSION_NO = new Field("v", Type.INT, "series version from the subject (1 when none)");
    static final Field LIST = new Field("list", Type.LOWER_KEYWORD, "list name");
    static final Field SOB = new Field("sob", Type.TEXT, "Signed-off-by people");
    static final Field ACK = new Field("ack", Type.TEXT, "Acked-by people (unquoted, in this message)");
    static final Field RB = new Field("rb", Type.TEXT, "Reviewed-by people (unquoted, in this message)");
    static final Field TB = new Field("tb", Type.TEXT, "Tested-by people (unquoted, in this message)");
    static final Field NAK = new Field("nak", Type.TEXT, "Nacked-by people or a bare NAK's sender");
    static final Field FLAG = new Field("flag", Type.LOWER_KEYWORD, String.join(", ", FLAGS));
    static final Field IRT = new Field("irt", Type.KEYWORD, "In-Reply-To Message-ID");
    static final Field REF = new Field("ref", Type.KEYWORD, "a Message-ID in References");
    static final Field CHANGE_ID = new Field("changeid", Type.KEYWORD, "b4 change-id");
    static final Field BASE = new Field("basecommit", Type.LOWER_KEYWORD, "base-commit marker");
    static final Field CHECK = new Field("check", Type.LOWER_KEYWORD, "a patch's failed check: " + checkFamilies());
    static final Field SERIES_ID = new Field("series", Type.KEYWORD, "series id (series documents)");
    static final Field STATE = new Field("state", Type.LOWER_KEYWORD,
            "series state: " + String.join(", ", STATES) + " (series documents)");
    static final Field DEFINES = new Field("sdef", Type.KEYWORD,
            "a symbol a patch adds as API (declared on an added header line, or exported)");
    static final Field EXPORTS = new Field("sexp", Type.KEYWORD, "a symbol an added EXPORT_SYMBOL line exports");
    static final Field USES = new Field("suse", Type.KEYWORD, "a symbol the added code of a patch uses");
    static final Field DEPENDS = new Field("dep", Type.KEYWORD,
            "a Message-ID, change-id or patch-id a mail says it depends on (markers, Depends-on:, prose, links)");
    /** A message's link facts (symbols, dependencies, parents), encoded by {@link LinkFactsCodec}, as binary doc values. */
    static final Field LINK_FACTS = new Field("lf", Type.STORED, null);
    /** {@link org.patchlane.thread.LinkKeys} keys of a message: how threading finds its relatives. */
    static final Field LINK = new Field("lk", Type.KEYWORD, null);
    /** "series" on series documents; absent on messages. */
    static final Field DOC_TYPE = new Field("doc", Type.KEYWORD, null);
    /** Every Message-ID a series document covers: what replaces it when one of them is recomputed. */
    static final Field MEMBER = new Field("sm", Type.KEYWORD, null);
    /** The titles of a series document's versions and patches, as {@link org.patchlane.patch.DependencyRef#titleKey}. */
    static final Field TITLE_KEY = new Field("stk", Type.KEYWORD, null);
    /** A message's {@link org.patchlane.thread.Post}, encoded, as binary doc values. */
    static final Field FACTS = new Field("post", Type.STORED, null);
    /** A series document's {@link org.patchlane.thread.Series}, encoded, as binary doc values. */
    static final Field SERIES_BODY = new Field("sj", Type.STORED, null);
    /** A message's {@link HitSource}, encoded by {@link HitCodec}, as binary doc values: what search hits read. */
    static final Field HIT = new Field("hit", Type.STORED, null);
    static final Field RAW = new Field("raw", Type.STORED, null);
    static final Field ENVELOPE = new Field("ed", Type.STORED, null);
    static final Field TRUNCATED = new Field("tr", Type.STORED, null);
    static final Field FROM_NAME = new Field("fn", Type.STORED, null);
    static final Field FROM_EMAIL = new Field("fe", Type.STORED, null);

    static final List<Field> FIELDS = List.of(UID, MID, SUBJECT, FROM, TO, CC, OWN, QUOTED, DATE, FILE, PRE,
            POST, HUNK, PATCH_ID, KIND, VERSION_NO, LIST, SOB, ACK, RB, TB, NAK, FLAG, IRT, REF, CHANGE_ID, BASE, CHECK,
            SERIES_ID, STATE, DEFINES, EXPORTS, USES, DEPENDS, LINK_FACTS, LINK, DOC_TYPE, MEMBER, TITLE_KEY, FACTS, SERIES_BODY,
            HIT, RAW, ENVELOPE, TRUNCATED, FROM_NAME, FROM_EMAIL);

    /** Prefixes that search several fields; {@code ""} is what bare words search. */
    /*
     * The body is indexed once, split into own and quoted text: "b" searches both rather than a third copy of the
     * same words (indexing it separately cost about a third of ingest time).
     */
    static final Map<String, List<Field>> ALIASES = Map.of(
            "", List.of(SUBJECT, OWN, QUOTED),
            "b", List.of(OWN, QUOTED),
            "bs", List.of(SUBJECT, OWN, QUOTED),
            "tc", List.of(TO, CC),
            "a", List.of(FROM, TO, CC),
            "dt", List.of(DATE));

    private static final Map<String, String> ALIAS_HELP = Map.of(
            "b", "the whole body, quotes and diff attachments included", "bs", "subject or body", "tc", "To: or Cc:", "a", "any address (From:, To:, Cc:)",
            "dt", "date, as d: (YYYYMMDDHHMMSS accepted)");

    private static final Map<Field, List<String>> VOCABULARIES = Map.of(KIND, KINDS, FLAG, FLAGS, CHECK, CHECKS,
            STATE, STATES);

    private static final Map<String, Field> BY_NAME;

    static {
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field f : FIELDS) {
            if (byName.put(f.name(), f) != null) throw new ExceptionInInitializerError("field twice: " + f.name());
        }
        BY_NAME = Map.copyOf(byName);
    }

    private static final Analyzer ANALYZER = buildAnalyzer();

    private Schema() {
    }

    /** Every query prefix with what it searches, in table order, for usage texts. */
    public static Map<String, String> prefixes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Field f : FIELDS) {
            if (f.help() != null) out.put(f.name(), f.help());
        }
        ALIAS_HELP.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The index directory of this schema version inside a data directory. */
    public static Path indexDir(Path dataDir) {
        return dataDir.resolve("lucene-v" + VERSION);
    }

    /** The newest older schema version with an index in a data directory (what {@code reindex} upgrades), or 0. */
    public static int olderVersionIn(Path dataDir) {
        for (int v = VERSION - 1; v >= 1; v--) {
            if (java.nio.file.Files.isDirectory(dataDir.resolve("lucene-v" + v))) return v;
        }
        return 0;
    }

    /** The field that indexes the people of a trailer kind ({@code Acked-by} → {@code ack:}), or null. */
    static Field trailerField(String kind) {
        return switch (kind.toLowerCase(java.util.Locale.ROOT)) {
            case "signed-off-by" -> SOB;
            case "acked-by" -> ACK;
            case "reviewed-by" -> RB;
            case "tested-by" -> TB;
            case "nacked-by" -> NAK;
            default -> null;
        };
    }

    /** The fields a query prefix searches, or null when the prefix is unknown or internal. */
    static List<Field> resolve(String prefix) {
        List<Field> alias = ALIASES.get(prefix);
        if (alias != null) return alias;
        Field f = BY_NAME.get(prefix);
        return f == null || f.help() == null ? null : List.of(f);
    }

    /** Every value a field of a closed vocabulary ({@code kind:}, {@code flag:}, ...) can hold, or null. */
    static List<String> vocabulary(Field f) {
        return VOCABULARIES.get(f);
    }

    /** "a, b or c". */
    private static String orList(List<String> values) {
        int last = values.size() - 1;
        return last == 0 ? values.get(0) : String.join(", ", values.subList(0, last)) + " or " + values.get(last);
    }

    /** "signoff (signoff-author, ...), fixes": each family with its checks when it has more than one. */
    private static String checkFamilies() {
        Map<String, List<String>> byFamily = new LinkedHashMap<>();
        for (PatchCheck c : PatchCheck.values()) {
            byFamily.computeIfAbsent(c.family(), k -> new ArrayList<>()).add(c.id());
        }
        List<String> out = new ArrayList<>();
        byFamily.forEach((family, ids) -> out.add(ids.equals(List.of(family)) ? family
                : family + " (" + String.join(", ", ids) + ")"));
        return String.join(", ", out);
    }

    /** True for fields whose words may be highlighted in body text. */
    static boolean highlightable(String name) {
        Field f = BY_NAME.get(name);
        return f != null && (f.type() == Type.TEXT || f.type() == Type.PATH);
    }

    /** The per-field analyzer, for indexing, query parsing and highlighting alike. Thread-safe. */
    static Analyzer analyzer() {
        return ANALYZER;
    }

    private static Analyzer buildAnalyzer() {
        Map<String, Analyzer> perField = new LinkedHashMap<>();
        Analyzer text = new TextAnalyzer();
        Analyzer path = new PathAnalyzer();
        Analyzer lower = new LowerKeywordAnalyzer();
        for (Field f : FIELDS) {
            switch (f.type()) {
                case TEXT -> perField.put(f.name(), text);
                case PATH -> perField.put(f.name(), path);
                case LOWER_KEYWORD -> perField.put(f.name(), lower);
                default -> perField.put(f.name(), new KeywordAnalyzer());
            }
        }
        return new PerFieldAnalyzerWrapper(text, perField);
    }
}
