package org.patchlane.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchlane.mail.Address;

/** The sign-off rules, one case per row: author, sender, trailer chain → the failed checks. */
class SignoffCheckTest {
    private static final Address SHIRA = new Address("Shira Levi", "shiral@nvidia.com");
    private static final Address LEON = new Address("Leon Romanovsky", "leon@kernel.org");
    private static final Address ELAD = new Address("Elad Barkan", "ebarkan@nvidia.com");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("author signs off and sends", SHIRA, SHIRA, "Signed-off-by: Shira Levi <shiral@nvidia.com>",
                        List.of()),
                Arguments.of("author's sign-off missing", SHIRA, SHIRA, "Reviewed-by: Leon Romanovsky <leon@kernel.org>",
                        List.of("signoff-author")),
                Arguments.of("maintainer sends the author's patch (in-body From), signing off last", SHIRA, LEON,
                        "Signed-off-by: Shira Levi <shiral@nvidia.com>\nSigned-off-by: Leon Romanovsky <leon@kernel.org>",
                        List.of()),
                Arguments.of("the sender's sign-off is not last", SHIRA, SHIRA,
                        "Signed-off-by: Shira Levi <shiral@nvidia.com>\nSigned-off-by: Leon Romanovsky <leon@kernel.org>",
                        List.of("signoff-order")),
                Arguments.of("the sender does not sign off at all", SHIRA, LEON,
                        "Signed-off-by: Shira Levi <shiral@nvidia.com>", List.of("signoff-order")),
                Arguments.of("Co-developed-by followed by that person's sign-off", SHIRA, SHIRA,
                        "Co-developed-by: Elad Barkan <ebarkan@nvidia.com>\nSigned-off-by: Elad Barkan <ebarkan@nvidia.com>\n"
                                + "Signed-off-by: Shira Levi <shiral@nvidia.com>", List.of()),
                Arguments.of("Co-developed-by without the sign-off", SHIRA, SHIRA,
                        "Co-developed-by: Elad Barkan <ebarkan@nvidia.com>\nSigned-off-by: Shira Levi <shiral@nvidia.com>",
                        List.of("signoff-codev")),
                Arguments.of("Co-developed-by followed by someone else's sign-off", SHIRA, SHIRA,
                        "Co-developed-by: Elad Barkan <ebarkan@nvidia.com>\nSigned-off-by: Leon Romanovsky <leon@kernel.org>\n"
                                + "Signed-off-by: Shira Levi <shiral@nvidia.com>", List.of("signoff-codev")),
                Arguments.of("masked addresses match by name", new Address("Shira Levi", "shiral@xxxxxxxxxx"),
                        new Address("Shira Levi", "shiral@xxxxxxxxxx"), "Signed-off-by: Shira Levi <shiral@xxxxxxxxxx>",
                        List.of()),
                Arguments.of("a good Fixes: line", SHIRA, SHIRA,
                        "Fixes: 7b3c1e5d92af (\"RDMA/core: add it\")\nSigned-off-by: Shira Levi <shiral@nvidia.com>",
                        List.of()),
                Arguments.of("Fixes: with a short id", SHIRA, SHIRA,
                        "Fixes: 7b3c1e5 (\"RDMA/core: add it\")\nSigned-off-by: Shira Levi <shiral@nvidia.com>",
                        List.of("fixes")),
                Arguments.of("Fixes: without the subject", SHIRA, SHIRA,
                        "Fixes: 7b3c1e5d92af\nSigned-off-by: Shira Levi <shiral@nvidia.com>", List.of("fixes")),
                Arguments.of("everything wrong at once", SHIRA, LEON,
                        "Fixes: abc\nCo-developed-by: Elad Barkan <ebarkan@nvidia.com>\n"
                                + "Signed-off-by: Elad Barkan <ebarkan@nvidia.com>",
                        List.of("signoff-author", "signoff-order", "fixes")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void checks(String name, Address author, Address sender, String chain, List<String> expected) {
        List<String> got = SignoffCheck.check(author, sender, Trailers.parse(chain)).stream().map(Finding::check).toList();
        assertEquals(expected, got, name);
    }

    @org.junit.jupiter.api.Test
    void familiesGroupTheSignoffChecks() {
        assertEquals("signoff", new Finding("signoff-codev", "").family());
        assertEquals("fixes", new Finding("fixes", "").family());
        assertEquals(ELAD, Trailers.person("Elad Barkan <ebarkan@nvidia.com>"));
    }
}
