package org.patchlane.thread;

import java.io.IOException;
import java.util.Collection;
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
        if (seeds.isEmpty()) return done;
        for (List<Post> group : Relatives.groups(seeds, lookup)) {
            Set<String> ids = new LinkedHashSet<>();
            group.forEach(p -> ids.add(p.messageId()));
            sink.replace(ids, SeriesFinder.find(group));
            done.addAll(ids);
        }
        // A seed no group holds was deleted: whatever series still names it alone goes.
        Set<String> gone = new LinkedHashSet<>();
        for (Post p : seeds) if (!done.contains(p.messageId())) gone.add(p.messageId());
        if (!gone.isEmpty()) sink.replace(gone, List.of());
        return done;
    }
}
