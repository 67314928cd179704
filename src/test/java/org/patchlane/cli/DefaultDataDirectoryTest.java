package org.patchlane.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The data directory when {@code --data} is not given, and the launcher that tells the JVM where it lives. */
class DefaultDataDirectoryTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "/srv/archive|/opt/patchlane|/srv/archive",
            "rel/archive|/opt/patchlane|rel/archive",
            "' '|/opt/patchlane|/opt/patchlane/index",
            "-|/opt/patchlane|/opt/patchlane/index",
            "-|-|index",
            "-|''|index"})
    void environmentThenLauncherThenCurrentDirectory(String env, String home, String expected) {
        Map<String, String> environment = new HashMap<>();
        if (env != null) environment.put(DefaultDataDirectory.ENV, env);
        assertEquals(Path.of(expected), DefaultDataDirectory.of(environment, home));
    }

    @Test
    void helpNamesTheDefault() {
        CliRun r = CliRun.of("search", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("$PATCHLANE_DATA, else index/ beside the patchlane"), r.out());
    }

    /** Runs a copy of the launcher with a stand-in {@code java} that prints its arguments. */
    @Test
    void launcherPassesItsOwnDirectory(@TempDir Path tmp) throws IOException, InterruptedException {
        Path home = Files.createDirectories(tmp.resolve("install"));
        Path launcher = home.resolve("patchlane");
        Files.copy(Path.of("patchlane"), launcher);
        Files.createDirectories(home.resolve("target"));
        Files.writeString(home.resolve("target/patchlane.jar"), "");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));

        ProcessBuilder pb = new ProcessBuilder("bash", launcher.toString(), "stats").directory(elsewhere.toFile())
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        List<String> args = out.lines().toList();
        assertTrue(args.contains("-D" + DefaultDataDirectory.HOME_PROPERTY + "=" + home.toRealPath()), out);
        assertEquals(List.of("-jar", home.toRealPath().resolve("target/patchlane.jar").toString(), "stats"),
                args.subList(args.size() - 3, args.size()), out);
    }
}
