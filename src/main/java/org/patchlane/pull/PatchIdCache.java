package org.patchlane.pull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.patchlane.git.DiffTexts;
import org.patchlane.git.Repo;
import org.patchlane.patch.PatchId;

/**
 * Each upstream commit's git patch-id, kept across runs in {@code DATA/merged/patch-ids.tsv} (commit, tab,
 * patch-id or {@code -} for a commit without a diff): a commit never changes, and diffing it is most of what merged
 * detection costs, so each commit is diffed once in the data directory's life.
 */
public final class PatchIdCache {
    private static final Pattern LINE = Pattern.compile("[0-9a-f]{40}\t([0-9a-f]{40}|-)");
    private final Path file;
    private final Map<String, String> ids = new HashMap<>();
    private int computed;

    private PatchIdCache(Path file) {
        this.file = file;
    }

    /** The cache of a data directory, read now (a damaged line is skipped: it is only recomputed). */
    public static PatchIdCache open(Path dataDir) throws IOException {
        PatchIdCache c = new PatchIdCache(dataDir.resolve("merged").resolve("patch-ids.tsv"));
        if (Files.exists(c.file))
            for (String line : Files.readAllLines(c.file, StandardCharsets.UTF_8))
                if (LINE.matcher(line).matches()) c.ids.put(line.substring(0, 40), line.substring(41));
        return c;
    }

    /** A cache in memory only (tests, benchmarks of the first run). */
    public static PatchIdCache inMemory() {
        return new PatchIdCache(null);
    }

    /** The patch-id of a commit's diff against its first parent; null for a merge or a commit without a diff. */
    public String of(Repo repo, String commit) throws IOException {
        try (DiffTexts diffs = new DiffTexts(repo)) {
            return of(diffs, commit);
        }
    }

    /** As {@link #of(Repo, String)}, diffing through {@code diffs} (one formatter for a whole run). */
    public String of(DiffTexts diffs, String commit) throws IOException {
        String id = ids.get(commit);
        if (id == null) {
            String p = PatchId.compute(diffs.of(commit));
            id = p == null ? "-" : p;
            ids.put(commit, id);
            computed++;
        }
        return id.equals("-") ? null : id;
    }

    /** How many commits this run had to diff. */
    public int computed() {
        return computed;
    }

    /** Writes the cache back (atomically) when this run added to it. */
    public void save() throws IOException {
        if (file == null || computed == 0) return;
        StringBuilder b = new StringBuilder(ids.size() * 82);
        ids.forEach((c, p) -> b.append(c).append('\t').append(p).append('\n'));
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "patch-ids", ".tmp");
        try {
            Files.writeString(tmp, b, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
