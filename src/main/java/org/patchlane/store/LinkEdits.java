package org.patchlane.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.patchlane.git.FileLog;
import org.patchlane.mail.Address;
import org.patchlane.review.LinkAction;
import org.patchlane.review.LinkEdit;
import org.patchlane.review.LinkEditSet;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesVersion;

/**
 * The maintainers' link edits, kept beside their state decisions in the git repository {@code DATA/decisions}
 * (see {@link Decisions}): one file per series, {@code links/SERIESID}, holding the edit in force for each of its
 * prerequisites; each edit is one commit (author: the maintainer; message: {@link LinkEdit#subject} and the why).
 * The index never holds them, so {@code reindex} keeps them. {@link #current} reads every file once per head
 * commit, so a caller about every series pays one ref read per call, and sees another process's edit at once.
 */
public final class LinkEdits implements Closeable {
    /** The folder of the link files inside the repository; the state files are at its top. */
    static final String FOLDER = "links/";
    private static final Pattern SERIES_ID = Pattern.compile("[0-9a-f]{6,64}");
    private static final Pattern SUBJECT = Pattern.compile("link (add|remove): (\\S+) depends on (\\S+)");

    private final Path dir;
    private FileLog log;
    private LinkEditSet cached = LinkEditSet.NONE;

    private LinkEdits(Path dir) {
        this.dir = dir;
    }

    /** The link edits of a data directory; the repository is created by the first {@link #record}. */
    public static LinkEdits of(Path dataDir) {
        return new LinkEdits(dataDir.resolve("decisions"));
    }

    /** Those of the repository {@link Decisions} keeps its states in. */
    static LinkEdits beside(Decisions decisions) {
        return new LinkEdits(decisions.directory());
    }

    /**
     * Records that {@code series} depends on {@code prerequisite} ({@link LinkAction#ADD}) or does not
     * ({@link LinkAction#REMOVE}).
     *
     * @throws IllegalArgumentException for a blank why, or a series linked to itself
     */
    public synchronized LinkEdit record(Series series, Series prerequisite, LinkAction action, String why, Address by,
                                        Instant at) throws IOException {
        String clean = why == null ? "" : why.strip().replace("\r\n", "\n");
        if (clean.isEmpty()) throw new IllegalArgumentException("a link edit needs a reason (--why)");
        if (series.id().equals(prerequisite.id())) {
            throw new IllegalArgumentException("a series cannot depend on itself: " + series.id());
        }
        for (String id : List.of(series.id(), prerequisite.id())) {
            if (!SERIES_ID.matcher(id).matches()) throw new IllegalArgumentException("not a series id: " + id);
        }
        long when = at.truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
        LinkEdit edit = new LinkEdit(series.id(), anchor(series), prerequisite.id(), anchor(prerequisite), action,
                when, by.name(), by.email(), clean);
        FileLog l = open(true);
        Map<String, LinkEdit> inForce = new LinkedHashMap<>();
        String path = FOLDER + series.id();
        l.read(path).ifPresent(text -> parse(text).forEach(e -> inForce.put(e.prerequisite(), e)));
        inForce.put(prerequisite.id(), edit);
        l.write(path, format(series.id(), edit.seriesAnchor(), inForce.values()), by.name(), by.email(),
                Instant.ofEpochMilli(when), edit.subject() + "\n\n" + clean);
        return edit;
    }

    /** Every edit in force, re-read only when the repository's head moved. */
    public synchronized LinkEditSet current() throws IOException {
        FileLog l = open(false);
        if (l == null) return LinkEditSet.NONE;
        String head = l.head();
        if (head == null) return LinkEditSet.NONE;
        if (!head.equals(cached.stamp())) {
            List<LinkEdit> all = new ArrayList<>();
            for (Map.Entry<String, String> e : l.readAll().entrySet()) {
                if (e.getKey().startsWith(FOLDER)) all.addAll(parse(e.getValue()));
            }
            cached = new LinkEditSet(head, all);
        }
        return cached;
    }

