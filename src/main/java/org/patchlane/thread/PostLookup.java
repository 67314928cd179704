package org.patchlane.thread;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

/** What threading needs from the store: the posts stored under any of some {@link LinkKeys} keys. */
public interface PostLookup {
    /** Every stored post holding at least one of these keys (duplicates of one Message-ID included). */
    List<Post> byKeys(Collection<String> keys) throws IOException;
}
