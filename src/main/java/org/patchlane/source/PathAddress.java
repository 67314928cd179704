package org.patchlane.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A file or directory read by {@link Sources#open}. Its cursors are keyed {@code "kind:" + real path} of the
 * path itself or of a file, Maildir or epoch inside it.
 */
public record PathAddress(Path path) implements SourceAddress {
    @Override
    public MailSource open(Function<String, String> positionLookup) throws IOException {
        return Sources.open(path, positionLookup);
    }

    @Override
    public String display() {
        return path.toAbsolutePath().normalize().toString();
    }

    @Override
    public boolean owns(String cursorKey) {
        int colon = cursorKey.indexOf(':');
        if (colon < 0) return false;
        String where = cursorKey.substring(colon + 1);
        String root = real();
        return where.equals(root) || where.startsWith(root.endsWith("/") ? root : root + "/");
    }

    /** The real path when it exists (cursor keys use it), else the absolute one. */
    private String real() {
        try {
            return path.toRealPath().toString();
        } catch (IOException e) {
            return display();
        }
    }
}
