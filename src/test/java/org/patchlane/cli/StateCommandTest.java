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
import org.patchlane.store.Searcher;

/**
 * {@code patchlane state} on the demo archive: decisions as commits by their maintainers, kept through
 * {@code reindex}, seen by another process, honoured by {@code state:} queries and carried by the JSON.
 */
class StateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The driver core series v3: under review from mail. */
    private static final String AUX = "20261102-aux-lifetime-3f1c2a9b7d10";
    /** The mlx5 series, under review from mail: decided in another process. */
    private static final String MLX5 = "cover.1763284533.git.leonro@nvidia.com";
    /** The hns bond series: new from mail; a typo fix applied by mail is the demo's RESEND. */
    private static final String BOND = "20261127113005.2417936-1-huangjunxian6@hisilicon.com";

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
                [user "Nobody"]
                """);
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", data.toString()));
        if (args[0].equals("state")) all.addAll(List.of("--config", conf.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private JsonNode json(String... args) throws Exception {
        CliRun r = run(args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("{"), r.out());
        return JSON.readTree(r.out());
    }

    @Test
    void twoMaintainersAreTwoCommitsWithTheirOwnAuthorsKeptThroughReindexAndACloneIsABackup() throws Exception {
        assertEquals("under-review", json("state", "--json", AUX).get("state").asText());
        CliRun accepted = run("state", AUX, "accepted", "--note", "queued for 6.20", "--as", "leon");
        assertEquals(0, accepted.code(), accepted.err());
        assertTrue(accepted.out().contains("accepted (v3; from mail: under-review)"), accepted.out());
        assertTrue(accepted.out().contains("leon <leon@kernel.org>  under-review -> accepted on v3\n"
                + "      queued for 6.20"), accepted.out());
        Path noteFile = dir.resolve("why.txt");
        Files.writeString(noteFile, "wait for the irdma conversion\nto land first\n");
        JsonNode after = json("state", "--json", AUX, "deferred", "--note-file", noteFile.toString(), "--as", "jason gunthorpe");
        assertEquals("deferred", after.get("state").asText());
        JsonNode h = after.get("history");
        assertEquals(2, h.size());
        assertEquals("Jason Gunthorpe", h.get(0).get("by").get("name").asText());
        assertEquals("jgg@nvidia.com", h.get(0).get("by").get("email").asText());
        assertEquals("accepted", h.get(0).get("from").asText());
        assertEquals("deferred", h.get(0).get("to").asText());
        assertEquals("wait for the irdma conversion\nto land first", h.get(0).get("note").asText());
        assertEquals("leon", h.get(1).get("by").get("name").asText());
        assertEquals("under-review", h.get(1).get("from").asText());
        assertEquals("queued for 6.20", h.get(1).get("note").asText());
        assertEquals("3", h.get(1).get("version").asText());

        // git clone of the decisions repository is a backup: the same two commits, authors and messages.
        Path clone = dir.resolve("backup");
        try (Git git = Git.cloneRepository().setURI(data.resolve("decisions").toUri().toString())
                .setDirectory(clone.toFile()).call()) {
            List<RevCommit> log = new ArrayList<>();
            git.log().call().forEach(log::add);
            List<String> mine = log.stream().filter(c -> c.getFullMessage().startsWith("state: deferred")
                    || c.getFullMessage().startsWith("state: accepted\n\nqueued")).map(c -> c.getAuthorIdent().getName()
                    + " " + c.getAuthorIdent().getEmailAddress() + " / " + c.getCommitterIdent().getName()).toList();
            assertEquals(List.of("Jason Gunthorpe jgg@nvidia.com / Patchlane", "leon leon@kernel.org / Patchlane"),
                    mine);
        }
        String id = after.get("series").asText();
        assertTrue(Files.readString(clone.resolve(id)).contains("state: deferred\n"));

        assertEquals(0, run("reindex").code());
        JsonNode kept = json("acks", "--json", AUX);
        assertEquals("deferred", kept.get("state").asText());
        assertEquals(2, kept.get("history").size());
        assertEquals("under-review", kept.get("versions").get(2).get("state").asText(), "a version keeps its mail's state");
        assertTrue(run("series", "state:deferred").out().contains(id), "state: queries honour decisions after reindex");
        assertFalse(run("series", "state:under-review").out().contains(id));

        // Deferred is still open, and together says so (the decided state, not the mail's); rejected closes it.
        assertTrue(run("together").out().contains(id + "  v3   deferred"), run("together").out());
        assertEquals("deferred", JSON.readTree(run("together", "--json").out()).get("infrastructure").get(0)
                .get("state").asText());
        assertEquals(0, run("state", AUX, "rejected", "--as", "leon").code());
        assertFalse(run("together").out().contains(id));
    }

    @Test
    void aDecisionMadeByAnotherProcessIsSeenByAnOpenSearcherAndItsQueries() throws Exception {
        try (Searcher searcher = Searcher.open(data)) {
            String id = searcher.seriesOf(MLX5).orElseThrow().id();
            // the demo's own decision (a rejected hns patch): the searcher remembers effective states from here on
            assertFalse(searcher.series("state:rejected", 0, 100).series().isEmpty());
            assertFalse(searcher.series("state:accepted", 0, 100).series().stream().anyMatch(s -> s.id().equals(id)));
            Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "state", MLX5, "accepted",
                    "--as", "Jason Gunthorpe", "--note", "from another process", "--data", data.toString(),
                    "--config", conf.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), output);
            assertTrue(searcher.series("state:accepted", 0, 100).series().stream().anyMatch(s -> s.id().equals(id)));
            assertFalse(searcher.series("state:under-review", 0, 100).series().stream().anyMatch(s -> s.id().equals(id)));
            var standing = searcher.decisions().standing(searcher.seriesOf(MLX5).orElseThrow());
            assertEquals("accepted", standing.state().jsonName());
            assertEquals("from another process", standing.history().get(0).note());
        }
        JsonNode list = json("series", "--json", "state:accepted");
        JsonNode entry = null;
        for (JsonNode e : list.get("series")) if (e.get("title").asText().startsWith("mlx5")) entry = e;
        assertEquals("accepted", entry.get("state").asText());
        assertEquals("Jason Gunthorpe", entry.get("history").get(0).get("by").get("name").asText());
    }

    @Test
    void badInputIsAUsageErrorAndChangesNothing() throws Exception {
        CliRun unknown = run("state", BOND, "approved", "--as", "leon");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown state 'approved'"), unknown.err());
        assertEquals(2, run("state", BOND, "superseded", "--as", "leon").code());
        CliRun stranger = run("state", BOND, "accepted", "--as", "Linus");
        assertEquals(2, stranger.code());
        assertTrue(stranger.err().contains("[user \"Linus\"]"), stranger.err());
        assertEquals(2, run("state", BOND, "accepted", "--as", "Nobody").code(), "a user without an email");
        assertEquals(1, run("state", "<no-such-series@example.org>", "accepted", "--as", "leon").code());
        assertEquals(0, json("state", "--json", BOND).get("history").size());
        assertEquals("new", json("state", "--json", BOND).get("state").asText());
    }

    @Test
    void theResendAnsweredAppliedIsAppliedInTheJson() throws Exception {
        JsonNode acks = json("acks", "--json", "20261105081522.3361-1-apetrov@bytedance.com");
        assertEquals("applied", acks.get("state").asText());
        JsonNode applied = acks.get("versions").get(0).get("patches").get(0).get("applied");
        assertEquals("4e2a91c7d3b0", applied.get("commit").asText());
        assertEquals("https://git.kernel.org/rdma/rdma/c/4e2a91c7d3b0", applied.get("url").asText());
        assertTrue(run("series", "state:applied").out().contains("ib_device_rename"));
        assertTrue(run("state", "20261105081522.3361-1-apetrov@bytedance.com").out()
                .contains("  applied 1/1 4e2a91c7d3b0 https://git.kernel.org/rdma/rdma/c/4e2a91c7d3b0\n"));
    }
}
