package org.patchlane.cli.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The directory trees the benchmarks measure and empty: an index's size, a run's data directory removed. */
public final class Trees {
    private Trees() {
    }

    /** The bytes of the regular files under {@code tree}; 0 when there is none. */
    public static long size(Path tree) throws IOException {
        if (!Files.exists(tree)) return 0;
        try (Stream<Path> files = Files.walk(tree)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** Deletes a directory tree, when there is one. */
    public static void delete(Path tree) throws IOException {
        if (!Files.exists(tree)) return;
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }
}
