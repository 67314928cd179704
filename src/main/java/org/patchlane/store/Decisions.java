package org.patchlane.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.patchlane.git.FileLog;
import org.patchlane.mail.Address;
import org.patchlane.patch.Trailers;
import org.patchlane.review.Decision;
import org.patchlane.review.ReviewState;
import org.patchlane.review.Standing;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesVersion;

/**
 * The maintainers' decisions, the one kind of data not derived from mail, kept in the git repository
 * {@code DATA/decisions} (bare; {@code git clone DATA/decisions} is a backup). One file per series, named by the
 * series id, holding its current decision as a few {@code key: value} lines and the note after a blank line; each
 * decision is one commit (author: the maintainer; message: the action and the note). The index never holds them, so
 * {@code reindex} cannot lose them and a server reading the index beside an {@code ingest} sees a decision the
 * moment it is committed: {@link #effective} and {@link #latestAll} re-read when the branch moves.
 */
public final class Decisions implements Closeable {
    private static final Pattern SERIES_ID = Pattern.compile("[0-9a-f]{6,64}");

    private final Path dir;
    private final MergedResults merged;
    private FileLog log;
    private String cachedHead;
    private Map<String, Decision> cached = Map.of();

    private Decisions(Path dir, MergedResults merged) {
        this.dir = dir;
        this.merged = merged;
    }

    /**
     * The decisions of a data directory, with merged detection's findings beside them (both outside the index, both
     * part of a series' state); the repository is created by the first {@link #record}.
     */
    public static Decisions of(Path dataDir) {
        return new Decisions(dataDir.resolve("decisions"), MergedResults.of(dataDir));
    }

    /** Merged detection's findings, which {@link #effective} adds to the decisions. */
    public MergedResults merged() {
        return merged;
    }

    /** The repository's directory. */
    public Path directory() {
        return dir;
    }

    /**
     * Records a maintainer's state decision on a series' latest version.
     *
     * @param from the series' effective state before it
     */
    public synchronized Decision record(Series series, ReviewState from, ReviewState to, String note, Address by,
                                        Instant at) throws IOException {
        String id = series.id();
        if (!SERIES_ID.matcher(id).matches()) throw new IllegalArgumentException("not a series id: " + id);
        String version = series.latest().label();
        String clean = note == null ? "" : note.strip().replace("\r\n", "\n");
        at = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Decision d = new Decision(at.toEpochMilli(), by.name(), by.email(), "state: " + to.jsonName(), from, to,
                version, clean);
        String message = d.action() + (clean.isEmpty() ? "" : "\n\n" + clean);
        open(true).write(id, format(d, id), by.name(), by.email(), at, message);
        return d;
    }

    /** A series' decisions, newest first. */
    public synchronized List<Decision> history(String seriesId) throws IOException {
        List<Decision> out = new ArrayList<>();
        FileLog l = open(false);
        // a series nobody decided has no file: no walk of the whole history for it (a series list asks per row)
        if (l == null || !latestAll().containsKey(seriesId)) return out;
        for (FileLog.Revision r : l.log(seriesId)) {
            Decision d = parse(r.content(), r.at(), r.name(), r.email(), r.message().lines().findFirst().orElse(""));
            if (d != null) out.add(d);
        }
        return out;
    }

    /** The latest decision of every decided series, by series id; re-read only when the branch moved. */
    public synchronized Map<String, Decision> latestAll() throws IOException {
        FileLog l = open(false);
        if (l == null) return Map.of();
        String head = l.head();
        if (head != null && !head.equals(cachedHead)) {
            Map<String, Decision> all = new HashMap<>();
            for (Map.Entry<String, String> e : l.readAll().entrySet()) {
                Decision d = parse(e.getValue(), -1, null, null, null);
                if (d != null) all.put(e.getKey(), d);
            }
            cached = Map.copyOf(all);
            cachedHead = head;
        }
        return cached;
    }

