package org.patchlane.patch;

import org.junit.jupiter.api.Test;
import org.patchlane.mail.Address;
import org.patchlane.mail.BodyText;
import org.patchlane.mail.Mail;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchAnalyzerTest {

    static Mail mail(String subject, List<String> inReplyTo, String text, List<String> attachments) {
        String own = Arrays.stream(text.split("\n", -1)).filter(l -> !l.startsWith(">"))
                .collect(Collectors.joining("\n"));
        String quoted = Arrays.stream(text.split("\n", -1)).filter(l -> l.startsWith(">"))
                .collect(Collectors.joining("\n"));
        return new Mail("id@example.org", inReplyTo, inReplyTo, new Address("Ann Author", "ann@example.org"),
                List.of(), List.of(), "linux-watchdog.vger.kernel.org", null, subject,
                new BodyText(text, own, quoted, attachments), Set.of(), List.of());
    }

    @Test
    void patchMail() {
        String body = DiffsTest.fixture("modify-with-signature.patch");
        body = body.substring(body.indexOf("\n\n") + 2) + "base-commit: 0123456789abcdef0123456789abcdef01234567\n";
        Analysis a = PatchAnalyzer.analyze(mail("[PATCH v2 1/3] watchdog: fix timeout units",
                List.of("cover@example.org"), body, List.of()));
        assertEquals(MessageKind.PATCH, a.kind());
        assertEquals(2, a.tags().version());
        assertNotNull(a.diff());
        assertEquals(List.of("drivers/watchdog/foo_wdt.c"), a.diff().files().stream().map(FileDiff::path).toList());
        assertEquals(PatchId.compute(body), a.diff().patchId());
        assertEquals(List.of("Signed-off-by"), a.trailers().stream().map(Trailer::kind).toList());
        assertEquals("0123456789abcdef0123456789abcdef01234567", a.markers().baseCommit());
        assertNull(a.pull());
        assertTrue(a.problems().isEmpty());
    }

    @Test
    void replyWithOwnAndQuotedTrailers() {
        String body = """
                On Mon, Ann Author wrote:
                > Signed-off-by: Ann Author <ann@example.org>
                > ---
                > diff --git a/x b/x

                Looks good.

                Reviewed-by: Jason Gunthorpe <jgg@nvidia.com> # for the mlx5 part
                """;
        Analysis a = PatchAnalyzer.analyze(mail("Re: [PATCH v2 1/3] watchdog: fix", List.of("p1@example.org"),
                body, List.of()));
        assertEquals(MessageKind.REPLY, a.kind());
        assertNull(a.diff());
        assertEquals(2, a.trailers().size());
        assertTrue(a.trailers().get(0).quoted());
        assertFalse(a.trailers().get(1).quoted());
        assertEquals("for the mlx5 part", a.trailers().get(1).comment());
    }

    @Test
    void attachedPatchCountsAsTheDiff() {
        String attachment = DiffsTest.fixture("add-delete-mode.patch");
        Analysis a = PatchAnalyzer.analyze(mail("[PATCH] watchdog: new driver", List.of(),
                "Driver attached.\n\nSigned-off-by: Ann Author <ann@example.org>\n", List.of(attachment)));
        assertEquals(MessageKind.PATCH, a.kind());
        assertEquals(4, a.diff().files().size());
        assertEquals(List.of("new_wdt_ping"), a.exports());
    }

    @Test
    void driverPatchCarriesItsSymbolsAndDependencies() {
        String body = "net/mlx5: Register mlx5 devices to auxiliary virtual bus\n\n"
                + "This depends on the auxiliary bus series, see\n"
                + "<20201203184432.1234-1-dave.ertman@intel.com>.\n\n"
                + "Signed-off-by: Leon Romanovsky <leonro@nvidia.com>\n---\n"
                + DiffsTest.fixture("symbols-driver-mlx5-auxiliary.patch");
        Analysis a = PatchAnalyzer.analyze(mail("[PATCH 2/2] net/mlx5: auxiliary bus", List.of(), body, List.of()));
        assertTrue(a.symbols().used().contains("auxiliary_device_init"));
        assertEquals(List.of(new DependencyRef(DependencyRef.Kind.PROSE, DependencyRef.Form.MESSAGE_ID,
                "20201203184432.1234-1-dave.ertman@intel.com",
                "This depends on the auxiliary bus series, see <20201203184432.1234-1-dave.ertman@intel.com>.")),
                a.dependencies());
    }

    @Test
    void aReplyQuotingAPatchHasNoSymbolsNorDependencies() {
        StringBuilder quoted = new StringBuilder("On Mon, Ann wrote:\n> This depends on "
                + "<20201203184432.1234-1-dave.ertman@intel.com>.\n");
        for (String line : DiffsTest.fixture("symbols-infra-auxiliary-bus.patch").split("\n")) {
            quoted.append("> ").append(line).append('\n');
        }
        Analysis a = PatchAnalyzer.analyze(mail("Re: [PATCH 1/2] driver core: auxiliary bus", List.of("p@x"),
                quoted + "\nLooks good.\n", List.of()));
        assertSame(Symbols.NONE, a.symbols());
        assertEquals(List.of(), a.exports());
        assertEquals(List.of(), a.dependencies());
    }

    @Test
    void pullRequestMail() {
        String body = PullRequestTest.request(PullRequestTest.AVAILABLE,
                "  git://git.kernel.org/pub/scm/linux/kernel/git/rdma/rdma.git tags/for-linus", true);
        Analysis a = PatchAnalyzer.analyze(mail("[GIT PULL] RDMA fixes for 6.13-rc2", List.of(), body, List.of()));
        assertEquals(MessageKind.PULL, a.kind());
        assertEquals("tags/for-linus", a.pull().ref());
        assertTrue(a.tags().pull());
    }

    @Test
    void coverLetterWithMarkers() {
        String body = "This series adds X.\n\nAnn Author (2):\n  x: a\n  x: b\n\n---\n"
                + "change-id: 20241208-x-0123456789ab\n";
        Analysis a = PatchAnalyzer.analyze(mail("[PATCH v2 0/2] x: add X", List.of(), body, List.of()));
        assertEquals(MessageKind.COVER, a.kind());
        assertEquals("20241208-x-0123456789ab", a.markers().changeId());
        assertNull(a.diff());
    }

    @Test
    void truncatedDiffIsReportedNotThrown() {
        Analysis a = PatchAnalyzer.analyze(mail("[PATCH] x", List.of(), DiffsTest.fixture("truncated.patch"),
                List.of()));
        assertEquals(MessageKind.PATCH, a.kind());
        assertEquals(1, a.problems().size());
    }

    @Test
    void emptyMailIsOther() {
        Mail m = new Mail("id", List.of(), List.of(), new Address("", ""), List.of(), List.of(), null, null, "",
                BodyText.EMPTY, Set.of(), List.of());
        Analysis a = PatchAnalyzer.analyze(m);
        assertEquals(MessageKind.OTHER, a.kind());
        assertSame(Markers.NONE, a.markers());
    }
}
