package org.patchlane.patch;

import org.junit.jupiter.api.Test;
import org.patchlane.mail.MailParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PullRequestTest {
    static final String BASE = "e42617b825f8073569da76dc4510bfa019b1c35a";
    static final String HEAD = "5e06d19694a463a012c2589e29078196eb209448";

    static String request(String available, String urlBlock, boolean withHead) {
        return "Hi Linus,\n\nPlease pull.\n\nThe following changes since commit " + BASE + ":\n\n"
                + "  Linux 6.13-rc1 (2024-12-01 14:28:56 -0800)\n\n" + available + "\n\n" + urlBlock + "\n\n"
                + (withHead ? "for you to fetch changes up to " + HEAD + ":\n\n"
                + "  RDMA/mlx5: Fix a leak (2024-12-05 10:00:00 -0400)\n\n" : "")
                + "----------------------------------------------------------------\n"
                + "RDMA fixes for 6.13-rc2\n"
                + "----------------------------------------------------------------\n"
                + "Jason Gunthorpe (2):\n      RDMA/core: Fix one\n      RDMA/core: Fix two\n\n"
                + "Leon Romanovsky (1):\n      RDMA/mlx5: Fix a leak\n\n"
                + " drivers/infiniband/core/device.c  | 12 +++++++-----\n"
                + " drivers/infiniband/hw/mlx5/main.c |  3 ++-\n"
                + " 2 files changed, 9 insertions(+), 6 deletions(-)\n";
    }

    static final String AVAILABLE = "are available in the Git repository at:";
    /** A maintainer's note inserted before {@link #AVAILABLE}, as seen on linux-rdma. */
    static final String TAG_NOTE = "(which corresponds to my tag rdma/for-7.1-rc2 that you pulled last week)";

    /** name, text, url, ref, head (null when absent) */
    static Stream<Arguments> shapes() {
        String url = "git://git.kernel.org/pub/scm/linux/kernel/git/rdma/rdma.git";
        return Stream.of(
                Arguments.of("modern", request(AVAILABLE, "  " + url + " tags/for-linus", true), url, "tags/for-linus", HEAD),
                Arguments.of("lower-case git repository",
                        request("are available in the git repository at:", "  " + url + " for-next", true), url, "for-next", HEAD),
                Arguments.of("ref on the next line", request(AVAILABLE, "  " + url + "\n  tags/for-linus", true), url, "tags/for-linus", HEAD),
                Arguments.of("URL wrapped after a slash",
                        request(AVAILABLE, "  git://git.kernel.org/pub/scm/linux/kernel/git/\n  rdma/rdma.git tags/for-linus", true),
                        url, "tags/for-linus", HEAD),
                Arguments.of("URL without ref", request(AVAILABLE, "  " + url + " ", true), url, null, HEAD),
                Arguments.of("ssh URL", request(AVAILABLE, "  ssh://git@gitolite.kernel.org/pub/scm/x.git tags/y", true),
                        "ssh://git@gitolite.kernel.org/pub/scm/x.git", "tags/y", HEAD),
                Arguments.of("scp-like URL", request(AVAILABLE, "  git@github.com:acme/linux.git acme-next", true),
                        "git@github.com:acme/linux.git", "acme-next", HEAD),
                Arguments.of("https URL", request(AVAILABLE, "  https://git.kernel.org/pub/scm/x.git tags/y-6.13", true),
                        "https://git.kernel.org/pub/scm/x.git", "tags/y-6.13", HEAD),
                Arguments.of("old format without head", request(AVAILABLE, "  " + url + " next", false), url, "next", null),
                Arguments.of("trailing spaces everywhere",
                        request(AVAILABLE, "  " + url + " tags/for-linus", true).replace("\n", "    \n"), url, "tags/for-linus", HEAD),
                Arguments.of("CRLF line ends",
                        request(AVAILABLE, "  " + url + " tags/for-linus", true).replace("\n", "\r\n"), url, "tags/for-linus", HEAD),
                Arguments.of("hand-edited 'are available at'",
                        request("are available at:", "  " + url + " tags/for-linus", true), url, "tags/for-linus", HEAD),
                Arguments.of("oldest git's 'are found'",
                        request("are found in the git repository at:", "  " + url + " for-next", true), url, "for-next", HEAD),
                Arguments.of("prose on the line before the sentence",
                        request(TAG_NOTE + "\n" + AVAILABLE, "  " + url + " tags/for-linus", true), url, "tags/for-linus", HEAD),
                Arguments.of("prose before the sentence on its line",
                        request(TAG_NOTE + " " + AVAILABLE, "  " + url + " tags/for-linus", true), url, "tags/for-linus", HEAD),
                Arguments.of("prose on the base commit's subject line",
                        request(AVAILABLE, "  " + url + " tags/for-linus", true).replace(
                                "-0800)\n\n" + AVAILABLE, "-0800) " + TAG_NOTE + " " + AVAILABLE),
                        url, "tags/for-linus", HEAD),
                Arguments.of("prose paragraph ending mid-line in the sentence",
                        request("I rebased onto -rc1 after the merge window, which is why\nthe base moved (it "
                                + "corresponds to my tag rdma/for-7.1-rc2) " + AVAILABLE, "  " + url + " tags/for-linus",
                                true), url, "tags/for-linus", HEAD),
                Arguments.of("sentence folded inside 'Git repository'",
                        request(TAG_NOTE + " are available in the Git\nrepository at:", "  " + url + " tags/for-linus",
                                true), url, "tags/for-linus", HEAD),
                Arguments.of("sentence folded after 'are'",
                        request(TAG_NOTE + " are\n  available in the Git repository at:", "  " + url + " tags/for-linus",
                                true), url, "tags/for-linus", HEAD),
                Arguments.of("sentence folded before 'at:', colon dropped",
                        request(TAG_NOTE + " are available in the Git repository\nat", "  " + url + " tags/for-linus",
                                true), url, "tags/for-linus", HEAD),
                Arguments.of("prose mid-line, repository on the next line without a blank line",
                        request(TAG_NOTE + " " + AVAILABLE + "\n  " + url + " tags/for-linus", "", true), url,
                        "tags/for-linus", HEAD),
                Arguments.of("prose mid-line, repository after the colon on the same line",
                        request(TAG_NOTE + " " + AVAILABLE + " " + url + " tags/for-linus", "", true), url,
                        "tags/for-linus", HEAD),
                Arguments.of("prose mid-line, ref on the next line",
                        request(TAG_NOTE + " " + AVAILABLE, "  " + url + "\n  tags/for-linus", true), url,
                        "tags/for-linus", HEAD),
                Arguments.of("prose mid-line, reworded 'are available in my tree at:'",
                        request(TAG_NOTE + " are available in my usual tree at:", "  " + url + " tags/for-linus", true),
                        url, "tags/for-linus", HEAD),
                Arguments.of("prose mid-line with tabs and CRLF",
                        request(TAG_NOTE + "\t" + AVAILABLE, "\t" + url + "\ttags/for-linus", true).replace("\n", "\r\n"),
                        url, "tags/for-linus", HEAD),
                Arguments.of("quoted sentence before the real one is skipped",
                        request("> " + TAG_NOTE + " " + AVAILABLE + "\n>   git://old/x.git old\n\n" + TAG_NOTE + " "
                                + AVAILABLE, "  " + url + " tags/for-linus", true), url, "tags/for-linus", HEAD),
                Arguments.of("wrapped base commit",
                        request(AVAILABLE, "  " + url + " tags/for-linus", true)
                                .replace("since commit " + BASE + ":", "since commit\n" + BASE + ":"),
                        url, "tags/for-linus", HEAD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void parsesShapes(String name, String text, String url, String ref, String head) {
        PullRequest pr = PullRequest.parse(text);
        assertEquals(BASE, pr.base());
        assertEquals(url, pr.url());
        assertEquals(ref, pr.ref());
        assertEquals(head, pr.head());
        assertEquals(List.of(new PullRequest.ShortlogEntry("Jason Gunthorpe", "RDMA/core: Fix one"),
                new PullRequest.ShortlogEntry("Jason Gunthorpe", "RDMA/core: Fix two"),
                new PullRequest.ShortlogEntry("Leon Romanovsky", "RDMA/mlx5: Fix a leak")), pr.shortlog());
        assertEquals(List.of("drivers/infiniband/core/device.c", "drivers/infiniband/hw/mlx5/main.c"), pr.files());
    }

    /**
     * A hand-edited request as a list delivers it: quoted-printable, its soft breaks splitting the inserted
     * sentence and the ref. Parsed as ingest does (mail, then patch) with LF and with CRLF line ends.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("lineEnds")
    void handEditedQuotedPrintableRequestThroughTheMailParser(String name, String eol) {
        String raw = """
                From: Leon Romanovsky <leon@kernel.org>
                To: Linus Torvalds <torvalds@linux-foundation.org>
                Subject: [GIT PULL] Please pull RDMA subsystem changes
                Message-ID: <20261105100000.GA1@unreal>
                Date: Thu, 05 Nov 2026 10:00:00 +0200
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: quoted-printable

                Hi Linus,

                The following changes since commit e42617b825f8073569da76dc4510bfa019b1c35a:

                  Linux 7.1-rc1 (2026-11-01 14:28:56 -0800) (which corresponds to my tag rd=
                ma/for-7.1-rc2 that you pulled last week) are available in the Git reposito=
                ry at:

                  git://git.kernel.org/pub/scm/linux/kernel/git/rdma/rdma.git tags/for-linu=
                s-rdma-7.1-rc3

                for you to fetch changes up to 5e06d19694a463a012c2589e29078196eb209448:

                  RDMA/mlx5: Fix a leak (2026-11-05 10:00:00 -0400)

                ----------------------------------------------------------------
                Leon Romanovsky (1):
                      RDMA/mlx5: Fix a leak

                 drivers/infiniband/hw/mlx5/main.c | 3 ++-
                 1 file changed, 2 insertions(+), 1 deletion(-)
                """.replace("\n", eol);
        Analysis a = PatchAnalyzer.analyze(MailParser.parse(raw.getBytes(StandardCharsets.US_ASCII), null, false));
        PullRequest pr = a.pull();
        assertNotNull(pr);
        assertEquals(MessageKind.PULL, a.kind());
        assertEquals(BASE, pr.base());
        assertEquals("git://git.kernel.org/pub/scm/linux/kernel/git/rdma/rdma.git", pr.url());
        assertEquals("tags/for-linus-rdma-7.1-rc3", pr.ref());
        assertEquals(HEAD, pr.head());
        assertEquals(List.of(new PullRequest.ShortlogEntry("Leon Romanovsky", "RDMA/mlx5: Fix a leak")), pr.shortlog());
        assertEquals(List.of("drivers/infiniband/hw/mlx5/main.c"), pr.files());
    }

    static Stream<Arguments> lineEnds() {
        return Stream.of(Arguments.of("LF", "\n"), Arguments.of("CRLF", "\r\n"));
    }

    @Test
    void oldGitListsTheBaseCommitAsAShortlogGroupWhichIsNotPartOfThePull() {
        String text = "The following changes since commit " + BASE + ":\n"
                + "  Linus Torvalds (1):\n        Merge branch 'x'\n\n"
                + "are available in the git repository at:\n\n"
                + "  git://git.kernel.org/pub/scm/linux/kernel/git/benh/powerpc.git next\n\n"
                + "Andreas Schwab (1):\n      powerpc: Remove fpscr use\n\n"
                + " arch/powerpc/Kconfig |    2 +-\n 1 files changed, 1 insertions(+), 1 deletions(-)\n";
        PullRequest pr = PullRequest.parse(text);
        assertEquals(List.of(new PullRequest.ShortlogEntry("Andreas Schwab", "powerpc: Remove fpscr use")),
                pr.shortlog());
        assertEquals(List.of("arch/powerpc/Kconfig"), pr.files());
    }

    @Test
    void missingFieldsAreReported() {
        List<ParseProblem> problems = new ArrayList<>();
        PullRequest pr = PullRequest.parse(request(AVAILABLE, "  git://x/y.git z", false), problems);
        assertNull(pr.head());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().contains("head"));
    }

    @Test
    void diffstatStopsAtItsSummaryAndBinaryAndRenamedFilesCount() {
        String text = request(AVAILABLE, "  git://x/y.git z", true).replace(
                " 2 files changed", " fw/blob.bin                       | Bin 0 -> 12 bytes\n"
                        + " lib/{a => b}.c                    |  0\n 4 files changed")
                + "\ndiff --git a/extra b/extra\n";
        assertEquals(List.of("drivers/infiniband/core/device.c", "drivers/infiniband/hw/mlx5/main.c", "fw/blob.bin",
                "lib/{a => b}.c"), PullRequest.parse(text).files());
    }

    @Test
    void quotedRequestsAndProseAreNotPullRequests() {
        assertNull(PullRequest.parse("> The following changes since commit " + BASE + ":\n>\n"
                + "> are available in the Git repository at:\n"));
        assertNull(PullRequest.parse("Please pull my tree when you have time."));
        // Without a "following changes since" line the sentence must start a line, as git writes it.
        assertNull(PullRequest.parse("Thanks, the slides are available at:\n\n  https://example.org/talk.pdf\n"));
        assertNull(PullRequest.parse("The rebased patches are available in the git repository at:\n\n"
                + "  git://x/y.git z\n"));
        assertNull(PullRequest.parse(null));
    }
}
