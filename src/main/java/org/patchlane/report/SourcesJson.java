package org.patchlane.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.patchlane.ingest.ConfiguredSource;
import org.patchlane.ingest.SourceRuns;
import org.patchlane.source.ImapUrl;
import org.patchlane.source.PathAddress;

/**
 * {@code sources --json} and {@code /api/sources}: every source the archive knows, configured ones first (in the
 * configuration's order), then those only ingested by hand, then cursors of neither (an older archive's).
 */
public record SourcesJson(List<Source> sources) {
    /**
     * One source.
     *
     * @param name            the configuration's name, else the address
     * @param url             the address: canonical IMAP URL or absolute path (never a password)
     * @param list            the list its mail is filed under, or null for each mail's List-Id
     * @param intervalSeconds how often {@code watch} polls it, or null when it is not configured
     * @param cursors         its committed cursors (key → position): one for IMAP, one per file or epoch
     * @param lastRun         when its last run ended (ISO-8601), or null when none was recorded
     * @param lastMessages    messages read in its last successful run
     * @param messages        messages stored from it over all recorded runs
     * @param errors          failed runs
     * @param lastError       why the last run failed, or null
     */
    public record Source(String name, String url, String list, Long intervalSeconds, Map<String, String> cursors,
                         String lastRun, long lastMessages, long messages, long errors, String lastError) {
        /** For the page: "ok", "failing" or "never run". */
        public String state() {
            return lastRun == null ? "never run" : lastError == null ? "ok" : "failing";
        }
    }

    public static SourcesJson of(List<ConfiguredSource> configured, SourceRuns runs, Map<String, String> cursors) {
        List<Source> out = new ArrayList<>();
        Set<String> owned = new HashSet<>();
        Set<String> shown = new HashSet<>();
        for (ConfiguredSource c : configured) {
            String address = address(c.url());
            shown.add(address);
            out.add(source(c.name(), address, c.list(), c.interval().toSeconds(), runs.get(address), cursors, owned));
        }
        runs.all().forEach((address, run) -> {
            if (shown.add(address)) out.add(source(address, address, null, null, run, cursors, owned));
        });
        cursors.forEach((key, position) -> {
            if (!owned.contains(key)) {
                out.add(new Source(key, key, null, null, Map.of(key, position), null, 0, 0, 0, null));
            }
        });
        return new SourcesJson(out);
    }

    private static Source source(String name, String address, String list, Long interval, SourceRuns.Run run,
                                 Map<String, String> cursors, Set<String> owned) {
        TreeMap<String, String> mine = new TreeMap<>();
        cursors.forEach((key, position) -> {
            if (owns(address, key)) mine.put(key, position);
        });
        owned.addAll(mine.keySet());
        return run == null ? new Source(name, address, list, interval, mine, null, 0, 0, 0, null)
                : new Source(name, address, list, interval, mine, run.lastRun(), run.lastMessages(), run.messages(),
                run.errors(), run.lastError());
    }

    /** The address a source's runs are recorded under: the canonical IMAP URL, or the absolute path. */
    public static String address(String url) {
        return ImapUrl.isImap(url) ? ImapUrl.parse(url).toString()
                : new PathAddress(ConfiguredSource.path(url)).display();
    }

    private static boolean owns(String address, String cursorKey) {
        return ImapUrl.isImap(address) ? cursorKey.equals(address) : new PathAddress(Path.of(address)).owns(cursorKey);
    }
}
