package org.patchlane.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.git.ConfigFile;
import org.patchlane.source.ImapAddress;
import org.patchlane.source.PathAddress;

class ConfiguredSourceTest {
    @TempDir
    Path tmp;

    private List<ConfiguredSource> parse(String text) throws IOException {
        Path f = tmp.resolve("patchlane.conf");
        Files.writeString(f, text);
        return ConfiguredSource.all(ConfigFile.read(f));
    }

    @Test
    void readsSourcesInNameOrderWithDefaults() throws IOException {
        List<ConfiguredSource> all = parse("""
                [core]
                \tdata = index
                [source "linux-rdma"]
                \turl = imaps://me@imap.example.org/lists/linux-rdma   ; a comment
                \tlist = linux-rdma
                \tpasswordFile = ~/.config/patchlane/imap-pass
                \tinterval = 120
                [source "watchdog"]
                \turl = "/srv/lore/linux-watchdog"
                \tstarttls = false
                """);
        assertEquals(List.of("linux-rdma", "watchdog"), all.stream().map(ConfiguredSource::name).toList());
        ConfiguredSource rdma = all.get(0);
        assertEquals("imaps://me@imap.example.org/lists/linux-rdma", rdma.url());
        assertEquals(Path.of(System.getProperty("user.home"), ".config/patchlane/imap-pass"), rdma.passwordFile());
        assertEquals(Duration.ofSeconds(120), rdma.interval());
        ConfiguredSource wd = all.get(1);
        assertNull(wd.list());
        assertEquals(ConfiguredSource.INTERVAL, wd.interval());
        assertTrue(wd.plainText());
        assertInstanceOf(PathAddress.class, wd.address(Map.of()));
    }

    @Test
    void passwordsComeFromTheFileElseTheEnvironment() throws IOException {
        Path pw = tmp.resolve("pw");
        Files.writeString(pw, "from-file\r\nsecond line ignored\n");
        ConfiguredSource s = parse("[source \"a\"]\n\turl = imap://me@host/INBOX\n\tpasswordFile = " + pw + "\n")
                .get(0);
        assertEquals("from-file", ((ImapAddress) s.address(Map.of())).account().password());
        ConfiguredSource env = parse("[source \"a\"]\n\turl = imap://me@host/INBOX\n").get(0);
        assertEquals("from-env", ((ImapAddress) env.address(Map.of(ConfiguredSource.PASSWORD_ENV, "from-env")))
                .account().password());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> env.address(Map.of()));
        assertTrue(none.getMessage().contains(ConfiguredSource.PASSWORD_ENV));
    }

    @Test
    void badConfigurationsAreBadInput() {
        assertThrows(IllegalArgumentException.class, () -> parse("[source \"a\"]\n\tlist = x\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("[source \"a\"]\n\turl = /x\n\tinterval = 0\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("[source \"a\"]\n\turl = /x\n\tinterval = soon\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("[source \"a\"\n\turl = /x\n"));
    }
}
