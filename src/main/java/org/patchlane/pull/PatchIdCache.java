package org.patchlane.pull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.patchlane.git.ChangedPaths;
import org.patchlane.git.DiffTexts;
import org.patchlane.git.Repo;
import org.patchlane.patch.PatchId;
import org.patchlane.store.Work;

/**
 * What merged detection learnt of each upstream commit, kept across runs in {@code DATA/merged/patch-ids.tsv}: its
 * git patch-id ({@code commit TAB id}, or {@code commit TAB -} for a commit without a diff), or, for a commit that
 * changed no open patch's files when it was looked at, only the files it changes ({@code commit TAB paths TAB +path
 * ... TAB -path ...}: {@code +} changed, {@code -} deleted; {@code %}, tab and line ends written as {@code %XX}). A
 * commit never changes; its tree diff is cheap, its content diff is most of what merged detection costs, so each
 * commit's tree is diffed once in the data directory's life and its content only when some open patch has its
 * files (then the id replaces the paths). Files written before paths were kept hold ids only, and read as such.
 */
public final class PatchIdCache {
    private static final Pattern ID_LINE = Pattern.compile("[0-9a-f]{40}\t([0-9a-f]{40}|-)");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{40}");
    private static final String NONE = "-";
    /** Commits per unit of work: a thread diffs neighbours, whose trees it mostly has read already. */
    private static final int CHUNK = 64;

    private final Path file;
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, ChangedPaths> paths = new HashMap<>();
    private int computed;
    private int pathsComputed;

    private PatchIdCache(Path file) {
        this.file = file;
    }

    /**
     * The cache of a data directory, read now. A damaged line is skipped (it is only recomputed): one that is not
     * UTF-8, and a last one without its line end, which a truncated file ends with and whose paths may be cut short.
     */
    public static PatchIdCache open(Path dataDir) throws IOException {
        PatchIdCache c = new PatchIdCache(dataDir.resolve("merged").resolve("patch-ids.tsv"));
        if (Files.exists(c.file)) c.readLines(Files.readAllBytes(c.file));
        return c;
    }

