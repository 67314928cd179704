package org.patchlane.thread;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.patchlane.ingest.Analyzer;
import org.patchlane.mail.Address;
import org.patchlane.source.MailSource;
import org.patchlane.source.RawMessage;
import org.patchlane.source.Sources;

/**
 * Patchlane's side of the b4 comparison: the posts of a thread mbox, the series {@link SeriesFinder} finds, and per
 * patch the trailers {@code b4 am} would write, in one canonical {@code Kind-by: Name <email>} form shared with b4's.
 */
final class SeriesTrailers {
    private static final Pattern NAME_ADDR = Pattern.compile("^(.*?)\\s*<([^<>\\s]+@[^<>\\s]+)>.*$");
    private static final Pattern BARE_ADDR = Pattern.compile("^<?([^<>\\s]+@[^<>\\s]+?)>?(\\s.*)?$");

    private SeriesTrailers() {
    }

    /** The posts of every message of an mbox (mbox, mboxrd or gzip), as ingest would build them. */
    static List<Post> posts(Path mbox) throws IOException {
        List<Post> out = new ArrayList<>();
        try (MailSource source = Sources.open(mbox, k -> null)) {
            for (RawMessage m; (m = source.next()) != null; ) {
                out.add(Analyzer.analyze(m.bytes(), m.envelopeDate(), m.truncated(), "").post());
            }
        }
        return out;
    }

    /** Where a posted patch ended up: its series, version and patch. */
    record Found(Series series, SeriesVersion version, SeriesPatch patch) {
        boolean latest() {
            return series.latest() == version;
        }
    }

    /** The newest version's patch posted under this Message-ID, else the patch in any version; null when none. */
    static Found find(List<Series> all, String messageId) {
        Found any = null;
        for (Series s : all) {
            for (SeriesVersion v : s.versions()) {
                for (SeriesPatch p : v.patches()) {
                    if (!p.postings().contains(messageId) && !p.messageId().equals(messageId)) continue;
                    Found f = new Found(s, v, p);
                    if (f.latest()) return f;
                    any = f;
                }
            }
        }
        return any;
    }

    /**
     * What {@code b4 am} writes for this patch: its own chain, then the follow-ups that name their sender (b4 ≥ 0.12
     * drops the others), carried ones included (b4 carries by patch hash within the thread too). NACKs are left out:
     * b4 applies none.
     */
    static Set<String> b4Would(SeriesPatch patch) {
        Set<String> out = new LinkedHashSet<>();
        for (GivenTrailer t : patch.trailers()) {
            if (t.inPatch() || (t.bySender() && !t.kind().equals("Nacked-by"))) out.add(canonical(t.kind(), t.name(), t.email()));
        }
        return out;
    }

    /** Every follow-up Patchlane keeps on this patch, by its sender or not (what {@code b4 am -S} applies). */
    static Set<String> sloppy(SeriesPatch patch) {
        Set<String> out = new LinkedHashSet<>();
        for (GivenTrailer t : patch.trailers()) {
            if (!t.kind().equals("Nacked-by")) out.add(canonical(t.kind(), t.name(), t.email()));
        }
        return out;
    }

    /** The chain alone (what {@code b4 am -T} writes). */
    static Set<String> chain(SeriesPatch patch) {
        Set<String> out = new LinkedHashSet<>();
        for (GivenTrailer t : patch.trailers()) if (t.inPatch()) out.add(canonical(t.kind(), t.name(), t.email()));
        return out;
    }

    /** {@code Kind-by: value} as b4 writes it → the canonical form. */
    static String canonical(String line) {
        int colon = line.indexOf(':');
        String kind = line.substring(0, colon).strip();
        String value = line.substring(colon + 1).strip();
        Matcher m = NAME_ADDR.matcher(value);
        if (m.matches()) return canonical(kind, unquote(m.group(1)), m.group(2));
        m = BARE_ADDR.matcher(value);
        if (m.matches()) return canonical(kind, "", m.group(1));
        return canonical(kind, value, "");
    }

    static String canonical(String kind, String name, String email) {
        String k = kind.toLowerCase(Locale.ROOT);
        k = Character.toUpperCase(k.charAt(0)) + k.substring(1);
        return k + ": " + new Address(unquote(name), email).display();
    }

    private static String unquote(String name) {
        String n = name.strip();
        if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) n = n.substring(1, n.length() - 1);
        return n.strip();
    }
}
