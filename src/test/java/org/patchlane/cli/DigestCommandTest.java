package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code patchlane digest} on the demo archive: the default week, the showcase week, bad periods, formats, lists. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DigestCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SECTIONS = List.of("postings", "reviews", "nacks", "pulls", "merges",
            "findings", "waiting", "stateChanges");
    Path data;

    @BeforeAll
    void demo(@TempDir Path dir) {
        data = CliRun.demo(dir);
        DigestCommand.clock = Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC);
    }

    @AfterAll
    void realClock() {
        DigestCommand.clock = Clock.systemUTC();
    }

    private JsonNode digest(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("digest", "--data", data.toString()));
        all.addAll(List.of(args));
        CliRun r = CliRun.of(all.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void theDefaultIsTheLastCompleteWeek() throws IOException {
        // Tuesday 1 December: W49 is under way, W48 (23-29 November) is the last complete week.
        JsonNode d = digest("--json");
        assertEquals("2026-W48", d.get("period").get("label").asText());
        assertEquals("2026-11-23T00:00:00Z", d.get("period").get("since").asText());
        assertEquals("2026-11-30T00:00:00Z", d.get("period").get("until").asText());
        assertEquals(d.get("period"), digest("--format", "json").get("period"), "--format json is --json");
    }

    /** Text (the default) and HTML name every series the JSON names, and link each to its page. */
    @Test
    void textAndHtmlCarryTheSameSeriesAsTheJson() throws IOException {
        JsonNode d = digest("--week", "2026-W48", "--json");
        java.util.Set<String> ids = new java.util.TreeSet<>();
        d.findValues("series").forEach(n -> { if (n.has("id") && !n.get("id").asText().isEmpty()) ids.add(n.get("id").asText()); });
        assertTrue(ids.size() >= 5, ids.toString());
        CliRun text = CliRun.of("digest", "--week", "2026-W48", "--data", data.toString());
        assertEquals(0, text.code(), text.err());
        for (String line : text.out().split("\n"))
            assertTrue(line.length() <= 80 || line.matches("\\[\\d+] \\S+"), "over 80 columns: " + line);
        CliRun html = CliRun.of("digest", "--week", "2026-W48", "--format", "html", "--data", data.toString());
        assertEquals(0, html.code(), html.err());
        assertTrue(!text.out().contains("/series/\n") && !html.out().contains("href=\"http://127.0.0.1:7070/series/\""),
                "a pull request (no series) links its mail, never an empty series page");
        assertTrue(text.out().contains("http://127.0.0.1:7070/all/20261124071530.118044-1-saeed%40kernel.org/"),
                "the mlx5 request's footnote is its mail");
        assertTrue(html.out().startsWith("<!DOCTYPE html>") || html.out().startsWith("<!doctype html>"), html.out().substring(0, 40));
        for (String id : ids) {
            assertTrue(text.out().contains("http://127.0.0.1:7070/series/" + id), "text lacks " + id);
            assertTrue(html.out().contains("/series/" + id), "html lacks " + id);
        }
    }

    /** The demo's showcase: its last week has a line in every section, and figures to compare. */
    @Test
    void theDemosLastWeekHasEverySection() throws IOException {
        JsonNode d = digest("--week", "2026-W48", "--json");
        for (String section : SECTIONS) {
            int lines = 0;
            for (JsonNode g : d.get("groups")) lines += g.get(section).size();
            assertTrue(lines > 0, "no " + section + " in the demo's W48 digest");
        }
        assertTrue(d.get("waitingOnYou").size() > 0);
        assertEquals(8, d.get("figures").get("series").asInt(), d.get("figures").toString());
        assertEquals(1, d.get("figures").get("nacks").asInt());
        assertEquals(4, d.get("figures").get("pulls").asInt(),
                "mlx5 on the 24th, mlx5 UMR on the 26th, irdma and hns on the 28th");
        assertEquals(1, d.get("figures").get("merged").asInt());
        assertEquals(2, d.get("previous").get("series").asInt(), "W47: the mlx5 users and the quiet rxe fix");
        List<String> reasons = new ArrayList<>();
        for (JsonNode g : d.get("groups")) for (JsonNode w : g.get("waiting")) reasons.add(w.get("reason").asText());
        assertTrue(reasons.containsAll(List.of("no-reply", "area-ack", "driver-ack", "prerequisite")), reasons.toString());
        JsonNode change = null;
        for (JsonNode g : d.get("groups")) if (g.get("stateChanges").size() > 0) change = g.get("stateChanges").get(0);
        assertEquals("rejected", change.get("to").asText(), "the decision the demo records on its first install");
        assertEquals("leon@kernel.org", change.get("by").get("email").asText());
    }

    @Test
    void anEmptyWeekIsAnEmptyDigest() throws IOException {
        JsonNode d = digest("--week", "2026-W30", "--json");
        assertEquals(0, d.get("groups").size());
        assertEquals(0, d.get("waitingOnYou").size());
        assertEquals(0, d.get("figures").get("series").asInt());
        assertTrue(d.get("figures").get("firstReview").isNull());
    }

    @Test
    void aListKeepsItsOwn() throws IOException {
        JsonNode all = digest("--week", "2026-W48", "--json");
        JsonNode netdev = digest("--week", "2026-W48", "--list", "netdev", "--json");
        assertEquals("netdev", netdev.get("list").asText());
        for (JsonNode g : netdev.get("groups")) assertEquals("netdev", g.get("list").asText());
        // The hns 1/2 patch was cross-posted to netdev: its series is netdev's too; nothing else is.
        assertEquals(1, netdev.get("figures").get("series").asInt());
        assertTrue(all.get("figures").get("series").asInt() > 1);
        assertEquals(0, digest("--week", "2026-W48", "--list", "no-such-list", "--json").get("groups").size());
    }

    @Test
    void aRangeOfDays() throws IOException {
        JsonNode d = digest("--since", "2026-11-01", "--until", "2026-12-01", "--json");
        assertEquals("2026-11-01..2026-12-01", d.get("period").get("label").asText());
        assertFalse(d.get("period").get("week").asBoolean());
        assertEquals(13, d.get("figures").get("series").asInt(), "every series of the demo's month");
    }

    static Stream<Arguments> refused() {
        return Stream.of(Arguments.of(List.of("--week", "2026-W60", "--json"), "2026 has no week 60"),
                Arguments.of(List.of("--week", "2026-47", "--json"), "not an ISO week"),
                Arguments.of(List.of("--since", "2026-11-01", "--json"), "--since and --until go together"),
                Arguments.of(List.of("--since", "2026-11-08", "--until", "2026-11-01", "--json"),
                        "--until must be after --since"),
                Arguments.of(List.of("--since", "November", "--until", "2026-12-01", "--json"), "not a date"),
                Arguments.of(List.of("--week", "2026-W47", "--since", "2026-11-01", "--until", "2026-11-08", "--json"),
                        "not both"),
                Arguments.of(List.of("--week", "2026-W47", "--format", "yaml"), "unknown digest format 'yaml'"),
                Arguments.of(List.of("--week", "2026-W47", "--send"), "sending a digest needs an [smtp] section"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refused")
    void aBadPeriodOrFormatIsExitTwoWithOneLine(List<String> args, String message) {
        List<String> all = new ArrayList<>(List.of("digest", "--data", data.toString()));
        all.addAll(args);
        CliRun r = CliRun.of(all.toArray(String[]::new));
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void aBadQuietSettingIsExitTwo(@TempDir Path dir) throws IOException {
        Path conf = dir.resolve("bad.conf");
        java.nio.file.Files.writeString(conf, "[digest]\n\tquiet = soon\n");
        CliRun r = CliRun.of("digest", "--data", data.toString(), "--config", conf.toString(), "--json");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("[digest] quiet must be a number of hours, days or weeks"), r.err());
    }
}
