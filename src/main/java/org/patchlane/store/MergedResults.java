package org.patchlane.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.patchlane.review.ReviewState;
import org.patchlane.review.Upstream;

/**
 * Merged detection's findings, {@code DATA/merged/series.tsv}: derived from a repository, not from mail (so not in
 * the index, where {@code reindex} would drop them) and not from a person (so not in the decisions repository,
 * whose history is the maintainers' own). Each run replaces the file atomically (a new file renamed over the old);
 * readers re-read it whenever its identity, size or time changed, so a running server sees a run's findings at once.
 *
 * <p>Format, one line per record, tab-separated: {@code series ID VERSION STATE REPO CHECKED}, then one
 * {@code patch INDEX MATCH COMMIT,COMMIT RELEASE|- TITLE} line per patch of that version.
 */
public final class MergedResults {
    private final Path file;
    private Object stamp;
    private Map<String, Upstream> cached = Map.of();

    private MergedResults(Path file) {
        this.file = file;
    }

    /** The findings of a data directory (none until the first run). */
    public static MergedResults of(Path dataDir) {
        return new MergedResults(dataDir.resolve("merged").resolve("series.tsv"));
    }

    public Path file() {
        return file;
    }

    /** Every finding by series id, as the last run wrote them. */
    public synchronized Map<String, Upstream> all() throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            stamp = null;
            cached = Map.of();
            return cached;
        }
        Object now = List.of(Objects.toString(a.fileKey()), a.size(), a.lastModifiedTime().toMillis());
        if (!now.equals(stamp)) {
            cached = parse(Files.readString(file, StandardCharsets.UTF_8));
            stamp = now;
        }
        return cached;
    }

    /** A series' finding, counted only while the version it was made on is the series' latest. */
    public Upstream current(String seriesId, String latestLabel) throws IOException {
        Upstream u = all().get(seriesId);
        return u != null && u.version().equals(latestLabel) ? u : null;
    }

    /** Replaces every finding with {@code findings}, atomically. */
    public synchronized void write(Collection<Upstream> findings) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "series", ".tmp");
        try {
            Files.writeString(tmp, format(findings), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String format(Collection<Upstream> findings) {
        StringBuilder b = new StringBuilder();
        for (Upstream u : findings) {
            b.append(String.join("\t", "series", u.seriesId(), clean(u.version()), u.state().jsonName(),
                    clean(u.repository()), u.checked().toString())).append('\n');
            for (Upstream.Patch p : u.patches())
                b.append(String.join("\t", "patch", Integer.toString(p.index()), p.match().jsonName(),
                        p.commits().isEmpty() ? "-" : String.join(",", p.commits()),
                        p.release() == null ? "-" : clean(p.release()), clean(p.title() == null ? "" : p.title())))
                        .append('\n');
        }
        return b.toString();
    }

    /** Reads the file; a line it cannot understand (a newer format, a truncated copy) is skipped, not fatal. */
    static Map<String, Upstream> parse(String text) {
        Map<String, Upstream> out = new LinkedHashMap<>();
        String[] head = null;
        List<Upstream.Patch> patches = new ArrayList<>();
        for (String line : (text + "\nseries").split("\n")) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("series")) {
                if (head != null) {
                    Upstream u = upstream(head, patches);
                    if (u != null) out.put(u.seriesId(), u);
                }
                head = f.length == 6 ? f : null;
                patches = new ArrayList<>();
            } else if (f[0].equals("patch") && f.length == 6 && head != null) {
                var match = Upstream.Match.of(f[2]);
                if (match.isEmpty() || !f[1].matches("[0-9]{1,5}")) continue;
                patches.add(new Upstream.Patch(Integer.parseInt(f[1]), f[5], match.get(),
                        f[3].equals("-") ? List.of() : Arrays.asList(f[3].split(",")), f[4].equals("-") ? null : f[4]));
            }
        }
        return Map.copyOf(out);
    }

    private static Upstream upstream(String[] f, List<Upstream.Patch> patches) {
        var state = ReviewState.of(f[3]).filter(s -> s == ReviewState.MERGED || s == ReviewState.PARTLY_MERGED);
        if (state.isEmpty()) return null;
        try {
            return new Upstream(f[1], f[2], state.get(), f[4], Instant.parse(f[5]), patches);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
