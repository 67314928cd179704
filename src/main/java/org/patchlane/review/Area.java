package org.patchlane.review;

/**
 * A part of the tree with one kind and its own people: an {@code [area]} of the configuration, or a MAINTAINERS
 * section. Immutable.
 *
 * @param name     the {@code [area "NAME"]} name or the section's title
 * @param kind     what it is for review
 * @param origin   where it was defined
 * @param contacts its own people (an {@code [area]}'s {@code maintainer =} lines; a section's M:, R:, L:)
 */
public record Area(String name, AreaKind kind, Origin origin, Contacts contacts) {
    /** Where an area was defined. */
    public enum Origin { CONFIGURATION, MAINTAINERS }
}
