package org.patchlane.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.patchlane.git.EpochReader;
import org.patchlane.git.InboxEntry;
import org.patchlane.git.PublicInbox;

/**
 * Reader of a public-inbox archive: every epoch in order (v2 {@code git/N.git}), or the one repository of a v1
 * inbox or a cloned lore epoch. Deletions come through as {@link RawMessage#deletion()} messages.
 *
 * <p>Cursor: one per epoch, key {@code "publicinbox:" + real path of its git directory}, position = the last
 * commit whose entries are delivered. Only one epoch is open at a time.
 */
public final class PublicInboxSource implements MailSource {
    private static final String KEY_PREFIX = "publicinbox:";

    private final List<Path> epochs;
    private final Function<String, String> positionLookup;
    private int nextEpoch;
    private EpochReader current;
    private String currentKey;
    private long bytesRead;

    private PublicInboxSource(List<Path> epochs, Function<String, String> positionLookup) {
        this.epochs = epochs;
        this.positionLookup = positionLookup;
    }

    /** Lists the epochs of the inbox at {@code dir}; each opens at its committed position when reached. */
    public static PublicInboxSource open(Path dir, Function<String, String> positionLookup) throws IOException {
        return new PublicInboxSource(PublicInbox.epochs(dir.toRealPath()), positionLookup);
    }

    /** True when {@code dir} is a public-inbox v2 inbox, a bare repository, or a cloned epoch's working tree. */
    public static boolean isInbox(Path dir) throws IOException {
        return PublicInbox.isInbox(dir);
    }

    @Override
    public RawMessage next() throws IOException {
        while (true) {
            if (current != null) {
                InboxEntry e = current.next();
                if (e != null) {
                    bytesRead += e.raw().length;
                    return new RawMessage(e.raw(), currentKey + "@" + e.commit(), new Cursor(currentKey, e.commit()),
                            null, false, e.deletion());
                }
                current.close();
                current = null;
            }
            if (nextEpoch >= epochs.size()) return null;
            Path gitDir = epochs.get(nextEpoch++);
            currentKey = KEY_PREFIX + gitDir;
            current = EpochReader.open(gitDir, positionLookup.apply(currentKey));
        }
    }

    /** Bytes of the messages delivered so far (the total is unknown without reading every commit). */
    @Override
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() {
        if (current != null) current.close();
        current = null;
    }
}
