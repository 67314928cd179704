package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.ingest.SourceRuns;
import org.patchlane.report.SourcesJson;
import org.patchlane.review.Policy;
import org.patchlane.store.Hit;
import org.patchlane.store.Searcher;
import org.patchlane.web.App;
import org.patchlane.web.ExampleQuery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code docs/json.md} against real output: for each documented command and endpoint, the fields its JSON has on
 * the demo archive (the union over every message, every series, the example queries) are exactly the fields the
 * page lists. A field added to a report without documentation, or documented and gone, fails here.
 * <p>
 * Field paths: {@code a.b} for a nested object, {@code a[].b} inside the objects of an array, {@code a.*} for an
 * object whose keys are data (list names, source addresses). Arrays of plain values are one field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonDocTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FIELD_ROW = Pattern.compile("^\\| `([^`]+)` \\|");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    Path tmp;
    Path data;
    Map<String, Set<String>> documented;
    Searcher searcher;
    App app;
    String base;

    @BeforeAll
    void setUp(@TempDir Path dir) throws IOException {
        tmp = dir;
        data = CliRun.demo(dir);
        withDemoMaintainers(data);
        // One decision, so the state and history fields have an entry to show.
        CliRun decided = CliRun.of("state", "20261102-aux-lifetime-3f1c2a9b7d10", "accepted", "--note", "queued",
                "--as", "leon", "--data", data.toString());
        assertEquals(0, decided.code(), decided.err());
        // Two link edits, so the manual and removed links show their fields: rxe added as a user, hns bond removed.
        for (String[] edit : new String[][] {{"add", "fb0497c17be9"}, {"remove", BOND}}) {
            CliRun r = CliRun.of("link", edit[0], edit[1], AUX, "--why", "for the field list", "--as", "leon",
                    "--data", data.toString());
            assertEquals(0, r.code(), r.err());
        }
        documented = sections(Files.readString(Path.of("docs/json.md"), StandardCharsets.UTF_8));
        searcher = Searcher.open(data);
        Policy policy = new ConfigOptions().policy(data);
        app = new App(searcher, () -> SourcesJson.of(List.of(), SourceRuns.NONE, searcher.cursors()), policy)
                .withRepositories(ConfigOptions.repositories(new ConfigOptions().load(data), data));
        base = "http://127.0.0.1:" + app.start("127.0.0.1", 0).port();
    }

    /** The demo MAINTAINERS and a configuration naming it, unless {@code demo} installed them. */
    static void withDemoMaintainers(Path data) throws IOException {
        if (!Files.exists(data.resolve("MAINTAINERS"))) {
            try (InputStream in = JsonDocTest.class.getResourceAsStream("/demo/MAINTAINERS")) {
                Files.copy(in, data.resolve("MAINTAINERS"));
            }
        }
        if (!Files.exists(data.resolve(ConfigOptions.NAME))) {
            Files.writeString(data.resolve(ConfigOptions.NAME), "[maintainers]\n\tfile = MAINTAINERS\n");
        }
    }

    @AfterAll
    void tearDown() throws IOException {
        app.stop();
        searcher.close();
    }

    /** Each "## " section's heading keys (its `backticked` names) → the field paths of its table rows. */
    static Map<String, Set<String>> sections(String markdown) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        Set<String> fields = null;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("## ")) {
                fields = new TreeSet<>();
                Matcher m = Pattern.compile("`([^`]+)`").matcher(line);
                while (m.find()) out.put(m.group(1), fields);
            } else if (fields != null) {
                Matcher m = FIELD_ROW.matcher(line);
                if (m.find() && !m.group(1).equals("field")) fields.add(m.group(1));
            }
        }
        return out;
    }

    /** The field paths of one JSON value; {@code maps} are the documented paths whose keys are data. */
    static void fields(JsonNode node, String path, Set<String> maps, Set<String> out) {
        if (node.isObject()) {
            boolean map = maps.contains(path + ".*");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String p = (path.isEmpty() ? "" : path + ".") + (map ? "*" : f.getKey());
                out.add(p);
                fields(f.getValue(), p, maps, out);
            }
        } else if (node.isArray()) {
            for (JsonNode e : node) {
                if (e.isObject()) fields(e, path + "[]", maps, out);
            }
        }
    }

    private void check(String section, List<JsonNode> outputs) {
        Set<String> doc = documented.get(section);
        assertTrue(doc != null, "docs/json.md has no section for `" + section + "`");
        Set<String> real = new TreeSet<>();
        for (JsonNode o : outputs) fields(o, "", doc, real);
        Set<String> undocumented = new TreeSet<>(real);
        undocumented.removeAll(doc);
        Set<String> absent = new TreeSet<>(doc);
        absent.removeAll(real);
        assertTrue(undocumented.isEmpty() && absent.isEmpty(), "`" + section + "`: undocumented fields "
                + undocumented + "; documented but not in the real output " + absent);
    }

    private JsonNode cli(String... args) throws IOException {
        return cli(0, args);
    }

    /** A command whose exit code says something besides success ({@code check}: 1 when a check failed). */
    private JsonNode cli(int maxCode, String... args) throws IOException {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--json", "--data", data.toString()));
        CliRun r = CliRun.of(all.toArray(String[]::new));
        assertTrue(r.code() >= 0 && r.code() <= maxCode, String.join(" ", args) + ": exit " + r.code() + ": " + r.err());
        return JSON.readTree(r.out());
    }

    private JsonNode api(String path, int status) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private List<String> messageIds() throws Exception {
        return searcher.search("", 0, 1000).hits().stream().map(Hit::messageId).distinct().toList();
    }

    private List<String> seriesIds() throws Exception {
        return searcher.series("", 0, 1000).series().stream().map(s -> s.id()).toList();
    }

    @Test
    void stats() throws Exception {
        check("stats --json", List.of(cli("stats")));
        check("GET /api/stats", List.of(api("/api/stats", 200)));
    }

    @Test
    void search() throws Exception {
        List<JsonNode> cli = new ArrayList<>();
        for (ExampleQuery e : ExampleQuery.ALL) {
            if (e.target() == ExampleQuery.Target.MESSAGES) cli.add(cli("search", e.query()));
        }
        check("search --json", cli);
        check("GET /api/search", List.of(api("/api/search?q=s:mlx5", 200)));
    }

    @Test
    void show() throws Exception {
        List<JsonNode> cli = new ArrayList<>();
        List<JsonNode> api = new ArrayList<>();
        for (String id : messageIds()) {
            cli.add(cli("show", id));
            api.add(api("/api/messages/" + org.patchlane.web.Links.encode(id), 200));
        }
        check("show --json", cli);
        check("GET /api/messages/{msgid}", api);
    }

    @Test
    void seriesList() throws Exception {
        check("series --json", List.of(cli("series")));
        check("GET /api/series", List.of(api("/api/series", 200)));
    }

    @Test
    void acks() throws Exception {
        List<JsonNode> cli = new ArrayList<>();
        List<JsonNode> api = new ArrayList<>();
        for (String id : seriesIds()) {
            cli.add(cli("acks", id));
            api.add(api("/api/series/" + id, 200));
        }
        check("acks --json", cli);
        check("GET /api/series/{id}", api);
    }

    @Test
    void interdiff() throws Exception {
        List<JsonNode> cli = new ArrayList<>();
        List<JsonNode> api = new ArrayList<>();
        for (String id : seriesIds()) {
            if (searcher.seriesOf(id).orElseThrow().versions().size() < 2) continue;
            cli.add(cli("interdiff", id));
            api.add(api("/api/series/" + id + "/interdiff", 200));
            api.add(api("/api/series/" + id + "/interdiff/1", 200));
        }
        assertFalse(cli.isEmpty(), "the demo has a series in several versions");
        check("interdiff --json", cli);
        check("GET /api/series/{id}/interdiff", api);
    }

    @Test
    void state() throws Exception {
        List<JsonNode> cli = new ArrayList<>();
        List<JsonNode> api = new ArrayList<>();
        for (String id : seriesIds()) {
            cli.add(cli("state", id));
            api.add(api("/api/series/" + id + "/history", 200));
        }
        check("state --json", cli);
        check("GET /api/series/{id}/history", api);
    }

    /** The demo's infrastructure series, its hns bond user and a series nothing links to it. */
    private static final String AUX = "20261102-aux-lifetime-3f1c2a9b7d10";
    private static final String BOND = "20261127113005.2417936-1-huangjunxian6@hisilicon.com";

    @Test
    void linkEdits() throws Exception {
        // AUX gains a prerequisite and has users (one added) and a removed user; bond has a removed prerequisite.
        List<JsonNode> out = List.of(cli("link", "add", AUX, "87e4af15222a", "--why", "fields", "--as", "leon"),
                cli("link", "remove", BOND, AUX, "--why", "fields again", "--as", "leon"));
        check("link add --json", out);
        check("link remove --json", out);
    }

    @Test
    void links() throws Exception {
        List<JsonNode> cli = new ArrayList<>();
        List<JsonNode> api = new ArrayList<>();
        for (String id : seriesIds()) {
            cli.add(cli("links", id));
            api.add(api("/api/series/" + id + "/links", 200));
        }
        check("links --json", cli);
        check("GET /api/series/{id}/links", api);
    }

    @Test
    void checks() throws Exception {
        List<JsonNode> cli = new ArrayList<>();
        List<JsonNode> api = new ArrayList<>();
        for (String id : seriesIds()) {
            cli.add(cli(ExitCode.NOT_FOUND, "check", id));
            api.add(api("/api/series/" + id + "/checks", 200));
        }
        check("check --json", cli);
        check("GET /api/series/{id}/checks", api);
    }

    @Test
    void together() throws Exception {
        check("together --json", List.of(cli("together"), cli("together", "list:linux-rdma")));
        check("GET /api/together", List.of(api("/api/together", 200), api("/api/together?q=list:linux-rdma", 200)));
    }

    /** The demo's five requests: clean and unclean ones, a volatile for-next with a conflict, a published ref. */
    @Test
    void pulls() throws Exception {
        JsonNode plain = cli(1, "pulls");
        assertTrue(plain.get("forNext").get("conflicts").size() > 0, "the demo's hns requests conflict");
        check("pulls --json", List.of(plain,
                cli(1, "pulls", "--daily", "--write-ref", "refs/heads/volatile-for-next")));
        check("fetch --json", List.of(cli("fetch", "--no-remotes")));
        check("GET /api/pulls", List.of(api("/api/pulls", 200)));
        JsonNode next = api("/api/for-next", 200);
        assertTrue(next.get("conflicts").size() > 0);
        check("GET /api/for-next", List.of(next));
    }

    @Test
    void sources() throws Exception {
        check("sources --json", List.of(cli("sources")));
        check("GET /api/sources", List.of(api("/api/sources", 200)));
    }

    @Test
    void threads() throws Exception {
        List<JsonNode> api = new ArrayList<>();
        for (String id : messageIds()) api.add(oneLevel(api("/api/threads/" + org.patchlane.web.Links.encode(id), 200)));
        check("GET /api/threads/{msgid}", api);
    }

    /**
     * A thread with every node below the root moved up to be the root's reply, its own replies emptied: the page
     * documents a node's fields once for the root and once for a reply, since every level below is the same node.
     */
    private static JsonNode oneLevel(JsonNode thread) {
        com.fasterxml.jackson.databind.node.ObjectNode out = thread.deepCopy();
        com.fasterxml.jackson.databind.node.ArrayNode below = JSON.createArrayNode();
        List<JsonNode> todo = new ArrayList<>();
        thread.get("thread").get("replies").forEach(todo::add);
        while (!todo.isEmpty()) {
            JsonNode n = todo.remove(0);
            n.get("replies").forEach(todo::add);
            below.add(((com.fasterxml.jackson.databind.node.ObjectNode) n.deepCopy()).set("replies", JSON.createArrayNode()));
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) out.get("thread")).set("replies", below);
        return out;
    }

    @Test
    void status() throws Exception {
        check("GET /api/status", List.of(api("/api/status", 200)));
    }

    @Test
    void apiErrors() throws Exception {
        check("error", List.of(api("/api/messages/nosuch@example.org", 404), api("/api/search?q=s:(", 400),
                api("/api/series/nosuch@example.org/links", 404), api("/api/series/nosuch@example.org/checks", 404),
                api("/api/together?q=s:(", 400), api("/api/threads/nosuch@example.org", 404)));
    }

    @Test
    void ingestAndReindex() throws Exception {
        Path fresh = tmp.resolve("fresh");
        Path mbox = tmp.resolve("demo.mbox");
        try (InputStream in = getClass().getResourceAsStream(DemoCommand.ARCHIVE)) {
            Files.copy(in, mbox);
        }
        CliRun ingest = CliRun.of("ingest", "--json", "--data", fresh.toString(), mbox.toString());
        assertEquals(0, ingest.code(), ingest.err());
        check("ingest --json", List.of(JSON.readTree(ingest.out())));
        CliRun reindex = CliRun.of("reindex", "--json", "--data", fresh.toString());
        assertEquals(0, reindex.code(), reindex.err());
        check("reindex --json", List.of(JSON.readTree(reindex.out())));
    }

    /** The demo's last week has a line in every section of the digest. */
    @Test
    void digest() throws Exception {
        check("digest --json", List.of(cli("digest", "--week", "2026-W48")));
    }

    @Test
    void genArchive() throws Exception {
        CliRun r = CliRun.of("gen-archive", "--json", "--messages", "50", tmp.resolve("gen.mbox").toString());
        assertEquals(0, r.code(), r.err());
        check("gen-archive --json", List.of(JSON.readTree(r.out())));
    }

    /** {@code bench web} takes seconds on the demo: its JSON is checked as it comes out, with a load run. */
    @Test
    void benchWeb() throws IOException {
        Path own = CliRun.demo(tmp.resolve("bench-web"));
        CliRun r = CliRun.of("bench", "web", "--json", "--data", own.toString(), "--requests", "1", "--queries", "2",
                "--load", "1s", "--concurrency", "1", "--ingest-messages", "50");
        assertEquals(0, r.code(), r.err());
        check("bench web --json", List.of(JSON.readTree(r.out())));
    }

    /** The bench figures take minutes to measure; their JSON is the records' components, as Jackson writes them. */
    @Test
    void bench() {
        Map<String, Class<?>> shapes = Map.of("bench ingest --json", BenchCommand.IngestBench.class,
                "bench search --json", QueryBench.Report.class, "bench acks --json", BenchCommand.AcksBench.class,
                "bench imap --json", BenchCommand.ImapBench.class, "bench digest --json", BenchCommand.DigestBench.class,
                "bench merged --json", MergedBench.Figures.class, "bench search figures",
                QueryBench.Figures.class);
        shapes.forEach((section, type) -> {
            Set<String> real = new TreeSet<>();
            for (var c : type.getRecordComponents()) real.add(c.getName());
            assertEquals(real, documented.get(section), "`" + section + "` in docs/json.md");
        });
    }
}
