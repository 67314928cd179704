package org.patchlane.digest;

/** One ISO week's figures, for the comparisons and the charts. */
public record WeekFigures(String week, Figures figures) {
}
