package org.patchlane.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FetcherTest {
    @TempDir
    Path tmp;

    @Test
    void fetchesAnAnnouncedTagOrBranchOfAFileUrlIntoAPrivateRef() throws Exception {
        String branchTip, tagged;
        try (TestRepo sender = TestRepo.init(tmp.resolve("rdma"))) {
            sender.commit(RepoTest.LINUS, "base", Map.of("a", "a\n"));
            tagged = sender.commit(RepoTest.LEON, "RDMA/mlx5: one", Map.of("b", "b\n"));
            sender.tag("for-linus-6.20", tagged, true);
            branchTip = sender.commit(RepoTest.LEON, "RDMA/mlx5: two", Map.of("c", "c\n"));
            sender.branch("for-next", branchTip);
        }
        Git.init().setBare(true).setDirectory(tmp.resolve("mine.git").toFile()).call().close();
        try (Repo r = Repo.open(tmp.resolve("mine.git"))) {
            Fetcher f = new Fetcher(r);
            String url = tmp.resolve("rdma").toUri().toString();
            Fetcher.Fetched tag = f.fetch(url, "for-linus-6.20", "refs/patchlane/pulls/a").orElseThrow();
            assertEquals("refs/tags/for-linus-6.20", tag.remoteRef());
            assertEquals(tagged, tag.commit(), "a signed tag is peeled to the commit it names");
            Fetcher.Fetched branch = f.fetch(url, "for-next", "refs/patchlane/pulls/b").orElseThrow();
            assertEquals("refs/heads/for-next", branch.remoteRef());
            assertEquals(branchTip, r.resolve("refs/patchlane/pulls/b").orElseThrow());
            assertTrue(r.resolve("for-next").isEmpty(), "the sender's branch is not one of ours");
            assertTrue(f.fetch(url, "no-such-ref", "refs/patchlane/pulls/c").isEmpty());
            assertThrows(IOException.class, () -> f.fetch(tmp.resolve("nowhere").toUri().toString(), "x",
                    "refs/patchlane/pulls/d"));
        }
    }

    @Test
    void fetchesTheRepositorysOwnRemotes() throws Exception {
        String tip;
        try (TestRepo upstream = TestRepo.init(tmp.resolve("torvalds"))) {
            tip = upstream.commit(RepoTest.LINUS, "Linux 6.20", Map.of("a", "a\n"));
            upstream.tag("v6.20", tip, true);
        }
        try (Git clone = Git.cloneRepository().setURI(tmp.resolve("torvalds").toUri().toString())
                .setDirectory(tmp.resolve("linux").toFile()).call()) {
            clone.getRepository();
        }
        String next;
        try (TestRepo upstream = TestRepo.init(tmp.resolve("torvalds"))) {
            next = upstream.commit(RepoTest.LINUS, "Linux 6.21-rc1", Map.of("a", "b\n"));
            upstream.tag("v6.21-rc1", next, false);
        }
        try (Repo r = Repo.open(tmp.resolve("linux"))) {
            assertEquals(List.of("origin"), new Fetcher(r).fetchRemotes());
            assertEquals(next, r.resolve("refs/remotes/origin/master").orElseThrow());
            assertEquals(next, r.resolve("v6.21-rc1").orElseThrow(), "tags come too: the cut-off needs them");
        }
    }

    @ParameterizedTest
    @CsvSource({
            "for-next, refs/heads/for-next",
            "tags/for-linus, refs/tags/for-linus",
            "refs/heads/for-next, refs/heads/for-next",
            "for-linus, refs/tags/for-linus",
            "' for-next ', refs/heads/for-next",
    })
    void aRequestsRefIsMatchedToWhatTheRemoteAdvertises(String ref, String expected) {
        var advertised = new java.util.HashMap<String, org.eclipse.jgit.lib.Ref>();
        for (String name : List.of("refs/heads/for-next", "refs/tags/for-linus", "refs/heads/for-linus-old"))
            advertised.put(name, new org.eclipse.jgit.lib.ObjectIdRef.Unpeeled(org.eclipse.jgit.lib.Ref.Storage.NETWORK,
                    name, org.eclipse.jgit.lib.ObjectId.zeroId()));
        assertEquals(expected, Fetcher.advertisedName(advertised, ref).orElseThrow());
    }
}
