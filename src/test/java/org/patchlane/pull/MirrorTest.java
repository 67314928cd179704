package org.patchlane.pull;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.patchlane.git.ConfigFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code [repo] mirror = URL-PREFIX LOCAL-PATH}: which URL is fetched from where. */
class MirrorTest {
    private static final Path BASE = Path.of("/srv/patchlane").toAbsolutePath();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // URL in the mail | fetched from (relative to BASE, or the URL itself)
            "https://git.kernel.org/pub/scm/linux/kernel/git/mellanox/linux.git | mirror/mellanox/linux.git",
            "https://git.kernel.org/pub/scm/linux/kernel/git/netdev/net-next.git | netdev-mirror/net-next.git",
            "https://git.kernel.org/pub/scm/linux/kernel/git//mellanox/linux.git | mirror/mellanox/linux.git",
            "https://git.kernel.org/pub/scm/linux/kernel/git/../../../../etc | https://git.kernel.org/pub/scm/linux/kernel/git/../../../../etc",
            "git://git.kernel.org/pub/scm/linux/kernel/git/mellanox/linux.git | git://git.kernel.org/pub/scm/linux/kernel/git/mellanox/linux.git",
            "https://github.com/torvalds/linux | https://github.com/torvalds/linux",
            "https://git.kernel.org/pub/scm/linux/kernel/git/ | mirror",
    })
    void mapsTheLongestPrefix(String url, String expected) throws Exception {
        RepoSettings s = settings("""
                [repo "linux"]
                \tpath = linux.git
                \tmirror = https://git.kernel.org/pub/scm/linux/kernel/git/ mirror/
                \tmirror = https://git.kernel.org/pub/scm/linux/kernel/git/netdev/ netdev-mirror
                """).get(0);
        String got = s.fetchUrl(url);
        String want = expected.contains("://") ? expected : BASE.resolve(expected).toUri().toString();
        assertEquals(want.replaceAll("/$", ""), got.replaceAll("/$", ""));
    }

    @Test
    void noMirrorFetchesTheUrlAndABadOneIsRefused() throws Exception {
        RepoSettings plain = settings("[repo \"linux\"]\n\tpath = linux.git\n").get(0);
        assertEquals(List.of(), plain.mirrors());
        assertEquals("https://example.org/x.git", plain.fetchUrl("https://example.org/x.git"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings("[repo \"linux\"]\n\tpath = linux.git\n\tmirror = https://example.org/\n"));
        assertTrue(e.getMessage().contains("URL-PREFIX LOCAL-PATH"), e.getMessage());
    }

    private static List<RepoSettings> settings(String text) throws Exception {
        Path f = java.nio.file.Files.createTempFile("mirror", ".conf");
        try {
            java.nio.file.Files.writeString(f, text);
            return RepoSettings.of(ConfigFile.read(f), BASE);
        } finally {
            java.nio.file.Files.delete(f);
        }
    }
}
