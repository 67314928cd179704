package org.patchlane.cli.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What the peers share: finding a binary, its Debian package's version, a command that must work. */
final class Tools {
    private Tools() {
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    /** The installed version of a Debian package, or null (no dpkg, not a package). */
    static String packageVersion(String pkg) {
        if (!onPath("dpkg-query")) return null;
        try {
            Process p = new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", pkg).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && !out.isEmpty() ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Runs a command that must succeed; its failure names the command and the end of what it said. */
    static Measured must(List<String> command, Map<String, String> env, Path stdin) throws IOException,
            InterruptedException {
        Measured m = MeasuredProcess.run(command, env, stdin);
        if (m.exitCode() != 0) {
            throw new IOException("'" + String.join(" ", command) + "' exited " + m.exitCode() + ": "
                    + lastLine(m.err().isBlank() ? m.out() : m.err()));
        }
        return m;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    /** {@link Trees#size}, 0 when the tree cannot be read. */
    static long sizeQuietly(Path tree) {
        try {
            return Trees.size(tree);
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
