package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.ingest.Analyzer;
import org.patchlane.store.Archive;
import org.patchlane.store.Searcher;

/** A message page links the http(s) URLs of the body with rel="noopener noreferrer", and nothing else. */
class MailLinksPageTest {
    static final String ID = "links-1@example.org";
    static final String MAIL = """
            From: Kees <kees@example.org>
            To: linux-hardening@vger.kernel.org
            Subject: [PATCH] fortify: links in a body
            Date: Tue, 03 Nov 2026 10:15:00 +0000
            Message-ID: <%s>

            Reported at https://bugzilla.kernel.org/show_bug.cgi?id=1&x=<b>2</b> today.
            Not a link: javascript:alert(document.cookie) nor data:text/html,<script>alert(1)</script>
            A "quote breaker": https://example.org/"onmouseover="alert(1)

            Link: https://lore.kernel.org/r/20261103.1-kees@example.org
            """.formatted(ID);

    @Test
    void bodyLinksAreHttpOnlyAndNoopener(@TempDir Path dir) throws Exception {
        try (Archive archive = Archive.open(dir)) {
            archive.add(Analyzer.analyze(MAIL.getBytes(StandardCharsets.UTF_8), null, false, "linux-hardening"));
            archive.commit(Map.of());
            try (Searcher searcher = archive.searcher()) {
                searcher.refresh();
                App app = new App(searcher);
                try {
                    String base = "http://127.0.0.1:" + app.start("127.0.0.1", 0).port();
                    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(base + Links.message("linux-hardening", ID))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, r.statusCode());
                    String page = r.body();
                    assertTrue(page.contains("<a href=\"https://lore.kernel.org/r/20261103.1-kees@example.org\" "
                            + "rel=\"noopener noreferrer\">https://lore.kernel.org/r/20261103.1-kees@example.org</a>"), page);
                    // The URL stops at '<'; the rest is escaped text.
                    assertTrue(page.contains("<a href=\"https://bugzilla.kernel.org/show_bug.cgi?id=1&amp;x=\" "
                            + "rel=\"noopener noreferrer\">https://bugzilla.kernel.org/show_bug.cgi?id=1&amp;x=</a>"
                            + "&lt;b&gt;2&lt;/b&gt; today."), page);
                    // A '"' ends the URL, so no attribute can be smuggled into the tag.
                    assertTrue(page.contains("<a href=\"https://example.org/\" rel=\"noopener noreferrer\">"
                            + "https://example.org/</a>\"onmouseover=\"alert(1)"), page);
                    assertFalse(page.contains("href=\"javascript"), page);
                    assertFalse(page.contains("href=\"data"), page);
                    assertFalse(page.contains("<script>alert"), page);
                    long links = page.split("rel=\"noopener noreferrer\"", -1).length - 1;
                    assertEquals(3, links, page);
                } finally {
                    app.stop();
                }
            }
        }
    }
}
