package org.patchlane.patch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchlane.mail.Address;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrailersTest {

    /** line | kind | name | email | comment (- none) | quoted */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Signed-off-by: Jason Gunthorpe <jgg@nvidia.com>                    | Signed-off-by | Jason Gunthorpe | jgg@nvidia.com | - | false
            Reviewed-by: Jason Gunthorpe <jgg@nvidia.com> # for the mlx5 part  | Reviewed-by | Jason Gunthorpe | jgg@nvidia.com | for the mlx5 part | false
            Acked-by: Jason Gunthorpe <jgg@xxxxxxxxxx>                         | Acked-by | Jason Gunthorpe | jgg@xxxxxxxxxx | - | false
            Tested-by: Someone <SOMEONE@Example.COM>                           | Tested-by | Someone | someone@example.com | - | false
            Reviewed-by: "Gustavo A. R. Silva" <gustavo@embeddedor.com>        | Reviewed-by | Gustavo A. R. Silva | gustavo@embeddedor.com | - | false
            Acked-by: "Doe, Jane" <jane@example.org>                           | Acked-by | Doe, Jane | jane@example.org | - | false
            Reviewed-by: jane@example.org                                      | Reviewed-by | `` | jane@example.org | - | false
            Reviewed-by: jane@example.org (Jane Doe)                           | Reviewed-by | Jane Doe | jane@example.org | - | false
            Acked-by: Jane Doe jane@example.org                                | Acked-by | Jane Doe | jane@example.org | - | false
            Acked-by: Linus                                                    | Acked-by | Linus | `` | - | false
            Acked-by: Lee Jones <lee@kernel.org> [for patches 1-3]             | Acked-by | Lee Jones | lee@kernel.org | for patches 1-3 | false
            Acked-by: Lee Jones <lee@kernel.org> (for the MFD part)            | Acked-by | Lee Jones | lee@kernel.org | for the MFD part | false
            Reviewed-by: HTML Junker <html-junker@example.com<mailto:html-junker@example.com>> | Reviewed-by | HTML Junker | html-junker@example.com | - | false
            Reviewed-by: Followup Reviewer1 (corporate) <r1@example.com>       | Reviewed-by | Followup Reviewer1 (corporate) | r1@example.com | - | false
            reviewed-by: lower case <lc@example.com>                           | Reviewed-by | lower case | lc@example.com | - | false
            SIGNED-OFF-BY: Upper Case <uc@example.com>                         | Signed-off-by | Upper Case | uc@example.com | - | false
            Co-developed-by: Dev Two <two@example.com>                         | Co-developed-by | Dev Two | two@example.com | - | false
            Suggested-by: Sug <sug@example.com>                                | Suggested-by | Sug | sug@example.com | - | false
            Reported-by: kernel test robot <lkp@intel.com>                     | Reported-by | kernel test robot | lkp@intel.com | - | false
            Reported-and-tested-by: Rep Tester <rt@example.com>                | Reported-and-tested-by | Rep Tester | rt@example.com | - | false
            Reported-And-Tested-By: Rep Tester <rt@example.com>                | Reported-and-tested-by | Rep Tester | rt@example.com | - | false
            Nacked-by: No Way <no@example.com>                                 | Nacked-by | No Way | no@example.com | - | false
            Cc: stable@vger.kernel.org # 5.10+                                 | Cc | `` | stable@vger.kernel.org | 5.10+ | false
            CC: Some One <one@example.com>                                     | Cc | Some One | one@example.com | - | false
            Fixes: 0123456789ab ("watchdog: add driver")                       | Fixes | `` | `` | - | false
            Link: https://lore.kernel.org/r/20241208.1234-1-a@b.c              | Link | `` | `` | - | false
            Closes: https://bugzilla.kernel.org/show_bug.cgi?id=1              | Closes | `` | `` | - | false
            Message-Id: <20241208.1234-1-a@b.c>                                | Message-ID | `` | `` | - | false
            > Reviewed-by: Quoted Person <q@example.com>                       | Reviewed-by | Quoted Person | q@example.com | - | true
            >> Acked-by: Deep Quote <d@example.com>                            | Acked-by | Deep Quote | d@example.com | - | true
            > > Tested-by: Spaced Quote <s@example.com>                        | Tested-by | Spaced Quote | s@example.com | - | true
            `  > Signed-off-by: Indented Quote <i@example.com>`               | Signed-off-by | Indented Quote | i@example.com | - | true
            NAK                                                                | Nacked-by | `` | `` | - | false
            NACK.                                                              | Nacked-by | `` | `` | - | false
            nack                                                               | Nacked-by | `` | `` | - | false
            > NACK                                                             | Nacked-by | `` | `` | - | true
            Debugged-by: Deb <deb@example.com>                                 | Debugged-by | Deb | deb@example.com | - | false
            Regression-tested-by: Reg <reg@example.com>                        | Regression-tested-by | Reg | reg@example.com | - | false
            `Acked-by:   Extra Spaces   <es@example.com>   `                   | Acked-by | Extra Spaces | es@example.com | - | false
            """)
    void parsesTrailerLines(String line, String kind, String name, String email, String comment, boolean quoted) {
        List<Trailer> ts = Trailers.parse(line);
        assertEquals(1, ts.size(), ts.toString());
        Trailer t = ts.get(0);
        assertEquals(kind, t.kind());
        assertEquals(name == null ? "" : name, t.name());
        assertEquals(email == null ? "" : email, t.email());
        assertEquals(comment.equals("-") ? null : comment, t.comment());
        assertEquals(quoted, t.quoted());
        assertEquals(0, t.line());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "Note: this fixes the leak we saw",
            "Subject: [PATCH] watchdog: fix",
            "Date: Mon, 13 May 2019 12:48:55 +0200",
            "From: Wim Van Sebroeck <wim@linux-watchdog.org>",
            "To: Linus Torvalds <torvalds@linux-foundation.org>",
            "http://lists.infradead.org/mailman/listinfo/linux-arm-kernel",
            "https://lore.kernel.org/r/x@y",
            "Content-Type: text/plain; charset=us-ascii",
            "X-Mailer: git-send-email 2.39.5",
            "In-Reply-To: <abc@example.com>",
            "Reply-To: someone@example.com",
            "Signed-off-by:",
            "Acked-by:    ",
            "non-standard: lower-case unknown token",
            "base-commit: 0123456789abcdef0123456789abcdef01234567",
            "change-id: 20241208-foo-bar-0123456789ab",
            "prerequisite-patch-id: 0123456789abcdef0123456789abcdef01234567",
            "    Signed-off-by: Indented Prose <ip@example.com>",
            "+Signed-off-by: Added Line <al@example.com>",
            " Reviewed-by: context line <cl@example.com>",
            "Ends-with-dash-: x",
            "The NAK was unfair",
            "  NAK",
            "Acked-by Jane <no-colon@example.com>",
    })
    void ignoresProseAndHeaders(String line) {
        assertEquals(List.of(), Trailers.parse(line));
    }

    @Test
    void keepsOrderAndLineNumbers() {
        String text = """
                watchdog: fix

                Some words.

                Fixes: 0123456789ab ("x")
                Signed-off-by: A <a@example.com>
                > Reviewed-by: B <b@example.com>
                Acked-by: C <c@example.com>
                """;
        List<Trailer> ts = Trailers.parse(text);
        assertEquals(List.of("Fixes", "Signed-off-by", "Reviewed-by", "Acked-by"),
                ts.stream().map(Trailer::kind).toList());
        assertEquals(List.of(4, 5, 6, 7), ts.stream().map(Trailer::line).toList());
        assertTrue(ts.get(2).quoted());
        assertEquals(new Address("C", "c@example.com"), ts.get(3).person());
    }

    @Test
    void valueKeepsTheComment() {
        Trailer t = Trailers.parse("Reviewed-by: Jason Gunthorpe <jgg@nvidia.com> # for the mlx5 part").get(0);
        assertEquals("Jason Gunthorpe <jgg@nvidia.com> # for the mlx5 part", t.value());
    }

    @Test
    void nullTextHasNoTrailers() {
        assertEquals(List.of(), Trailers.parse(null));
    }

    /** body | name | email (- for null result) */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `From: Real Author <real@example.com>\\n\\nThe message.`                    | Real Author | real@example.com
            `\\n\\nFrom: Real Author <real@example.com>\\nSubject: x\\n\\nbody`         | Real Author | real@example.com
            `Subject: x\\nFrom: \\"Doe, J\\" <j@example.com>\\n\\nbody`                  | Doe, J | j@example.com
            `Date: Mon, 1 Jan 2024 00:00:00 +0000\\nFrom: d@example.com\\n\\nbody`      | `` | d@example.com
            `The message.\\nFrom: Not Leading <nl@example.com>`                         | - | -
            `Hi,\\n\\nFrom: Not Leading <nl@example.com>`                               | - | -
            `> From: Quoted <q@example.com>`                                            | - | -
            ``                                                                           | - | -
            """)
    void inBodyFrom(String body, String name, String email) {
        String text = body == null ? "" : body.replace("\\n", "\n").replace("\\\"", "\"");
        Address a = Trailers.inBodyFrom(text);
        if (email.equals("-")) {
            assertNull(a);
        } else {
            assertEquals(new Address(name, email), a);
        }
    }

    /** The regex {@link Trailers#quoteEnd} replaced. */
    private static final java.util.regex.Pattern QUOTE = java.util.regex.Pattern.compile("^(?:[ \\t]*>)+[ \\t]*");

    /** The matcher-free quote prefix ends where the regex it replaced ended, or says unquoted where it failed. */
    @ParameterizedTest(name = "[{index}] <{0}>")
    @ValueSource(strings = {"", "plain", ">", "> a", ">> a", "> > a", " \t> \t>\tAcked-by: X", ">>>", "a > b", " ",
            "\t", "  >", "> ", ">\t\t", "x>", " >x", "> >", ">  >  > Reviewed-by: Y <y@z>", "\u00a0> nbsp first"})
    void quotePrefixAsTheRegexFoundIt(String line) {
        java.util.regex.Matcher q = QUOTE.matcher(line);
        assertEquals(q.lookingAt() ? q.end() : -1, Trailers.quoteEnd(line));
    }
}
