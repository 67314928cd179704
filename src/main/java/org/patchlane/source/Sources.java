package org.patchlane.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Function;

/** Opens the right {@link MailSource} for a path, deciding by content, not by name. */
public final class Sources {
    private Sources() {
    }

    /**
     * Opens {@code path} as a mail source:
     * <ul>
     *   <li>a file starting (after blank lines) with {@code "From "}: {@link MboxSource};</li>
     *   <li>a file with the gzip magic {@code 1f 8b}: decided the same way on its decompressed content;</li>
     *   <li>a file starting with a header line: {@link MessageFileSource};</li>
     *   <li>an empty or whitespace-only file: an {@link MboxSource} that yields nothing;</li>
     *   <li>a public-inbox (v2 inbox, bare repository, cloned epoch): {@link PublicInboxSource};</li>
     *   <li>a Maildir with nothing else in it: {@link MaildirSource};</li>
     *   <li>any other directory: {@link DirectorySource}, walked recursively.</li>
     * </ul>
     *
     * @param positionLookup source key to committed position (returns null when none; the function itself must
     *                       not be null); asked once per source, when that source is opened
     * @throws SourceException when the path is missing, unreadable, or a file that does not look like mail
     */
    public static MailSource open(Path path, Function<String, String> positionLookup) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new SourceException(path, SourceException.Reason.MISSING, "no such file or directory", e);
        } catch (AccessDeniedException e) {
            throw new SourceException(path, SourceException.Reason.UNREADABLE, "permission denied", e);
        }
        if (!Files.isReadable(path)) {
            throw new SourceException(path, SourceException.Reason.UNREADABLE, "permission denied");
        }
        try {
            if (attrs.isDirectory()) {
                return openDirectory(path, positionLookup);
            }
            if (!attrs.isRegularFile()) {
                throw new SourceException(path, SourceException.Reason.NOT_MAIL, "not a regular file or directory");
            }
            return openFile(path, positionLookup);
        } catch (AccessDeniedException e) {
            throw new SourceException(path, SourceException.Reason.UNREADABLE, "permission denied", e);
        }
    }

    /** True when the file starts with the gzip magic bytes {@code 1f 8b}. */
    public static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return isGzip(in.readNBytes(2));
        }
    }

    static boolean isGzip(byte[] head) {
        return head.length >= 2 && head[0] == (byte) 0x1f && head[1] == (byte) 0x8b;
    }

    private static MailSource openFile(Path file, Function<String, String> positionLookup) throws IOException {
        MailFormat format = MailFormat.of(file);
        switch (format) {
            case MBOX:
            case EMPTY:
                return MboxSource.open(file, positionLookup.apply(MboxSource.sourceKey(file)));
            case MESSAGE:
                return MessageFileSource.open(file, positionLookup.apply(MessageFileSource.sourceKey(file)));
            default:
                throw new SourceException(file, SourceException.Reason.NOT_MAIL,
                        "not mail: the first line is neither a header nor an mbox From line");
        }
    }

    private static MailSource openDirectory(Path dir, Function<String, String> positionLookup) throws IOException {
        if (PublicInboxSource.isInbox(dir)) {
            return PublicInboxSource.open(dir, positionLookup);
        }
        if (MaildirSource.isMaildir(dir) && onlyMaildirParts(dir)) {
            return MaildirSource.open(dir, positionLookup.apply(MaildirSource.sourceKey(dir)));
        }
        return DirectorySource.open(dir, positionLookup);
    }

    private static boolean onlyMaildirParts(Path dir) throws IOException {
        try (var children = Files.newDirectoryStream(dir)) {
            for (Path c : children) {
                String name = c.getFileName().toString();
                if (!name.startsWith(".") && !name.equals("cur") && !name.equals("new") && !name.equals("tmp")) {
                    return false;
                }
            }
        }
        return true;
    }
}
