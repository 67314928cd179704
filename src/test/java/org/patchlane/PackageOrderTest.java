package org.patchlane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Data flows one way: a package uses only packages to its left in the pipeline ({@code package-info.java} of
 * each; {@code git}, the one door to JGit, first, since every stage may read a repository and it reads none of
 * them). Read from the sources, imports and fully qualified names both, so a shortcut cannot hide.
 */
class PackageOrderTest {
    /** The pipeline, left to right. */
    static final List<String> ORDER = List.of("git", "source", "mail", "patch", "review", "thread", "store",
            "ingest", "link", "pull", "view", "digest", "report", "web", "cli");
    /** Used by the benchmark command alone, and using nothing of the pipeline. */
    static final List<String> APART = List.of("bench");
    private static final Pattern USE = Pattern.compile("\\borg\\.patchlane\\.([a-z]+)\\.");
    private static final Path MAIN = Path.of("src/main/java/org/patchlane");

    @Test
    void everyPackageUsesOnlyWhatIsLeftOfIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(f).getName(0).toString();
                if (f.getParent().equals(MAIN)) continue;
                seen.add(pkg);
                Matcher m = USE.matcher(Files.readString(f));
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(pkg) && !allowed(pkg, used)) wrong.add(MAIN.relativize(f) + " uses " + used);
                }
            }
        }
        TreeSet<String> known = new TreeSet<>(ORDER);
        known.addAll(APART);
        assertEquals(known, seen, "every package has its place in the order");
        assertTrue(wrong.isEmpty(), String.join("\n", new TreeSet<>(wrong)));
    }

    private static boolean allowed(String pkg, String used) {
        if (pkg.equals("cli")) return true; // the right end: it wires every stage, the benchmarks included
        if (APART.contains(pkg) || APART.contains(used)) return false;
        int from = ORDER.indexOf(pkg), to = ORDER.indexOf(used);
        return to >= 0 && to < from;
    }
}
