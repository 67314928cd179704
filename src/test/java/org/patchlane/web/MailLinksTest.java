package org.patchlane.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Links in mail lines: http(s) only, cut where mail text ends them. */
class MailLinksTest {
    /** The expected pieces: text as is, a link as {@code [text]}. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "no link here                                                        | no link here",
            "Link: https://lore.kernel.org/r/20261103101500.4412-1-leon@example.org | Link: [https://lore.kernel.org/r/20261103101500.4412-1-leon@example.org]",
            "Closes: https://bugzilla.kernel.org/show_bug.cgi?id=219876          | Closes: [https://bugzilla.kernel.org/show_bug.cgi?id=219876]",
            "See http://example.org/a.                                           | See [http://example.org/a].",
            "(see https://example.org/x)                                         | (see [https://example.org/x])",
            "https://en.wikipedia.org/wiki/Foo_(bar)                             | [https://en.wikipedia.org/wiki/Foo_(bar)]",
            "<https://example.org/y>                                             | <[https://example.org/y]>",
            "~\"https://example.org/q\"~                                         | ~\"[https://example.org/q]\"~",
            "HTTPS://EXAMPLE.ORG/UP                                              | [HTTPS://EXAMPLE.ORG/UP]",
            "two: https://a.example/ and http://b.example/c,                     | two: [https://a.example/] and [http://b.example/c],",
            "> quoted https://git.kernel.org/torvalds/c/0123456789ab             | > quoted [https://git.kernel.org/torvalds/c/0123456789ab]",
            "javascript:alert(1)                                                 | javascript:alert(1)",
            "x javascript://example.org/%0Aalert(1)                              | x javascript://example.org/%0Aalert(1)",
            "data:text/html,<script>alert(1)</script>                            | data:text/html,<script>alert(1)</script>",
            "file:///etc/passwd                                                  | file:///etc/passwd",
            "ftp://ftp.kernel.org/pub                                            | ftp://ftp.kernel.org/pub",
            "https:///no-host                                                    | https:///no-host",
            "https://exa mple.org                                                | [https://exa] mple.org",
            "xhttps://example.org/                                               | xhttps://example.org/",
            "git://git.kernel.org/pub/scm/linux/kernel/git/rdma/rdma.git         | git://git.kernel.org/pub/scm/linux/kernel/git/rdma/rdma.git",
    })
    void pieces(String line, String expected) {
        String got = MailLinks.split(line).stream()
                .map(p -> p.href() == null ? p.text() : "[" + p.text() + "]")
                .collect(Collectors.joining());
        assertEquals(expected, got);
        MailLinks.split(line).stream().filter(p -> p.href() != null).forEach(p -> assertEquals(p.text(), p.href()));
    }

    @ParameterizedTest
    @CsvSource({"''"})
    void emptyLineIsOnePiece(String line) {
        assertEquals(1, MailLinks.split(line).size());
    }
}
