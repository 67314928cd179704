package org.patchlane.link;

import java.util.List;

import org.patchlane.thread.Series;

/**
 * A series with what it needs and what needs it, strongest link first.
 *
 * @param series               the series asked about
 * @param prerequisites        series it depends on (a maintainer's added links among them, kind
 *                             {@link LinkKind#MANUAL})
 * @param users                series that depend on it
 * @param removedPrerequisites links a maintainer removed, each with its {@link Link#edit}: in no check, shown so that
 *                             nobody wonders where a link went
 * @param removedUsers         the same for its users
 */
public record Links(Series series, List<Link> prerequisites, List<Link> users, List<Link> removedPrerequisites,
                    List<Link> removedUsers) {
    public Links {
        prerequisites = List.copyOf(prerequisites);
        users = List.copyOf(users);
        removedPrerequisites = List.copyOf(removedPrerequisites);
        removedUsers = List.copyOf(removedUsers);
    }

    /**
     * True when a prerequisite link to this series is in force or was removed: what a {@code link remove} may
     * name (removing a removed link again only records the new reason).
     */
    public boolean names(Series prerequisite) {
        return prerequisites.stream().anyMatch(l -> l.other().id().equals(prerequisite.id()))
                || removedPrerequisites.stream().anyMatch(l -> l.other().id().equals(prerequisite.id()));
    }

    /** Links nobody edited away. */
    public Links(Series series, List<Link> prerequisites, List<Link> users) {
        this(series, prerequisites, users, List.of(), List.of());
    }
}
