package org.patchlane.thread;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.SharedData;
import org.patchlane.ingest.Analyzer;
import org.patchlane.patch.MessageKind;
import org.patchlane.patch.Trailer;
import org.patchlane.source.MailSource;
import org.patchlane.source.RawMessage;
import org.patchlane.source.Sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-patch trailers against {@code b4 am} on real threads of {@code ../shared/corpus} (b4 is the reference
 * for trailer attribution). For every patch b4 writes, the {@code *-by} trailers of its commit message must equal, as a set, what
 * Patchlane attributes to that patch of the series' latest version: the patch's own chain plus the follow-ups given
 * by their sender. Only {@code *-by} trailers are compared: they are Patchlane's trailer model; the other trailers b4
 * copies from replies (Fixes:, Cc:, Closes:) are not review trailers. b4 runs without {@code -l}/{@code -s}, so it
 * adds no Link: and no Signed-off-by of its own.
 *
 * <p>Every difference is listed in {@link #EXPECTED} with its reason; the test fails when a listed difference
 * disappears or a new one appears. Skips when b4 or ../shared is absent.
 */
class B4ComparisonTest {
    /** Archive years whose threads are compared, and how many threads at most per year (2 shared cores). */
    private static final List<String> ARCHIVE_YEARS = List.of("2020");
    private static final int THREADS_PER_YEAR = 25;

    private static final String B4_CRASH = "not compared: b4 0.12 on Python 3.11 dies building its output (a folded"
            + " header value holds a line break) and writes nothing";

    private static final String RESEND = "the ack replies to the [RESEND PATCH v5 1/4]; b4 keeps the first posting of a"
            + " patch number and files replies to the RESEND under the RESEND, which is not in its series; Patchlane"
            + " merges a RESEND into its version (a RESEND is the same version), so acks on either posting count";

    /**
     * Known differences: {@code "thread#patch subject | b4 only|Patchlane only | trailer"} → why. The thread is the
     * corpus path, or for an archive thread {@code archive/YEAR#<cover Message-ID>}.
     */
    static final Map<String, String> EXPECTED = Map.ofEntries(
            // Patchlane right, b4 0.12 wrong or limited.
            Map.entry("archive/2020#<20200303100114.87786-1-tmaimon77@gmail.com>#[PATCH v2 3/3] watchdog: npcm: remove"
                    + " whitespaces | Patchlane only | Reviewed-by: Guenter Roeck <linux@roeck-us.net>",
                    "the review replies to a message that never reached the list (In-Reply-To <CAP6Zq1g...>); b4 0.12"
                            + " follows In-Reply-To only and drops it, Patchlane threads by References (JWZ) and finds"
                            + " patch 3/3 above it"),
            Map.entry("b4/trailers-followup-htmljunk.mbox#[PATCH] Simple test | Patchlane only | Reviewed-by: HTML"
                    + " Junker <html-junker@example.com>",
                    "b4 0.12 misses the trailer in the HTML-mangled reply; b4's own recorded result for this sample"
                            + " (trailers-followup-htmljunk-ref-defaults.txt, newer b4) has it"),
            Map.entry("lore-linux-watchdog/samples/series/004-patch-v4-0-3-add-support-for-wdiof-cardreset-on-ti-am65x.mbox"
                    + "#[PATCH v4 3/3] watchdog:rit_wdt: Add support for WDIOF_CARDRESET | b4 only | Reviewed-by:"
                    + " Krzysztof Kozlowski <krzysztof.kozlowski@linaro.org>",
                    "b4 0.12 bug: the reply to the cover comes from \"Li, Hua Qian\"; for a From name with a comma b4's"
                            + " fuzzy name check compares the header name with itself, so it takes a Reviewed-by naming"
                            + " Krzysztof (who disputed that tag in the thread: \"Really? Where?\"). Patchlane keeps it"
                            + " marked bySender=false"),
            Map.entry("lore-linux-watchdog/samples/series/017-patch-v5-0-4-arm64-dts-rockchip-add-basic-dtsi-dts-files-fo.mbox"
                    + "#[PATCH v5 1/4] dt-bindings: pwm: rockchip: add description for rk3568 | Patchlane only | Acked-by:"
                    + " Rob Herring <robh@kernel.org>", RESEND),
            Map.entry("lore-linux-watchdog/samples/series/017-patch-v5-0-4-arm64-dts-rockchip-add-basic-dtsi-dts-files-fo.mbox"
                    + "#[PATCH v5 1/4] dt-bindings: pwm: rockchip: add description for rk3568 | Patchlane only | Acked-by:"
                    + " Uwe Kleine-König <u.kleine-koenig@pengutronix.de>", RESEND),
            // Not compared: b4 0.12 crashes on the thread.
            Map.entry("patchwork/series/mercurial-no-cover-letter.mbox | b4 wrote no patches | ValueError: Header values may not contain linefeed or carriage return"
                    + " characters", B4_CRASH),
            Map.entry("lore-linux-watchdog/samples/series/002-patch-v3-0-5-congatec-board-controller-drivers.mbox | b4 wrote no patches | ValueError: Header values may not contain linefeed or carriage return"
                    + " characters", B4_CRASH),
            Map.entry("lore-linux-watchdog/samples/series/009-patch-v7-0-5-add-support-to-read-the-watchdog-bootstatus-fr.mbox | b4 wrote no patches | ValueError: Header values may not contain linefeed or carriage return"
                    + " characters", B4_CRASH),
            Map.entry("lore-linux-watchdog/samples/series/010-patch-0-3-support-watchdog-for-exynosautov920.mbox | b4 wrote no patches | ValueError: Header values may not contain linefeed or carriage return"
                    + " characters", B4_CRASH),
            Map.entry("lore-linux-watchdog/samples/series/023-patch-v8-0-5-add-support-to-read-the-watchdog-bootstatus-fr.mbox | b4 wrote no patches | ValueError: Header values may not contain linefeed or carriage return"
                    + " characters", B4_CRASH),
            // Deliberate.
            Map.entry("b4/trailers-followup-non-git-patch-with-comments.mbox#[PATCH] Simple test | b4 only | the whole patch",
                    B4ReferenceResultsTest.NOT_A_PATCH),
            Map.entry("b4/trailers-followup-non-git-patch.mbox#[PATCH] Simple test | b4 only | the whole patch",
                    B4ReferenceResultsTest.NOT_A_PATCH),
            Map.entry("b4/trailers-followup-stripped-lines.mbox#[PATCH] Simple test | b4 only | the whole patch",
                    B4ReferenceResultsTest.NOT_A_PATCH),
            Map.entry("b4/trailers-followup-with-cover.mbox#[PATCH v2 2/2] Simple test 2 | b4 only | Reviewed-by:"
                    + " Coverletter Reviewer1 <followup-reviewer1@example.com>", B4ReferenceResultsTest.SAME_PERSON),
            // Known gap, left open (patch.Trailers): b4 has the substance right.
            Map.entry("archive/2020#<20200725231834.25642-1-michael@walle.cc>#[PATCH v6 3/13] mfd: simple-mfd-i2c: add"
                    + " sl28cpld support | b4 only | Acked-for-mfd-by: Lee Jones <lee.jones@linaro.org>",
                    "an indented trailer ('  Acked-for-MFD-by: ...' under 'For my own reference'): b4 strips leading"
                            + " blanks, Patchlane's trailer grammar reads 'Token: value' lines from column"
                            + " 0 only, so indented text in replies never counts"));


    @Test
    void perPatchTrailersEqualB4sOnCorpusThreads(@TempDir Path tmp) throws Exception {
        Path corpus = SharedData.require("corpus");
        B4Am.assumeAvailable();
        B4Am b4 = B4Am.in(tmp);
        Map<String, Path> threads = new LinkedHashMap<>();
        mboxes(corpus, "b4", "(trailers|shazam)-.*\\.mbox", threads);
        mboxes(corpus, "patchwork/series", ".*\\.mbox", threads);
        mboxes(corpus, "lore-linux-watchdog/samples/series", ".*\\.mbox", threads);
        for (String year : ARCHIVE_YEARS) {
            Path gz = corpus.resolve("lore-linux-watchdog/archive/linux-watchdog-" + year + ".mboxrd.gz");
            if (!Files.isRegularFile(gz)) continue;
            threads.putAll(ArchiveThreads.reviewedSeries(gz, "archive/" + year, tmp.resolve("archive-" + year),
                    THREADS_PER_YEAR));
        }

        Map<String, String> found = new TreeMap<>();
        Map<String, Integer> compared = new TreeMap<>();
        int patches = 0;
        for (Map.Entry<String, Path> e : threads.entrySet()) {
            String name = e.getKey();
            B4Am.Result result = b4.am(e.getValue());
            if (result.patches().isEmpty()) {
                String[] log = result.log().strip().split("\n");
                found.put(name + " | b4 wrote no patches | " + (result.log().contains("Traceback") ? log[log.length - 1] : ""), "");
                continue;
            }
            List<Series> series = SeriesFinder.find(SeriesTrailers.posts(e.getValue()));
            compared.merge(folder(name), 1, Integer::sum);
            for (B4Am.Patch p : result.patches()) {
                patches++;
                String where = name + "#" + p.subject();
                SeriesTrailers.Found ours = SeriesTrailers.find(series, p.messageId());
                if (ours == null) {
                    found.put(where + " | b4 only | the whole patch", "");
                    continue;
                }
                if (!ours.latest()) found.put(where + " | b4 picks another version than Patchlane's latest", "");
                Set<String> theirs = new LinkedHashSet<>();
                p.trailers().forEach(t -> theirs.add(SeriesTrailers.canonical(t)));
                diff(where, theirs, SeriesTrailers.b4Would(ours.patch()), found);
            }
        }
        System.out.println("[b4] compared " + patches + " patches in threads per folder: " + compared);
        found.keySet().forEach(k -> System.out.println("[b4] difference: " + k));
        assertTrue(patches > 0, "no patches compared");
        assertDifferences(EXPECTED, found.keySet());
    }

    /** The thread mboxes of one corpus folder whose names match, keyed by their corpus path. */
    private static void mboxes(Path corpus, String folder, String names, Map<String, Path> into) throws IOException {
        Path dir = corpus.resolve(folder);
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().matches(names)).sorted()
                    .forEach(p -> into.put(corpus.relativize(p).toString(), p));
        }
    }

    private static String folder(String name) {
        int slash = name.lastIndexOf('/');
        int hash = name.indexOf('#');
        return hash > 0 ? name.substring(0, hash) : name.substring(0, slash);
    }

    static void diff(String where, Set<String> theirs, Set<String> ours, Map<String, String> into) {
        for (String t : theirs) if (!ours.contains(t)) into.put(where + " | b4 only | " + t, "");
        for (String t : ours) if (!theirs.contains(t)) into.put(where + " | Patchlane only | " + t, "");
    }

    static void assertDifferences(Map<String, String> expected, Set<String> found) {
        Set<String> fresh = new TreeSet<>(found);
        fresh.removeAll(expected.keySet());
        Set<String> gone = new TreeSet<>(expected.keySet());
        gone.removeAll(found);
        assertEquals("", (fresh.isEmpty() ? "" : "new differences (fix Patchlane, or list them with a reason):\n  "
                + String.join("\n  ", fresh) + "\n")
                + (gone.isEmpty() ? "" : "listed differences that no longer occur (drop them from the table):\n  "
                + String.join("\n  ", gone) + "\n"));
    }

    /** Threads of the archive that hold a complete series with a reply giving Reviewed/Acked/Tested-by. */
    static final class ArchiveThreads {
        private ArchiveThreads() {
        }

        static Map<String, Path> reviewedSeries(Path gz, String label, Path dir, int max) throws IOException {
            List<Post> posts = new ArrayList<>();
            List<byte[]> raws = new ArrayList<>();
            try (MailSource source = Sources.open(gz, k -> null)) {
                for (RawMessage m; (m = source.next()) != null; ) {
                    posts.add(Analyzer.analyze(m.bytes(), m.envelopeDate(), m.truncated(), "").post());
                    raws.add(m.bytes());
                }
            }
            Map<String, String> root = new HashMap<>();
            for (Post p : posts) {
                for (String parent : p.parents()) union(root, p.messageId(), parent);
                find(root, p.messageId());
            }
            Map<String, List<Integer>> byThread = new LinkedHashMap<>();
            for (int i = 0; i < posts.size(); i++) {
                byThread.computeIfAbsent(find(root, posts.get(i).messageId()), k -> new ArrayList<>()).add(i);
            }
            Map<String, Path> out = new LinkedHashMap<>();
            Files.createDirectories(dir);
            for (List<Integer> thread : byThread.values()) {
                if (out.size() >= max) break;
                List<Post> tp = thread.stream().map(posts::get).toList();
                Post cover = completeSeriesCover(tp);
                if (cover == null || !reviewed(tp)) continue;
                Path file = dir.resolve(String.format("%03d.mbox", out.size() + 1));
                try (OutputStream o = Files.newOutputStream(file)) {
                    for (int i : thread) writeMboxrd(o, raws.get(i));
                }
                out.put(label + "#<" + cover.messageId() + ">", file);
            }
            return out;
        }

        /** The cover of a series whose patches 1..N (same version and sender) are all in the thread, else null. */
        private static Post completeSeriesCover(List<Post> thread) {
            for (Post c : thread) {
                if (c.kind() != MessageKind.COVER || c.index() != 0 || c.total() < 2) continue;
                Set<Integer> have = new TreeSet<>();
                for (Post p : thread) {
                    if (p.kind() == MessageKind.PATCH && p.version() == c.version() && p.total() == c.total()
                            && p.from().samePerson(c.from())) {
                        have.add(p.index());
                    }
                }
                boolean all = true;
                for (int i = 1; i <= c.total(); i++) all &= have.contains(i);
                if (all) return c;
            }
            return null;
        }

        private static boolean reviewed(List<Post> thread) {
            for (Post p : thread) {
                if (p.seriesPart()) continue;
                for (Trailer t : p.given()) {
                    if (Set.of("Reviewed-by", "Acked-by", "Tested-by").contains(t.kind())) return true;
                }
            }
            return false;
        }

        private static void writeMboxrd(OutputStream o, byte[] raw) throws IOException {
            o.write("From mboxrd@z Thu Jan  1 00:00:00 1970\n".getBytes(StandardCharsets.US_ASCII));
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            for (String line : text.split("\n", -1)) {
                if (line.matches("^>*From .*")) o.write('>');
                o.write(line.getBytes(StandardCharsets.ISO_8859_1));
                o.write('\n');
            }
            if (!text.endsWith("\n")) o.write('\n');
        }

        private static String find(Map<String, String> root, String id) {
            String r = root.computeIfAbsent(id, k -> k);
            if (r.equals(id)) return id;
            String top = find(root, r);
            root.put(id, top);
            return top;
        }

        private static void union(Map<String, String> root, String a, String b) {
            String ra = find(root, a);
            String rb = find(root, b);
            if (!ra.equals(rb)) root.put(rb, ra);
        }
    }
}
