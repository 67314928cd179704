package org.patchlane.link;

import java.util.List;

/**
 * One direction of a series' links after the maintainers' edits: those in force, and those an edit removed.
 *
 * @param kept    the links every check uses
 * @param removed the links a maintainer removed, each with its edit
 */
record EditedLinks(List<Link> kept, List<Link> removed) {
    EditedLinks {
        kept = List.copyOf(kept);
        removed = List.copyOf(removed);
    }
}
