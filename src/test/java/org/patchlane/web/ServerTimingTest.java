package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every response says how long the server spent on it, pages, JSON and errors alike. */
class ServerTimingTest {
    private static final Pattern HEADER = Pattern.compile("app;dur=\\d+\\.\\d{3}(, cpu;dur=\\d+\\.\\d{3})?");

    @TempDir
    Path dir;

    @Test
    void pagesJsonAndErrorsCarryServerTiming() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (TinyArchive archive = new TinyArchive(dir)) {
            for (String path : new String[] {"/series", "/api/series", "/all/?q=s%3Amlx5",
                    "/linux-rdma/" + TinyArchive.PATCH_ID + "/T/", "/api/nothing", "/linux-rdma/nosuch@x/"}) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(archive.base + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                String header = r.headers().firstValue("Server-Timing").orElse("");
                assertTrue(HEADER.matcher(header).matches(), path + " (" + r.statusCode() + "): '" + header + "'");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"12.3456, 1.5, 'app;dur=12.346, cpu;dur=1.500'", "0, NaN, 'app;dur=0.000'",
            "1000, 999.9999, 'app;dur=1000.000, cpu;dur=1000.000'"})
    void headerValue(double wall, double cpu, String expected) {
        assertEquals(expected, ServerTiming.value(wall, cpu));
    }
}
