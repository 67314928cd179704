package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.link.Link;
import org.patchlane.link.Linker;
import org.patchlane.link.Together;
import org.patchlane.review.Policy;
import org.patchlane.store.Searcher;
import org.patchlane.thread.Series;

/**
 * {@code patchlane link add|remove} on the demo archive: edits as commits by their maintainers, honoured by
 * {@code links}, {@code check} and {@code together}, kept through {@code reindex}, and seen by a long-running
 * reader's kept links when another process makes them.
 */
class LinkCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The driver core series: the demo's infrastructure, with three users. */
    private static final String AUX = "20261102-aux-lifetime-3f1c2a9b7d10";
    /** The hns bond series: a user by symbols, built on v2 of AUX. */
    private static final String BOND = "20261127113005.2417936-1-huangjunxian6@hisilicon.com";
    /** The mlx5 series: a user posted in AUX's thread. */
    private static final String MLX5 = "cover.1763284533.git.leonro@nvidia.com";

    @TempDir
    static Path dir;
    static Path data;
    static Path conf;

    @BeforeAll
    static void demo() throws Exception {
        data = CliRun.demo(dir);
        conf = dir.resolve("people.conf");
        Files.writeString(conf, """
                [user "leon"]
                \temail = leon@kernel.org
                [user "Jason Gunthorpe"]
                \temail = jgg@nvidia.com
                """);
    }

    private static CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", data.toString()));
        if (args[0].equals("link")) all.addAll(List.of("--config", conf.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static JsonNode json(String... args) throws Exception {
        CliRun r = run(args);
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    private static String id(String key) throws Exception {
        try (Searcher s = Searcher.open(data)) {
            return s.seriesOf(key).orElseThrow().id();
        }
    }

    @Test
    void addAndRemoveAreCommitsByTheirMaintainersHonouredEverywhereAndKeptThroughReindex() throws Exception {
        String aux = id(AUX);
        String bond = id(BOND);
        String rxe = rxeKey();
        assertEquals(1, run("check", BOND).code(), "built on v2 of AUX, v3 is the latest");

        CliRun removed = run("link", "remove", BOND, AUX, "--why", "the bond device predates the helpers", "--as", "leon");
        assertEquals(0, removed.code(), removed.err());
        assertTrue(removed.out().startsWith("link remove: " + bond + " depends on " + aux + " (removed by leon on "),
                removed.out());
        JsonNode added = json("link", "add", "--json", rxeKey(), AUX, "--why", "rxe frees MRs through the new helpers",
                "--as", "jason gunthorpe");
        assertEquals("add", added.get("edit").get("action").asText());
        assertEquals("Jason Gunthorpe", added.get("edit").get("by").get("name").asText());
        assertEquals("jgg@nvidia.com", added.get("edit").get("by").get("email").asText());
        assertEquals("rxe frees MRs through the new helpers", added.get("edit").get("why").asText());
        assertEquals(aux, added.get("links").get("prerequisites").get(0).get("series").asText());
        assertEquals("manual", added.get("links").get("prerequisites").get(0).get("kind").asText());

        for (int pass = 0; pass < 2; pass++) {
            JsonNode links = json("links", "--json", AUX);
            List<String> users = new ArrayList<>();
            links.get("users").forEach(u -> users.add(u.get("series").asText() + " " + u.get("kind").asText()));
            assertTrue(users.contains(rxe + " manual"), users.toString());
            assertFalse(users.stream().anyMatch(u -> u.startsWith(bond)), users.toString());
            JsonNode gone = links.get("removedUsers");
            assertEquals(bond, gone.get(0).get("series").asText());
            assertEquals("symbol", gone.get(0).get("kind").asText());
            assertEquals("remove", gone.get(0).get("edit").get("action").asText());
            assertEquals("leon", gone.get(0).get("edit").get("by").get("name").asText());
            assertEquals("the bond device predates the helpers", gone.get(0).get("edit").get("why").asText());
            JsonNode manual = null;
            for (JsonNode u : links.get("users")) if (u.get("series").asText().equals(rxe)) manual = u;
            assertTrue(manual.get("evidence").asText().startsWith("added by Jason Gunthorpe on "), manual.toString());
            assertEquals(1.0, manual.get("confidence").asDouble());

            String text = run("links", AUX).out();
            assertTrue(text.contains("Removed users:\n  RDMA/hns: add the bond auxiliary device"), text);
            assertTrue(text.contains("removed by leon on "), text);
            assertEquals(0, run("check", BOND).code(), "no prerequisite left to be outdated: " + run("check", BOND).out());

            JsonNode together = json("together", "--json").get("infrastructure").get(0);
            assertEquals(aux, together.get("series").asText());
            assertTrue(together.get("users").toString().contains(rxe), together.toString());
            assertFalse(together.get("users").toString().contains(bond));
            assertEquals(bond, together.get("removedUsers").get(0).get("series").asText());
            assertFalse(together.get("checks").toString().contains("Junxian Huang"),
                    "the removed user's maintainers are not asked to ack: " + together.get("checks"));

            if (pass == 0) assertEquals(0, run("reindex").code(), "edits live outside the index");
        }

        // Two maintainers, two commits with their own authors; the files are links/SERIESID, apart from the states.
        Path clone = dir.resolve("backup");
        try (Git git = Git.cloneRepository().setURI(data.resolve("decisions").toUri().toString())
                .setDirectory(clone.toFile()).call()) {
            List<String> mine = new ArrayList<>();
            for (RevCommit c : git.log().call()) {
                if (c.getFullMessage().startsWith("link ")) {
                    mine.add(c.getAuthorIdent().getName() + " <" + c.getAuthorIdent().getEmailAddress() + "> "
                            + c.getFullMessage().strip());
                }
            }
            assertTrue(mine.contains("Jason Gunthorpe <jgg@nvidia.com> link add: " + rxe + " depends on " + aux
                    + "\n\nrxe frees MRs through the new helpers"), mine.toString());
            assertTrue(mine.contains("leon <leon@kernel.org> link remove: " + bond + " depends on " + aux
                    + "\n\nthe bond device predates the helpers"), mine.toString());
            assertTrue(Files.readString(clone.resolve("links").resolve(bond)).contains("action: remove\n"));
        }
    }

    /** The rxe series: posted beside AUX, linked to it by nothing. */
    private static String rxeKey() throws Exception {
        try (Searcher s = Searcher.open(data)) {
            return s.series("s:rxe", 0, 10).series().get(0).id();
        }
    }

    @Test
    void aReasonIsRequiredAndBadInputChangesNothing() throws Exception {
        int before = commits();
        CliRun noWhy = run("link", "add", MLX5, AUX, "--as", "leon");
        assertEquals(2, noWhy.code(), noWhy.err());
        assertTrue(noWhy.err().contains("--why"), noWhy.err());
        assertEquals(2, run("link", "add", MLX5, AUX, "--why", "  ", "--as", "leon").code());
        assertEquals(2, run("link", "add", MLX5, MLX5, "--why", "itself", "--as", "leon").code());
        assertEquals(1, run("link", "add", "no-such-series@example.org", AUX, "--why", "x", "--as", "leon").code());
        assertEquals(2, run("link", "add", MLX5, AUX, "--why", "x", "--as", "nobody").code());
        CliRun notLinked = run("link", "remove", AUX, MLX5, "--why", "x", "--as", "leon");
        assertEquals(1, notLinked.code(), "AUX does not depend on mlx5: " + notLinked.out());
        assertTrue(notLinked.err().contains("has no link to"), notLinked.err());
        assertEquals(before, commits());
        assertTrue(run("link", "--help").out().contains("Examples:"));
        assertTrue(run("link", "add", "--help").out().contains("Examples:"));
        assertTrue(run("link", "remove", "--help").out().contains("Exit code"));
    }

    @Test
    void aLongRunningReadersKeptLinksSeeAnEditMadeByAnotherProcess() throws Exception {
        try (Searcher searcher = Searcher.open(data)) {
            Series aux = searcher.seriesOf(AUX).orElseThrow();
            String mlx5 = searcher.seriesOf(MLX5).orElseThrow().id();
            Linker kept = new Linker(searcher.linkSnapshot());
            assertTrue(users(kept.users(aux)).contains(mlx5));
            assertTrue(Together.open(searcher, policy(), "").get(0).links().users().stream()
                    .anyMatch(l -> l.other().id().equals(mlx5)));
            Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "link", "remove", MLX5, AUX,
                    "--why", "from another process", "--as", "leon", "--data", data.toString(),
                    "--config", conf.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), output);
            assertFalse(users(kept.users(aux)).contains(mlx5), "the kept links follow the decisions' head");
            var together = Together.open(searcher, policy(), "");
            assertTrue(together.isEmpty() || together.get(0).links().users().stream()
                    .noneMatch(l -> l.other().id().equals(mlx5)));
        }
    }

    /** The demo's MAINTAINERS, as the CLI reads it from the data directory's configuration. */
    private static Policy policy() throws Exception {
        return Policy.load(org.patchlane.git.ConfigFile.read(data.resolve("patchlane.conf")), data);
    }

    private static List<String> users(List<Link> links) {
        return links.stream().map(l -> l.other().id()).toList();
    }

    private static int commits() throws Exception {
        if (!Files.isDirectory(data.resolve("decisions").resolve("objects"))) return 0;
        try (Git git = Git.open(data.resolve("decisions").toFile())) {
            if (git.getRepository().resolve("HEAD") == null) return 0;
            int n = 0;
            for (RevCommit ignored : git.log().call()) n++;
            return n;
        }
    }
}
