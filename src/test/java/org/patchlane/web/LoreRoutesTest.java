package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.patchlane.web.LoreArchive.ACK;
import static org.patchlane.web.LoreArchive.HOSTILE;
import static org.patchlane.web.LoreArchive.REVIEW;
import static org.patchlane.web.LoreArchive.TESTED;
import static org.patchlane.web.LoreArchive.V1_COVER;
import static org.patchlane.web.LoreArchive.V1_PATCH1;
import static org.patchlane.web.LoreArchive.V1_PATCH2;
import static org.patchlane.web.LoreArchive.V1_THREAD;
import static org.patchlane.web.LoreArchive.V2_COVER;
import static org.patchlane.web.LoreArchive.V2_PATCH1;
import static org.patchlane.web.LoreArchive.V2_PATCH2;

/** The lore URLs b4 and lei use, answered as public-inbox answers them. */
class LoreRoutesTest {
    @TempDir
    static Path dir;
    static LoreArchive archive;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SEPARATOR = "From mboxrd@z Thu Jan  1 00:00:00 1970\n";
    private static final Pattern MID = Pattern.compile("(?m)^Message-ID: <([^>]+)>");
    private static final Pattern LIST_ID = Pattern.compile("(?m)^List-Id: <([^.>]+)");

    @BeforeAll
    static void start() throws IOException {
        archive = new LoreArchive(dir);
    }

    @AfterAll
    static void stop() throws IOException {
        archive.close();
    }

