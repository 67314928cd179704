package org.patchlane.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.patchlane.ingest.Analyzer;
import org.patchlane.patch.Interdiff;
import org.patchlane.patch.Interdiffs;
import org.patchlane.store.Searcher;
import org.patchlane.store.StoredRecord;
import org.patchlane.thread.PatchPair;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * {@code interdiff SERIES --json} and {@code /api/series/{id}/interdiff}: what changed in each patch from one
 * version of a series to another, computed from the two patches' diffs (no git tree).
 *
 * @param series  the series id
 * @param from    the older version's label
 * @param to      the newer version's label
 * @param paired  how many patches are in both versions (0: nothing in common)
 * @param patches each patch of {@code to} (or only the one asked for), then those {@code to} dropped
 */
public record InterdiffJson(String series, String from, String to, int paired, List<PatchJson> patches) {
    public InterdiffJson {
        patches = List.copyOf(patches);
    }

    /** A patch of one version: k/N, its message and title. */
    public record PatchRef(int index, int total, String messageId, String title) {
        static PatchRef of(SeriesPatch p) {
            return p == null ? null : new PatchRef(p.index(), p.total(), p.messageId(), p.title());
        }
    }

    /**
     * One pair of patches.
     *
     * @param pairing {@code title}, {@code position} (retitled), {@code added} or {@code dropped}
     * @param scope   where they differ: {@code none}, {@code message} (the commit message only), {@code code},
     *                {@code both}; {@code unknown} when a patch's mail is not in the archive
     * @param message the commit message's changes
     * @param files   each file's changes
     * @param missing the Message-ID of a patch the archive has no copy of (nothing is compared then), else null
     */
    public record PatchJson(PatchRef from, PatchRef to, String pairing, String scope, List<RegionJson> message,
                            List<FileJson> files, String missing) {
    }

    /**
     * @param change {@code unchanged}, {@code changed}, {@code added}, {@code dropped}
     * @param method {@code post-image}, {@code diff-text} or {@code binary} (see {@link Interdiff.Method})
     */
    public record FileJson(String path, String change, String method, String note, List<RegionJson> hunks) {
    }

    /** A hunk; each line starts with {@code ' '} (both), {@code '+'} (newer only) or {@code '-'} (older only). */
    public record RegionJson(int fromLine, int fromCount, int toLine, int toCount, List<String> lines) {
        static RegionJson of(Interdiff.Region r) {
            return new RegionJson(r.fromLine(), r.fromCount(), r.toLine(), r.toCount(),
                    r.lines().stream().map(l -> prefix(l.kind()) + l.text()).toList());
        }
    }

    /** A version or patch the request names that the series does not have, or a series with one version. */
    public static final class NotFound extends Exception {
        private final boolean badInput;

        NotFound(String message, boolean badInput) {
            super(message);
            this.badInput = badInput;
        }

        /** The request named something that does not exist (rather than: the series has nothing to compare). */
        public boolean badInput() {
            return badInput;
        }
    }

    /** The text of a patch mail: its own text, then its diff attachments; null when the archive has no copy. */
    @FunctionalInterface
    public interface MailTexts {
        String text(String messageId) throws IOException;

        static MailTexts of(Searcher searcher) {
            return id -> {
                List<StoredRecord> stored = searcher.get(id);
                return stored.isEmpty() ? null : Analyzer.patchText(stored.get(0));
            };
        }
    }

    /**
     * The interdiff of {@code from} to {@code to} (labels; null: the latest, and the version before {@code to}),
     * of every patch or only patch {@code patch} of {@code to} (null: all; a dropped patch by its older index).
     */
    public static InterdiffJson of(Series s, String from, String to, Integer patch, MailTexts texts)
            throws IOException, NotFound {
        if (s.versions().size() < 2 && (from == null || to == null)) {
            throw new NotFound("series " + s.id() + " has one version (v" + s.latest().label() + "): nothing to compare", false);
        }
        SeriesVersion newer = to == null ? s.latest() : version(s, to);
        SeriesVersion older = from == null ? before(s, newer) : version(s, from);
        List<PatchPair> pairs = PatchPair.of(older, newer);
        if (patch != null) {
            pairs = pairs.stream().filter(p -> p.to() != null ? p.to().index() == patch : p.from().index() == patch).toList();
            if (pairs.isEmpty()) {
                throw new NotFound("no patch " + patch + " in v" + newer.label() + " or v" + older.label() + " of series " + s.id(), true);
            }
        }
        List<PatchJson> out = new ArrayList<>();
        int paired = 0;
        for (PatchPair p : pairs) {
            if (p.from() != null && p.to() != null) paired++;
            String a = p.from() == null ? "" : texts.text(p.from().messageId());
            String b = p.to() == null ? "" : texts.text(p.to().messageId());
            String pairing = p.by().name().toLowerCase(Locale.ROOT);
            if (a == null || b == null) {
                String missing = (a == null ? p.from() : p.to()).messageId();
                out.add(new PatchJson(PatchRef.of(p.from()), PatchRef.of(p.to()), pairing, "unknown", List.of(), List.of(), missing));
                continue;
            }
            Interdiff d = Interdiffs.between(a, b);
            out.add(new PatchJson(PatchRef.of(p.from()), PatchRef.of(p.to()), pairing, d.scope().name().toLowerCase(Locale.ROOT),
                    d.message().stream().map(RegionJson::of).toList(), d.files().stream().map(InterdiffJson::file).toList(), null));
        }
        return new InterdiffJson(s.id(), older.label(), newer.label(), paired, out);
    }

    private static FileJson file(Interdiff.FileChange f) {
        return new FileJson(f.path(), f.change().name().toLowerCase(Locale.ROOT),
                f.method().name().toLowerCase(Locale.ROOT).replace('_', '-'), f.note(),
                f.hunks().stream().map(RegionJson::of).toList());
    }

    private static SeriesVersion version(Series s, String label) throws NotFound {
        String l = label.startsWith("v") ? label.substring(1) : label;
        return s.versions().stream().filter(v -> v.label().equals(l)).findFirst().orElseThrow(() -> new NotFound(
                "no version v" + l + " of series " + s.id() + " (versions: " + String.join(", ",
                        s.versions().stream().map(v -> "v" + v.label()).toList()) + ")", true));
    }

    private static SeriesVersion before(Series s, SeriesVersion v) throws NotFound {
        int i = s.versions().indexOf(v);
        if (i <= 0) throw new NotFound("v" + v.label() + " is the first version of series " + s.id() + ": nothing before it", true);
        return s.versions().get(i - 1);
    }

    static String prefix(Interdiff.LineKind kind) {
        return switch (kind) {
            case CONTEXT -> " ";
            case ADDED -> "+";
            case REMOVED -> "-";
        };
    }
}
