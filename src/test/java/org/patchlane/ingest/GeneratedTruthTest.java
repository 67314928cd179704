package org.patchlane.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.SharedData;
import org.patchlane.Required;
import org.patchlane.store.Archive;
import org.patchlane.store.Searcher;
import org.patchlane.thread.GivenTrailer;
import org.patchlane.thread.Series;
import org.patchlane.thread.SeriesPatch;
import org.patchlane.thread.SeriesVersion;

/**
 * Trailer attribution at scale against ground truth: {@code ../shared/bench/gen_mbox.py} writes a kernel-list-shaped
 * archive and, per patch, the reply trailers a correct attributor collects (replies to the patch, to the cover, to
 * replies; quoted traps excluded). Every patch's attributed follow-ups must equal that set exactly. Skips without
 * {@code ../shared} or python3.
 */
class GeneratedTruthTest {
    private static final int MESSAGES = 6_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void everyPatchGetsExactlyItsReplyTrailers() throws Exception {
        Path generator = SharedData.require("bench/gen_mbox.py");
        Path mbox = tmp.resolve("gen.mbox");
        Path truth = tmp.resolve("truth.jsonl");
        Process p;
        try {
            p = new ProcessBuilder("python3", generator.toString(), "--count", Integer.toString(MESSAGES), "--seed",
                    "7", "-o", mbox.toString(), "--truth", truth.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Required.that(false, "python3 is not installed: " + e.getMessage());
            return;
        }
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, "gen_mbox.py failed");

        Path data = tmp.resolve("data");
        try (Archive archive = Archive.open(data)) {
            new Ingester(archive, "bench", counts -> { }).run(List.of(mbox));
        }
        String text = new String(Files.readAllBytes(mbox), java.nio.charset.StandardCharsets.UTF_8);
        Map<String, String> wrong = new TreeMap<>();
        int cut = 0;
        int patches = 0;
        int trailers = 0;
        try (Searcher searcher = Searcher.open(data)) {
            for (String line : Files.readAllLines(truth)) {
                JsonNode r = JSON.readTree(line);
                String id = r.get("msgid").asText();
                TreeSet<String> expected = new TreeSet<>();
                r.get("expected_reply_trailers").forEach(t -> expected.add(t.asText()));
                if (!written(text, id, expected)) {
                    cut++;
                    continue;
                }
                TreeSet<String> got = attributed(searcher.seriesOf(id), id);
                patches++;
                trailers += expected.size();
                if (!expected.equals(got)) wrong.put(id, "expected " + expected + " got " + got);
            }
        }
        assertTrue(patches > 1000 && trailers > 500 && cut < patches / 50,
                patches + " patches, " + trailers + " trailers, " + cut + " cut off");
        assertEquals(Map.of(), wrong, wrong.size() + " of " + patches + " patches differ");
    }

    /**
     * False when a reply the truth counts was never written: the generator stops at {@code --count}, possibly before
     * the replies of the last series, while its truth file already lists their trailers.
     */
    private static boolean written(String mbox, String messageId, TreeSet<String> trailers) {
        int at = mbox.indexOf("Message-ID: <" + messageId + ">");
        return at >= 0 && trailers.stream().allMatch(t -> mbox.indexOf("\n" + t + "\n", at) >= 0);
    }

    /** The follow-up trailers given on this very posting (not carried, not the patch's own), as "Kind: Name <email>". */
    private static TreeSet<String> attributed(Optional<Series> series, String messageId) {
        TreeSet<String> out = new TreeSet<>();
        if (series.isEmpty()) return out;
        List<SeriesPatch> matches = new ArrayList<>();
        for (SeriesVersion v : series.get().versions()) {
            for (SeriesPatch p : v.patches()) if (p.postings().contains(messageId)) matches.add(p);
        }
        for (SeriesPatch p : matches) {
            for (GivenTrailer t : p.trailers()) {
                if (t.inPatch() || t.carried()) continue;
                out.add(t.kind() + ": " + t.name() + " <" + t.email() + ">");
            }
        }
        return out;
    }
}