    static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(archive.base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(archive.base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** One message of a downloaded mbox: its bytes as written (quoted), and as stored (quoting undone). */
    record Part(String quoted, String raw) {
        String messageId() {
            Matcher m = MID.matcher(raw);
            return m.find() ? m.group(1) : "?";
        }

        String list() {
            Matcher m = LIST_ID.matcher(raw);
            return m.find() ? m.group(1) : "";
        }
    }

    /** The gzipped mboxrd split as {@code git mailsplit --mboxrd} splits it. */
    static List<Part> mbox(HttpResponse<byte[]> r) throws IOException {
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/gzip", r.headers().firstValue("content-type").orElse(""));
        byte[] plain;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            plain = in.readAllBytes();
        }
        String text = new String(plain, StandardCharsets.UTF_8);
        assertTrue(text.startsWith(SEPARATOR), text);
        List<Part> out = new ArrayList<>();
        for (String chunk : text.substring(SEPARATOR.length()).split("\n" + Pattern.quote(SEPARATOR), -1)) {
            assertTrue(chunk.endsWith("\n\n") || chunk.endsWith("\n"), chunk);
            String quoted = chunk.endsWith("\n\n") ? chunk.substring(0, chunk.length() - 1) : chunk;
            out.add(new Part(quoted, quoted.replaceAll("(?m)^>(>*From )", "$1")));
        }
        return out;
    }

    static List<String> ids(List<Part> parts) {
        return parts.stream().map(p -> p.messageId() + (p.list().equals("netdev") ? " (netdev)" : "")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/widgets/frob-v1-0@example.org/t.mbox.gz",
            "/widgets/frob-v1-2@example.org/t.mbox.gz",
            "/widgets/tested-1@example.org/t.mbox.gz",
            // '/' and '+' percent-encoded, as b4 (quote_plus) and lore's own links write them
            "/widgets/review%2F1%2Bx%40example.com/t.mbox.gz",
            "/widgets/review%2F1%2Bx%40example.com/t.mbox.gz/",
    })
    void threadMboxHoldsTheWholeThreadOfThatList(String path) throws Exception {
        HttpResponse<byte[]> r = get(path);
        List<Part> parts = mbox(r);
        assertEquals(V1_THREAD, ids(parts));
        assertEquals("inline; filename=PATCH-0-2-widget-fix-the-frob-leak.mbox.gz",
                r.headers().firstValue("content-disposition").orElse(""));
        for (Part p : parts) assertEquals(LoreArchive.source(p.messageId(), false), p.raw(), p.messageId());
    }

    /** b4 (requests) and lei (curl) accept gzip: the mbox must still come as the .gz file, not gzipped again. */
    @Test
    void theGzipFileIsNotCompressedAgain() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(archive.base + "/all/" + V1_COVER + "/t.mbox.gz"))
                .header("Accept-Encoding", "gzip, deflate").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("", r.headers().firstValue("content-encoding").orElse(""));
        assertEquals(7, mbox(r).size());
    }

    @Test
    void threadMboxQuotesFromLinesAsMboxrd() throws Exception {
        Part cover = mbox(get("/widgets/" + V1_COVER + "/t.mbox.gz")).get(0);
        assertTrue(cover.quoted().contains("\n>From me, and from everyone who hit this"), cover.quoted());
        assertTrue(cover.quoted().contains("\n>>From the old thread"), cover.quoted());
        assertFalse(cover.quoted().contains("\nFrom me"), cover.quoted());
    }

    @Test
    void allGivesEveryCopy() throws Exception {
        List<Part> parts = mbox(get("/all/" + V1_PATCH2 + "/t.mbox.gz"));
        // copies of one message by list name, as everywhere
        assertEquals(List.of(V1_COVER, V1_PATCH1 + " (netdev)", V1_PATCH1, V1_PATCH2, REVIEW, ACK, TESTED), ids(parts));
        assertEquals(LoreArchive.source(V1_PATCH1, true), parts.get(1).raw());
    }

    @Test
    void anotherListsThreadHoldsOnlyItsCopies() throws Exception {
        assertEquals(List.of(V1_PATCH1 + " (netdev)"), ids(mbox(get("/netdev/" + V1_PATCH1 + "/t.mbox.gz"))));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/widgets/nobody@example.org/t.mbox.gz, 404",
            "/nosuchlist/" + V1_COVER + "/t.mbox.gz, 404",
            "/all/nobody@example.org/t.mbox.gz, 404",
            "/nosuchlist/?q=frob&x=m, 404",
            "/nosuchlist/new.atom, 404",
            "/all/nobody@example.org/t.atom, 404",
            "/all/?q=s:nothinglikethis&x=m, 404",
            "/all/?q=s:(frob&x=m, 400",
            "/all/?q=nosuchprefix:x&x=m, 400",
            "/series.atom?q=s:(frob, 400",
    })
    void failures(String path, int status) throws Exception {
        assertEquals(status, get(path.replace("(", "%28")).statusCode(), path);
    }

    /** A bad query's message names its column in the query as typed, on a list as on all. */
    @Test
    void aBadQueryIsExplainedAsTyped() throws Exception {
        String api = new String(get("/api/search?q=s:%28frob").body(), StandardCharsets.UTF_8);
        String error = new com.fasterxml.jackson.databind.ObjectMapper().readTree(api).get("error").asText();
        assertTrue(error.contains("column"), error);
        for (String path : List.of("/widgets/?q=s:%28frob&x=m", "/all/?q=s:%28frob&x=m")) {
            HttpResponse<byte[]> r = post(path, "");
            assertEquals(400, r.statusCode());
            String page = new String(r.body(), StandardCharsets.UTF_8);
            assertTrue(page.contains(error.substring(0, error.indexOf("column") + 9)), page);
        }
    }

    /** Only lore's search is spared the CSRF token: any other POST of that shape needs it. */
    @Test
    void onlyASearchPostsWithoutAToken() throws Exception {
        assertEquals(200, post("/all/?q=s:frob&x=m", "").statusCode());
        assertEquals(200, post("/all/?q=s:frob", "").statusCode());
        for (String path : List.of("/all/", "/widgets/?x=m", "/digest", "/login?q=x", "/logout?q=x")) {
            assertEquals(403, post(path, "").statusCode(), path);
        }
    }

    @Test
    void noResultsIsLoresPlainNotFound() throws Exception {
        HttpResponse<byte[]> r = post("/all/?q=s:nothinglikethis&x=m", "");
        assertEquals(404, r.statusCode());
        assertEquals("No results found\n", new String(r.body(), StandardCharsets.UTF_8));
    }

    @Test
    void aListWithoutTheMessageRedirectsToOneWithIt() throws Exception {
        HttpResponse<byte[]> r = get("/netdev/" + V1_COVER + "/t.mbox.gz");
        assertEquals(302, r.statusCode());
        assertEquals(Links.message("widgets", V1_COVER) + "t.mbox.gz", r.headers().firstValue("location").orElse(""));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            // method | path | POST body | Message-IDs, newest first
            "GET  | /all/?q=s:frob+AND+kind:cover&x=m | | frob-v2-0@example.org, frob-v1-0@example.org",
            "POST | /all/?q=s:frob+AND+kind:cover&x=m | | frob-v2-0@example.org, frob-v1-0@example.org",
            "POST | /widgets/?q=s:frob+AND+kind:cover&x=m | | frob-v2-0@example.org, frob-v1-0@example.org",
            "GET  | /all/?q=m:frob-v1-1@example.org&x=m | | frob-v1-1@example.org (netdev), frob-v1-1@example.org",
            "GET  | /netdev/?q=m:frob-v1-1@example.org&x=m | | frob-v1-1@example.org (netdev)",
            // t=1, and lore's "full threads" form button (a POSTed x=), expand each hit to its thread
            "GET  | /widgets/?q=m:tested-1@example.org&x=m&t=1 | | "
                    + "frob-v1-0@example.org, frob-v1-1@example.org, frob-v1-2@example.org, review/1+x@example.com, ack-1@example.org, tested-1@example.org",
            "POST | /widgets/?q=m:tested-1@example.org&x=m | x=full | "
                    + "frob-v1-0@example.org, frob-v1-1@example.org, frob-v1-2@example.org, review/1+x@example.com, ack-1@example.org, tested-1@example.org",
            "POST | /widgets/?q=m:tested-1@example.org&x=m | x=0 | tested-1@example.org",
            "GET  | /widgets/?q=m:tested-1@example.org&x=m&t=0 | | tested-1@example.org",
            // the queries b4 am -c sends: the change-id, and subject + sender, from the cover's date on
            "POST | /all/?x=m&t=1&q=%28nq%3A%22change-id%3A+20261102-frob-leak-0123456789ab%22%29+AND+d%3A20261103.. | | "
                    + "frob-v2-0@example.org, frob-v2-1@example.org, frob-v2-2@example.org",
            // ... and b4 prep's, a bare phrase
            "POST | /all/?x=m&t=1&q=%22change-id%3A+20261102-frob-leak-0123456789ab%22 | | "
                    + "frob-v2-0@example.org, frob-v2-1@example.org, frob-v2-2@example.org, "
                    + "frob-v1-0@example.org, frob-v1-1@example.org (netdev), frob-v1-1@example.org, frob-v1-2@example.org, "
                    + "review/1+x@example.com, ack-1@example.org, tested-1@example.org",
            "POST | /all/?x=m&q=%28%28s%3A%22widget%3A+fix+the+frob+leak%22+AND+f%3A%22wendy%40example.org%22%29%29+AND+d%3A20261103.. | | "
                    + "frob-v2-0@example.org",
    })
    void searchResultsAsMbox(String method, String path, String body, String expected) throws Exception {
        HttpResponse<byte[]> r = method.equals("GET") ? get(path) : post(path, body == null ? "" : body);
        assertEquals(Arrays.asList(expected.split(", ")), ids(mbox(r)));
    }

    @Test
    void resultsAreNamedAsLoreNamesThem() throws Exception {
        assertEquals("inline; filename=results-s-frob.mbox.gz",
                get("/all/?q=s:frob&x=m").headers().firstValue("content-disposition").orElse(""));
        assertEquals("inline; filename=results-thread-s-frob.mbox.gz",
                get("/all/?q=s:frob&x=m&t=1").headers().firstValue("content-disposition").orElse(""));
    }

    @ParameterizedTest
    @CsvSource({"GET", "POST"})
    void withoutXmTheListPathIsTheSearchPage(String method) throws Exception {
        HttpResponse<byte[]> r = method.equals("GET") ? get("/widgets/?q=frob") : post("/widgets/?q=frob", "");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    }

    @ParameterizedTest
    @CsvSource({"/widgets/frob-v1-0@example.org/", "/widgets/frob-v1-0@example.org", "/all/review%2F1%2Bx%40example.com/"})
    void messagePageWithOrWithoutTrailingSlash(String path) throws Exception {
        HttpResponse<byte[]> r = get(path);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    }

    static Document atom(HttpResponse<byte[]> r) throws Exception {
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/atom+xml"));
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
    }

    static List<String> entryTexts(Document d, String element) {
        List<String> out = new ArrayList<>();
        NodeList entries = d.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            NodeList e = ((Element) entries.item(i)).getElementsByTagNameNS("http://www.w3.org/2005/Atom", element);
            out.add(e.getLength() == 0 ? "" : e.item(0).getTextContent());
        }
        return out;
    }

    @Test
    void newAtomEscapesHostileMail() throws Exception {
        HttpResponse<byte[]> r = get("/netdev/new.atom");
        Document d = atom(r);
        assertEquals("feed", d.getDocumentElement().getLocalName());
        assertEquals(List.of(LoreArchive.HOSTILE_SUBJECT, "[PATCH 1/2] widget: drop the frob reference on unplug"),
                entryTexts(d, "title"));
        assertEquals("Eve <b>Bold</b>", entryTexts(d, "name").get(0));
        assertEquals(0, d.getElementsByTagName("script").getLength());
        assertEquals(0, d.getElementsByTagName("img").getLength());
        assertTrue(entryTexts(d, "content").get(0).contains("<img src=x> ding & done"), entryTexts(d, "content").get(0));
        assertEquals(AtomFeed.uuid(HOSTILE), entryTexts(d, "id").get(0));
        assertEquals(archive.base + "/netdev/" + Links.encode(HOSTILE) + "/",
                ((Element) d.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(0))
                        .getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0).getAttributes()
                        .getNamedItem("href").getNodeValue());
    }

    @Test
    void allNewAtomHasEveryListNewestFirst() throws Exception {
        Document d = atom(get("/all/new.atom"));
        List<String> titles = entryTexts(d, "title");
        // ten messages: the cross-posted patch is one entry, as on lore's /all/
        assertEquals(10, titles.size(), titles.toString());
        assertEquals(10, new java.util.HashSet<>(entryTexts(d, "id")).size());
        assertEquals(LoreArchive.HOSTILE_SUBJECT, titles.get(0));
        assertEquals("[PATCH v2 2/2] widget: warn when a frob is still held", titles.get(1));
    }

    @Test
    void threadAtomHoldsTheThreadWithReplyLinks() throws Exception {
        Document d = atom(get("/widgets/" + V1_PATCH1 + "/t.atom"));
        assertEquals(6, entryTexts(d, "title").size());
        assertEquals(6, entryTexts(atom(get("/all/" + V1_PATCH1 + "/t.atom")), "title").size(), "one entry per message");
        NodeList replies = d.getElementsByTagNameNS("http://purl.org/syndication/thread/1.0", "in-reply-to");
        assertEquals(5, replies.getLength());
        assertEquals(AtomFeed.uuid(ACK), ((Element) replies.item(0)).getAttribute("ref"), "the newest, the Tested-by, answers the ack");
    }

    @Test
    void seriesAtomListsNewVersionsNewestFirst() throws Exception {
        Document d = atom(get("/series.atom?q=" + Links.encode("s:frob")));
        assertEquals(List.of("[PATCH v2] widget: fix the frob leak", "[PATCH] widget: fix the frob leak"), entryTexts(d, "title"));
        assertEquals(List.of("Wendy Core", "Wendy Core"), entryTexts(d, "name"));
        assertTrue(entryTexts(d, "content").get(0).contains("[PATCH v2 2/2] widget: warn when a frob is still held"));
        assertEquals(List.of(), entryTexts(atom(get("/series.atom?q=" + Links.encode("s:nothinglikethis"))), "title"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "[PATCH 0/2] widget: fix the frob leak | PATCH-0-2-widget-fix-the-frob-leak",
            "Re: [PATCH] a/b ..c | Re-PATCH-a-b-.c",
            "results-s:frob | results-s-frob",
            "...--x--... | x",
            "'' | no-subject",
            "<script> | script",
            "first line\\nsecond | first-line",
            "ünïcödé | n-c-d",
    })
    void mboxNames(String text, String name) {
        assertEquals(name, MboxName.of(text.replace("\\n", "\n")));
    }
}
