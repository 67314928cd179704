package org.patchlane.thread;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps series current as mail arrives: finds the groups of stored posts related to new ones ({@link Relatives}),
 * recomputes each group's series from scratch ({@link SeriesFinder}) and hands them to the store. Only touched groups
 * are recomputed; the result does not depend on arrival order.
 */
public final class SeriesUpdate {
    private SeriesUpdate() {
    }

    /**
     * @param seeds  posts just stored or deleted (the store's state visible to {@code lookup})
     * @return the Message-IDs whose series were recomputed
     */
    public static Set<String> apply(Collection<Post> seeds, PostLookup lookup, SeriesSink sink) throws IOException {
        Set<String> done = new LinkedHashSet<>();
        Iterator<Post> next = seeds.iterator();
        List<Post> chunk = new ArrayList<>();
        while (next.hasNext()) {
            // A seed an earlier chunk's groups hold is done: its group is whole, whichever seed reached it. One chunk's
            // groups at a time also bounds the posts held (a whole threading run's were 80,000 at a time).
            while (chunk.size() < Relatives.SEEDS_PER_SEARCH && next.hasNext()) {
                Post p = next.next();
                if (!done.contains(p.messageId())) chunk.add(p);
            }
            List<List<Post>> groups = Relatives.groups(chunk, lookup);
            // Groups are independent and recomputed from scratch, so their series are found on every core (one
            // thread doing it held a million-message ingest back), then written in group order.
            List<List<Series>> series = groups.parallelStream().map(SeriesFinder::find).toList();
            for (int i = 0; i < groups.size(); i++) {
                Set<String> ids = new LinkedHashSet<>();
                groups.get(i).forEach(p -> ids.add(p.messageId()));
                sink.replace(ids, series.get(i));
                done.addAll(ids);
            }
            chunk.clear();
        }
        // A seed no group holds was deleted: whatever series still names it alone goes.
        Set<String> gone = new LinkedHashSet<>();
        for (Post p : seeds) if (!done.contains(p.messageId())) gone.add(p.messageId());
        if (!gone.isEmpty()) sink.replace(gone, List.of());
        return done;
    }
}
