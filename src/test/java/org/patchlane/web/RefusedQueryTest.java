package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queries the search refuses (an unknown value of a closed vocabulary, more clauses than the engine allows) answer
 * 400 with the message on every route that takes a query, never a 500.
 */
class RefusedQueryTest {
    @TempDir
    static Path dir;
    static TinyArchive archive;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String LIMIT = "more clauses than the " + IndexSearcher.getMaxClauseCount();
    /** Series queries also take kind:infrastructure, driver and other. */
    static final String SERIES_KIND = "unknown value 'banana' for kind: (known: infrastructure, driver, other for "
            + "series; patch, cover, reply, pull, other for messages)";

    @BeforeAll
    static void start() throws IOException {
        archive = new TinyArchive(dir);
    }

    @AfterAll
    static void stop() throws IOException {
        archive.close();
    }

    /** {@code n} words joined by {@code glue}. */
    static String words(int n, String glue) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add("w" + i);
        return String.join(glue, out);
    }

    /** query, part of the message */
    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("kind:banana", "unknown value 'banana' for kind: (known: patch, cover, reply, pull, other)"),
                Arguments.of("flag:nonsense", "unknown value 'nonsense' for flag: (known: parse_error,"),
                Arguments.of("check:nope", "unknown value 'nope' for check: (known: signoff,"),
                Arguments.of("state:bogus", "unknown value 'bogus' for state: (known: new, under-review,"),
                // Refused at search time: 400 bare words search 1,200 fields.
                Arguments.of(words(400, " OR "), LIMIT),
                // Refused while parsing: one boolean query of more clauses than the limit.
                Arguments.of(words(IndexSearcher.getMaxClauseCount() + 1, " "), LIMIT));
    }

    static Stream<Arguments> routes() {
        List<Arguments> out = new ArrayList<>();
        for (String route : List.of("/search", "/api/search", "/series", "/api/series", "/all/",
                "/all/?x=m", "/linux-rdma/?x=m&t=1", "/series.atom")) {
            refused().forEach(a -> out.add(Arguments.of(route, a.get()[0], route.contains("series")
                    && a.get()[0].equals("kind:banana") ? SERIES_KIND : a.get()[1])));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("routes")
    void answers400WithTheMessage(String route, String query, String message) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(archive.base + route + (route.contains("?") ? "&" : "?") + "q="
                + query.replace(" ", "+").replace(":", "%3A"))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode(), r::body);
        if (route.startsWith("/api/")) {
            JsonNode error = JSON.readTree(r.body()).get("error");
            assertTrue(error.asText().contains(message), r::body);
        } else {
            assertTrue(r.body().contains(message), r::body);
        }
    }
}
