package org.patchlane.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchlane.mail.Address;
import org.patchlane.patch.PullRequest;

class PullVersionsTest {
    static final Address SAEED = new Address("Saeed Mahameed", "saeed@kernel.org");
    static final Address PAOLO = new Address("Paolo Bonzini", "pbonzini@redhat.com");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[GIT PULL] mlx5 updates for 6.20                 | mlx5 updates for 6.20",
            "[GIT PULL v2] mlx5 updates for 6.20              | mlx5 updates for 6.20",
            "[GIT PULL] mlx5 updates for 6.20 (second try)    | mlx5 updates for 6.20",
            "[GIT PULL] mlx5 updates for 6.20 (v3)            | mlx5 updates for 6.20",
            "[RESEND][GIT PULL] mlx5 updates for 6.20          | mlx5 updates for 6.20",
            "[PULL 00/29] Block layer patches                 | block layer patches",
            "Re: [GIT PULL] mlx5  updates for 6.20            | mlx5 updates for 6.20",
            "[GIT PULL] mlx5 updates for 6.21                 | mlx5 updates for 6.21",
    })
    void aTitleDropsTagsRetryMarksAndCase(String subject, String title) {
        assertEquals(title, PullVersions.title(subject));
    }

    static PendingPull pull(String id, Address from, String subject, String url, String ref, int day) {
        return new PendingPull(id, subject, from, Instant.parse("2026-11-01T10:00:00Z").plusSeconds(86400L * day),
                "linux-rdma", new PullRequest("a".repeat(40), url, ref, "b".repeat(40), List.of(), List.of()));
    }

    static Map<String, String> versions(List<PullVersions.Versioned> chain) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (PullVersions.Versioned v : chain)
            out.put(v.request().messageId(), "v" + v.version() + (v.supersedes() == null ? "" : "<" + v.supersedes())
                    + (v.supersededBy() == null ? "" : ">" + v.supersededBy()));
        return out;
    }

    @Test
    void reSentRequestsAreLaterVersionsOfTheFirst() {
        String url = "https://git.kernel.org/pub/scm/linux/kernel/git/mellanox/linux.git";
        List<PendingPull> all = new ArrayList<>(List.of(
                pull("a", SAEED, "[GIT PULL] mlx5 updates for 6.20", url, "tags/mlx5-1", 0),
                pull("b", SAEED, "[GIT PULL v2] mlx5 updates for 6.20", url, "tags/mlx5-2", 1),
                pull("c", SAEED, "[GIT PULL] mlx5 updates for 6.20 (second try)", url, "tags/mlx5-3", 2),
                pull("d", SAEED, "[GIT PULL] mlx5 fixes for 6.20-rc3", url, "tags/mlx5-fixes", 3),
                pull("e", PAOLO, "[GIT PULL] mlx5 updates for 6.20", "https://gitlab.com/bonzini/qemu.git", "for-upstream", 4),
                pull("f", SAEED, "[GIT PULL] mlx5 fixes, again", url, "tags/mlx5-fixes", 5),
                pull("g", PAOLO, "[PULL 00/12] Misc patches", "https://gitlab.com/bonzini/qemu.git", "tags/misc-1", 6),
                pull("h", PAOLO, "[PULL 00/11] Misc patches, take two", "https://gitlab.com/bonzini/qemu.git", "tags/misc-2", 7)));
        var chain = PullVersions.chain(all, Map.of("h", List.of("g")), Set.of());
        assertEquals(Map.of("a", "v1>b", "b", "v2<a>c", "c", "v3<b", "d", "v1>f", "e", "v1", "f", "v2<d",
                "g", "v1>h", "h", "v2<g"), versions(chain),
                "title, retry mark, the same ref and a Supersedes line chain; another sender does not");
    }

    @Test
    void aMergedRequestIsNeverReplaced() {
        String url = "https://git.kernel.org/pub/scm/linux/kernel/git/rdma/rdma.git";
        var chain = PullVersions.chain(List.of(pull("a", SAEED, "[GIT PULL] rdma for-next", url, "for-next", 0),
                pull("b", SAEED, "[GIT PULL] rdma for-next", url, "for-next", 30)), Map.of(), Set.of("a"));
        assertEquals(Map.of("a", "v1", "b", "v1"), versions(chain), "the same branch sent again next cycle is new");
    }
}