    /** The series' latest decision, if any. */
    public Optional<Decision> latest(String seriesId) throws IOException {
        return Optional.ofNullable(latestAll().get(seriesId));
    }

    /**
     * The series' state: its mail's, combined with its latest decision ({@link ReviewState#effective}) and what
     * merged detection found upstream for its latest version ({@link ReviewState#withUpstream}).
     */
    public ReviewState effective(Series s) throws IOException {
        return effective(s, latestAll().get(s.id()), merged.current(s.id(), s.latest().label()));
    }

    /** Mail and decisions only, without merged detection: what detection itself asks ("is it still open?"). */
    public ReviewState decided(Series s) throws IOException {
        return effective(s, latestAll().get(s.id()), null);
    }

    /** The series' effective state, its decisions, newest first, and its upstream finding. */
    public Standing standing(Series s) throws IOException {
        return new Standing(effective(s), history(s.id()), merged.current(s.id(), s.latest().label()));
    }

    static ReviewState effective(Series s, Decision d, org.patchlane.review.Upstream upstream) {
        SeriesVersion v = s.latest();
        ReviewState mail = ReviewState.of(v.state()).orElse(ReviewState.NEW);
        ReviewState state = ReviewState.effective(mail, v.stateSince(), v.label(), d);
        boolean current = upstream != null && upstream.version().equals(v.label());
        return ReviewState.withUpstream(state, current ? upstream.state() : null);
    }

    /** The file of a series: its current decision. Time and person are in it too, so the file alone is enough. */
    static String format(Decision d, String seriesId) {
        StringBuilder sb = new StringBuilder();
        sb.append("series: ").append(seriesId).append('\n');
        sb.append("state: ").append(d.to().jsonName()).append('\n');
        sb.append("from: ").append(d.from() == null ? "" : d.from().jsonName()).append('\n');
        sb.append("version: ").append(d.version()).append('\n');
        // "<email>" for a maintainer without a name, so reading it back cannot take the address for a name
        Address by = new Address(d.name(), d.email());
        sb.append("by: ").append(by.name().isEmpty() && !by.email().isEmpty() ? "<" + by.email() + ">" : by.display())
                .append('\n');
        sb.append("at: ").append(Instant.ofEpochMilli(d.at())).append('\n');
        if (!d.note().isEmpty()) sb.append('\n').append(d.note()).append('\n');
        return sb.toString();
    }

    /** Reads a file back; the commit's author, time and action when given (history), else the file's own. */
    static Decision parse(String text, long at, String name, String email, String action) {
        Map<String, String> fields = new HashMap<>();
        String[] parts = text.split("\n\n", 2);
        for (String line : parts[0].split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        Optional<ReviewState> to = ReviewState.of(fields.get("state"));
        if (to.isEmpty() || fields.get("version") == null) return null;
        ReviewState from = ReviewState.of(fields.get("from")).orElse(null);
        if (at < 0) {
            try {
                at = Instant.parse(fields.getOrDefault("at", "1970-01-01T00:00:00Z")).toEpochMilli();
            } catch (java.time.format.DateTimeParseException e) {
                return null; // a hand-edited file in a clone: that record is unreadable, the others stand
            }
            // the trailer grammar: "Name <email>", "<email>", a bare address (files written before "<email>") or name
            Address by = Trailers.person(fields.getOrDefault("by", ""));
            name = by.name();
            email = by.email();
            action = "state: " + to.get().jsonName();
        }
        String note = parts.length > 1 ? parts[1].strip() : "";
        return new Decision(at, name, email, action, from, to.get(), fields.get("version"), note);
    }

    private FileLog open(boolean create) throws IOException {
        if (log == null && (create || Files.isDirectory(dir.resolve("objects")))) log = FileLog.open(dir);
        return log;
    }

    @Override
    public synchronized void close() {
        if (log != null) log.close();
        log = null;
    }
}
