package org.patchlane.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;

/**
 * A configuration file in git-config syntax ({@code patchlane.conf}, DESIGN §11), read with JGit's parser so that
 * quoting, comments and continuation lines behave as in git. Read-only.
 */
public final class ConfigFile {
    private final Config config;
    private final Path path;

    private ConfigFile(Config config, Path path) {
        this.config = config;
        this.path = path;
    }

    /** No file: every setting takes its default. */
    public static ConfigFile empty() {
        return new ConfigFile(new Config(), null);
    }

    /** @throws IllegalArgumentException when the file is not valid git-config syntax */
    public static ConfigFile read(Path file) throws IOException {
        Config c = new Config();
        try {
            c.fromText(Files.readString(file, StandardCharsets.UTF_8));
        } catch (ConfigInvalidException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        return new ConfigFile(c, file);
    }

    /** The file read, or null for {@link #empty()}. */
    public Path path() {
        return path;
    }

    /** The subsection names of a section, sorted: {@code [source "a"]} and {@code [source "b"]} give a, b. */
    public Set<String> subsections(String section) {
        return new TreeSet<>(config.getSubsections(section));
    }

    /** A value (the last one when repeated), or null when unset. */
    public String string(String section, String subsection, String name) {
        return config.getString(section, subsection, name);
    }

    /** Every value of a repeatable key in file order ({@code path = a}, {@code path = b}); empty when unset. */
    public List<String> strings(String section, String subsection, String name) {
        return List.of(config.getStringList(section, subsection, name));
    }

    /** A git boolean (true/yes/on/1, false/no/off/0). @throws IllegalArgumentException for anything else */
    public boolean bool(String section, String subsection, String name, boolean otherwise) {
        return config.getBoolean(section, subsection, name, otherwise);
    }

    /** A whole number (git's k/m/g suffixes allowed). @throws IllegalArgumentException for anything else */
    public long number(String section, String subsection, String name, long otherwise) {
        return config.getLong(section, subsection, name, otherwise);
    }
}