    private void readLines(byte[] bytes) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
        for (int start = 0, end; start < bytes.length; start = end + 1) {
            end = start;
            while (end < bytes.length && bytes[end] != '\n') end++;
            if (end == bytes.length) return; // no line end: cut short
            try {
                read(utf8.decode(ByteBuffer.wrap(bytes, start, end - start)).toString());
            } catch (CharacterCodingException e) {
                // damaged: skipped
            }
        }
    }

    /** A cache in memory only (tests, benchmarks of the first run). */
    public static PatchIdCache inMemory() {
        return new PatchIdCache(null);
    }

    private void read(String line) {
        if (ID_LINE.matcher(line).matches()) {
            ids.put(line.substring(0, 40), line.substring(41));
        } else if (line.startsWith("\tpaths", 40)) {
            // fields split by hand: a regex repeating a group per path overflows the stack on a commit of many files
            String[] f = line.split("\t", -1);
            if (!HEX.matcher(f[0]).matches() || !f[1].equals("paths")) return;
            List<String> changed = new ArrayList<>(), deleted = new ArrayList<>();
            for (int i = 2; i < f.length; i++) {
                if (f[i].length() < 2 || f[i].charAt(0) != '+' && f[i].charAt(0) != '-') return; // damaged
                (f[i].charAt(0) == '+' ? changed : deleted).add(unescape(f[i].substring(1)));
            }
            paths.put(f[0], new ChangedPaths(changed, deleted));
        }
    }

    /**
     * The patch-ids of those of {@code commits} (no merges) that have one and may matter: every commit whose id is
     * known, and every other whose changed files pass {@code wanted} (the open patches' files), diffed now. The
     * others' files are only remembered. The diffs are spread over the machine's cores, each with its own reader.
     *
     * @return commit → patch-id, for the commits that have one among those diffed or known
     */
    public Map<String, String> patchIds(Repo repo, List<String> commits, Predicate<ChangedPaths> wanted)
            throws IOException {
        Map<String, String> out = new HashMap<>();
        List<String> todo = new ArrayList<>();
        for (String c : commits) {
            String id = ids.get(c);
            if (id != null) {
                if (!id.equals(NONE)) out.put(c, id);
            } else {
                ChangedPaths p = paths.get(c);
                if (p == null || wanted.test(p)) todo.add(c);
            }
        }
        if (todo.isEmpty()) return out;
        Batch batch = new Batch(todo, wanted);
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), (todo.size() + CHUNK - 1) / CHUNK);
        if (threads <= 1) {
            batch.work(repo);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++)
                    workers.add(pool.submit(() -> {
                        batch.work(repo);
                        return null;
                    }));
                for (Future<?> w : workers) w.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while diffing upstream commits", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) throw io;
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw new IllegalStateException(e.getCause());
            } finally {
                batch.stop = true;
                Work.finish(pool); // and none reads the repository once this call is over
            }
        }
        for (int i = 0; i < todo.size(); i++) {
            String c = todo.get(i);
            if (batch.found[i] != null) {
                ids.put(c, batch.found[i]);
                paths.remove(c);
                if (!batch.found[i].equals(NONE)) out.put(c, batch.found[i]);
            }
            if (batch.seen[i] != null) paths.put(c, batch.seen[i]);
        }
        pathsComputed += batch.read.get();
        computed += batch.diffed.get();
        return out;
    }

    /**
     * One call's commits to look at, shared by its workers: each takes chunks until none is left and leaves, for each
     * commit, either its patch-id (in {@code found}, {@code -} for none) or, when its files rule every open patch out,
     * its files (in {@code seen}). The cache's maps are only read while workers run.
     */
    private final class Batch {
        final List<String> todo;
        final Predicate<ChangedPaths> wanted;
        final String[] found;
        final ChangedPaths[] seen;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger read = new AtomicInteger();
        final AtomicInteger diffed = new AtomicInteger();
        /** Set once a worker failed (or the caller stopped waiting): the others take no more commits. */
        volatile boolean stop;

        Batch(List<String> todo, Predicate<ChangedPaths> wanted) {
            this.todo = todo;
            this.wanted = wanted;
            this.found = new String[todo.size()];
            this.seen = new ChangedPaths[todo.size()];
        }

        void work(Repo repo) throws IOException {
            try (DiffTexts diffs = new DiffTexts(repo)) {
                for (int start = next.getAndAdd(CHUNK); start < todo.size(); start = next.getAndAdd(CHUNK))
                    for (int i = start; i < Math.min(todo.size(), start + CHUNK); i++) {
                        if (stop) return;
                        look(diffs, i);
                    }
            } catch (IOException | RuntimeException | Error e) {
                stop = true; // the other workers leave at their next commit
                throw e;
            }
        }

        private void look(DiffTexts diffs, int i) throws IOException {
            String c = todo.get(i);
            ChangedPaths p = paths.get(c);
            if (p == null) {
                p = diffs.paths(c);
                read.incrementAndGet();
                if (p == null || p.isEmpty()) { // a merge, or a commit without a diff
                    found[i] = NONE;
                    return;
                }
                if (!wanted.test(p)) {
                    seen[i] = p;
                    return;
                }
            }
            String id = PatchId.compute(diffs.of(c));
            diffed.incrementAndGet();
            found[i] = id == null ? NONE : id;
        }
    }

    /** How many commits this run had to diff (content, for their patch-id). */
    public int computed() {
        return computed;
    }

    /** How many commits this run had to read the changed files of (trees only). */
    public int pathsComputed() {
        return pathsComputed;
    }

    /** Writes the cache back (atomically) when this run added to it. */
    public void save() throws IOException {
        if (file == null || computed == 0 && pathsComputed == 0) return; // nothing new (an empty commit is read)
        StringBuilder b = new StringBuilder(ids.size() * 82 + paths.size() * 100);
        ids.forEach((c, p) -> b.append(c).append('\t').append(p).append('\n'));
        paths.forEach((c, p) -> {
            b.append(c).append("\tpaths");
            for (String f : p.changed()) b.append("\t+").append(escape(f));
            for (String f : p.deleted()) b.append("\t-").append(escape(f));
            b.append('\n');
        });
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "patch-ids", ".tmp");
        try {
            Files.writeString(tmp, b, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A path as one field of a line: git paths may hold any byte but NUL, tabs and line ends included. */
    static String escape(String path) {
        if (path.indexOf('%') < 0 && path.indexOf('\t') < 0 && path.indexOf('\n') < 0 && path.indexOf('\r') < 0)
            return path;
        StringBuilder b = new StringBuilder(path.length() + 8);
        for (char ch : path.toCharArray()) {
            switch (ch) {
                case '%' -> b.append("%25");
                case '\t' -> b.append("%09");
                case '\n' -> b.append("%0A");
                case '\r' -> b.append("%0D");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /** The inverse of {@link #escape}; a {@code %} not followed by two hex digits stays as it is. */
    static String unescape(String field) {
        if (field.indexOf('%') < 0) return field;
        StringBuilder b = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char ch = field.charAt(i);
            if (ch == '%' && i + 2 < field.length()) {
                int hi = Character.digit(field.charAt(i + 1), 16), lo = Character.digit(field.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    b.append((char) (hi * 16 + lo));
                    i += 2;
                    continue;
                }
            }
            b.append(ch);
        }
        return b.toString();
    }
}