    /** A series' link edits as they were made, newest first (from the commits: author, time, action, why). */
    public synchronized List<LinkEdit> history(String seriesId) throws IOException {
        List<LinkEdit> out = new ArrayList<>();
        FileLog l = open(false);
        if (l == null) return out;
        for (FileLog.Revision r : l.log(FOLDER + seriesId)) {
            String[] parts = r.message().split("\n\n", 2);
            Matcher m = SUBJECT.matcher(parts[0].strip());
            if (!m.matches()) continue;
            String why = parts.length > 1 ? parts[1].strip() : "";
            Map<String, LinkEdit> then = new HashMap<>();
            for (LinkEdit e : parse(r.content())) then.put(e.prerequisite(), e);
            LinkEdit inFile = then.get(m.group(3));
            out.add(new LinkEdit(m.group(2), inFile == null ? "" : inFile.seriesAnchor(), m.group(3),
                    inFile == null ? "" : inFile.prerequisiteAnchor(), LinkAction.of(m.group(1)).orElseThrow(), r.at(),
                    r.name(), r.email(), why));
        }
        return out;
    }

    /** The Message-ID a series is found again by: the first posting of its first version. */
    static String anchor(Series s) {
        SeriesVersion first = s.versions().get(0);
        if (first.cover() != null) return first.cover();
        return first.patches().isEmpty() ? s.members().get(0) : first.patches().get(0).messageId();
    }

    /**
     * A series' link file: a header block, then one block per prerequisite; a multi-line why is one {@code why:}
     * line per line, so blocks stay apart by blank lines.
     */
    static String format(String seriesId, String anchor, Iterable<LinkEdit> edits) {
        StringBuilder sb = new StringBuilder();
        sb.append("series: ").append(seriesId).append('\n').append("anchor: ").append(anchor).append('\n');
        for (LinkEdit e : edits) {
            sb.append('\n');
            sb.append("prerequisite: ").append(e.prerequisite()).append('\n');
            sb.append("anchor: ").append(e.prerequisiteAnchor()).append('\n');
            sb.append("action: ").append(e.action().jsonName()).append('\n');
            sb.append("by: ").append(new Address(e.name(), e.email()).display()).append('\n');
            sb.append("at: ").append(Instant.ofEpochMilli(e.at())).append('\n');
            for (String line : e.why().split("\n", -1)) sb.append("why: ").append(line).append('\n');
        }
        return sb.toString();
    }

    /** Reads a link file back; a block it cannot read is skipped (nothing in it is an edit). */
    static List<LinkEdit> parse(String text) {
        List<LinkEdit> out = new ArrayList<>();
        String[] blocks = text.replace("\r\n", "\n").split("\n\n");
        Map<String, String> head = fields(blocks[0]);
        String series = head.get("series");
        if (series == null) return out;
        for (int i = 1; i < blocks.length; i++) {
            Map<String, String> f = fields(blocks[i]);
            LinkAction action = LinkAction.of(f.get("action")).orElse(null);
            String prerequisite = f.get("prerequisite");
            if (action == null || prerequisite == null) continue;
            String by = f.getOrDefault("by", "");
            int lt = by.lastIndexOf('<');
            String name = lt < 0 ? by : by.substring(0, lt).strip();
            String email = lt < 0 ? "" : by.substring(lt + 1).replace(">", "").strip();
            long at;
            try {
                at = Instant.parse(f.getOrDefault("at", "1970-01-01T00:00:00Z")).toEpochMilli();
            } catch (java.time.format.DateTimeParseException e) {
                at = 0;
            }
            out.add(new LinkEdit(series, head.getOrDefault("anchor", ""), prerequisite, f.getOrDefault("anchor", ""),
                    action, at, name, email, f.getOrDefault("why", "")));
        }
        return out;
    }

    /** {@code key: value} lines; repeated {@code why:} lines join with newlines. */
    private static Map<String, String> fields(String block) {
        Map<String, String> out = new HashMap<>();
        for (String line : block.split("\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1);
            value = value.startsWith(" ") ? value.substring(1) : value;
            out.merge(key, key.equals("why") ? value : value.strip(), (a, b) -> a + "\n" + b);
        }
        return out;
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
