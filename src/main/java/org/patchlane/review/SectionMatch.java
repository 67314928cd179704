package org.patchlane.review;

/**
 * A section that covers a path, with how specifically.
 *
 * @param section the section
 * @param depth   its most specific rule's depth: an F: pattern's (see {@link PathPattern#depth()}), 0 for an N:
 *                expression
 */
public record SectionMatch(Section section, int depth) {
}
