package org.patchlane.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;

/**
 * Changes sections of a git-config file with JGit's writer, keeping the rest of the file (other sections, comments)
 * as it was. The file is replaced atomically (JGit's lock file), keeps its permissions, and a new file is readable
 * by its owner only: it may hold password hashes.
 */
public final class ConfigEdit {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private final Path path;
    private final FileBasedConfig config;

    private ConfigEdit(Path path, FileBasedConfig config) {
        this.path = path;
        this.config = config;
    }

    /** The file's configuration, or an empty one when it does not exist yet. @throws IllegalArgumentException for bad syntax */
    public static ConfigEdit open(Path file) throws IOException {
        FileBasedConfig c = new FileBasedConfig(file.toFile(), FS.DETECTED);
        try {
            c.load();
        } catch (ConfigInvalidException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        return new ConfigEdit(file, c);
    }

    public boolean has(String section, String subsection) {
        return config.getSubsections(section).contains(subsection);
    }

    /** Replaces a section's keys by the values given (in their iteration order). */
    public void set(String section, String subsection, Map<String, String> values) {
        config.unsetSection(section, subsection);
        values.forEach((k, v) -> config.setString(section, subsection, k, v));
    }

    public void remove(String section, String subsection) {
        config.unsetSection(section, subsection);
    }

    public void save() throws IOException {
        Set<PosixFilePermission> before = Files.exists(path) ? permissions(path) : OWNER_ONLY;
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        config.save();
        if (before != null && Files.getFileAttributeView(path, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(path, before);
        }
    }

    private static Set<PosixFilePermission> permissions(Path p) throws IOException {
        return Files.getFileAttributeView(p, PosixFileAttributeView.class) == null ? null : Files.getPosixFilePermissions(p);
    }
}
