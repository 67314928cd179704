package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchlane.git.ConfigFile;
import org.patchlane.review.Policy;

/** {@code demo} installs its review policy (MAINTAINERS and patchlane.conf) beside the archive it ingests. */
class DemoPolicyTest {
    @TempDir
    Path dir;

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = DemoPolicyTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void demoWritesMaintainersAndAConfigurationThatReadsBack() throws Exception {
        Path data = CliRun.demo(dir);
        assertArrayEquals(resource(DemoCommand.MAINTAINERS), Files.readAllBytes(data.resolve("MAINTAINERS")));
        Path conf = data.resolve("patchlane.conf");
        String text = Files.readString(conf, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("# "), "a comment says where it came from: " + text);
        assertTrue(text.contains("[maintainers]\n\tfile = MAINTAINERS\n[together]\n\twindow = 7d\n"), text);

        ConfigFile config = ConfigFile.read(conf);
        assertEquals("MAINTAINERS", config.string("maintainers", null, "file"));
        assertEquals("7d", config.string("together", null, "window"));
        assertEquals(Set.of(), config.subsections("source"), "no source to watch");
        // Its maintainer logs in with the password the README gives: a server reads the file as it is.
        assertEquals(Set.of("leon"), config.subsections("user"));
        assertTrue(org.patchlane.web.Passwords.matches(DemoCommand.DEMO_PASSWORD,
                config.string("user", "leon", "passwordHash")));
        assertTrue(text.contains("log in as leon / patchlane-demo"), text);

        Policy policy = Policy.load(config, null);
        assertEquals(Duration.ofDays(7), policy.window());
        assertEquals(9, policy.maintainers().sections().size(), "every section of the demo's MAINTAINERS");
        assertEquals("AUXILIARY BUS DRIVER", policy.maintainers().matches("drivers/base/auxiliary.c").get(0)
                .section().name());
    }

    @Test
    void filesAlreadyThereAreKept() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("patchlane.conf"), "[together]\n\twindow = 2w\n");
        Files.writeString(data.resolve("MAINTAINERS"), "mine\n");
        assertEquals(0, CliRun.of("demo", "--no-serve", "--data", data.toString()).code());
        assertEquals("[together]\n\twindow = 2w\n", Files.readString(data.resolve("patchlane.conf")));
        assertEquals("mine\n", Files.readString(data.resolve("MAINTAINERS")));
    }

    @Test
    void onlyAnIngestingDemoWritesThem() throws Exception {
        Path data = CliRun.demo(dir);
        Files.delete(data.resolve("patchlane.conf"));
        Files.delete(data.resolve("MAINTAINERS"));
        CliRun again = CliRun.of("demo", "--no-serve", "--data", data.toString());
        assertEquals(0, again.code(), again.err());
        assertFalse(Files.exists(data.resolve("patchlane.conf")), "the archive held mail: the demo did nothing");
        assertFalse(Files.exists(data.resolve("MAINTAINERS")));
    }

    @Test
    void helpSaysSo() {
        CliRun help = CliRun.of("demo", "--help");
        assertEquals(0, help.code(), help.err());
        String out = help.out().replaceAll("\\s+", " ");
        assertTrue(out.contains("DATA/MAINTAINERS"), out);
        assertTrue(out.contains("DATA/patchlane.conf"), out);
        assertTrue(out.contains("[together] window = 7d"), out);
    }
}
