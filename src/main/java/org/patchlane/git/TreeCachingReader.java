package org.patchlane.git;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * An object reader that keeps the trees it read, most recently used first, up to a byte budget. Walking a history
 * commit after commit reads each tree twice (as a commit's tree, then as its child's parent tree) and the
 * directories a commit did not touch again and again; JGit caches no loose object and inflates a packed tree each
 * time, so keeping them halves the work of diffing commits in a row. One per thread, as any object reader.
 */
final class TreeCachingReader extends ObjectReader.Filter {
    private static final long BUDGET = 16L << 20;
    private final ObjectReader delegate;
    private final Map<ObjectId, byte[]> trees = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;

    TreeCachingReader(ObjectReader delegate) {
        this.delegate = delegate;
    }

    @Override
    protected ObjectReader delegate() {
        return delegate;
    }

    @Override
    public ObjectReader newReader() {
        return new TreeCachingReader(delegate.newReader());
    }

    @Override
    public ObjectLoader open(AnyObjectId id, int typeHint)
            throws MissingObjectException, IncorrectObjectTypeException, IOException {
        if (typeHint != Constants.OBJ_TREE) return delegate.open(id, typeHint);
        byte[] raw = trees.get(id);
        if (raw == null) {
            ObjectLoader l = delegate.open(id, typeHint);
            if (l.isLarge()) return l;
            raw = l.getCachedBytes();
            keep(id.copy(), raw);
        }
        return new ObjectLoader.SmallObject(Constants.OBJ_TREE, raw);
    }

    private void keep(ObjectId id, byte[] raw) {
        trees.put(id, raw);
        bytes += raw.length;
        var it = trees.values().iterator();
        while (bytes > BUDGET && it.hasNext()) {
            bytes -= it.next().length;
            it.remove();
        }
    }
}
