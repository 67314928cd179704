package org.patchlane.patch;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchlane.SharedData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every pull-request thread of the lore linux-watchdog samples: the first message holding request-pull output
 * parses with base, URL, ref and head. Reads the mboxrd files with a minimal split (the samples are 7-bit
 * plain text), skipped when ../shared is absent.
 */
class PullRequestCorpusTest {

    @TestFactory
    List<DynamicTest> firstRequestOfEachThreadParses() throws IOException {
        Path dir = SharedData.require("corpus/lore-linux-watchdog/samples/pull-requests");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".mbox")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            String body = firstRequestBody(Files.readString(f, StandardCharsets.ISO_8859_1));
            if (body == null) continue;
            tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                PullRequest pr = PullRequest.parse(body);
                assertNotNull(pr);
                assertNotNull(pr.base(), "base");
                assertNotNull(pr.url(), "url");
                assertNotNull(pr.ref(), "ref");
                assertNotNull(pr.head(), "head");
                assertFalse(pr.shortlog().isEmpty(), "shortlog");
                assertFalse(pr.files().isEmpty(), "diffstat");
            }));
        }
        assertFalse(tests.isEmpty());
        return tests;
    }

    /** patchwork's pull-request fixtures: file | url | ref | head (- when absent) */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            0001-git-pull-request.mbox | git://git.kernel.org/pub/scm/linux/kernel/git/benh/powerpc.git | next | -
            0002-git-pull-request-wrapped.mbox | git://git.kernel.org/pub/scm/linux/kernel/git/benh/powerpc.git | next | -
            0003-git-pull-request-with-diff.mbox | git://git.kernel.org/pub/scm/linux/kernel/git/tip/linux-2.6-tip.git | x86-fixes-for-linus | -
            0005-git-pull-request-ssh.mbox | ssh://git.kernel.org/pub/scm/linux/kernel/git/benh/powerpc.git | next | -
            0017-git-pull-request-git-2-14-3.mbox | git://git.kernel.org/pub/scm/linux/kernel/git/davem/net | - | ccc12b11c5332c84442ef120dcd631523be75089
            0024-git-pull-request-trailing-space.mbox | git://git.kernel.org/pub/scm/linux/kernel/git/nsekhar/linux-davinci.git | tags/davinci-for-v5.6/soc | 5e06d19694a463a012c2589e29078196eb209448
            """)
    void patchworkPullRequests(String file, String url, String ref, String head) throws IOException {
        Path p = SharedData.require("corpus/patchwork/mail/" + file);
        String mbox = Files.readString(p, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        PullRequest pr = PullRequest.parse(mbox.substring(mbox.indexOf("\n\n") + 2));
        assertNotNull(pr);
        assertNotNull(pr.base());
        assertEquals(url, pr.url());
        assertEquals(ref, pr.ref());
        assertEquals(head, pr.head());
        assertFalse(pr.shortlog().isEmpty());
    }

    /** The body of the first message with request-pull output, mboxrd {@code >From} unescaped, or null. */
    private static String firstRequestBody(String mbox) {
        for (String message : mbox.split("(?m)^From mboxrd@z .*\n")) {
            int blank = message.indexOf("\n\n");
            if (blank < 0) continue;
            String body = message.substring(blank + 2).replaceAll("(?m)^>(>*From )", "$1");
            if (body.contains("The following changes since commit")) return body;
        }
        return null;
    }
}
