package org.patchlane.digest;

/**
 * The series a digest line is about, as every writer links it ({@code /series/{id}} on the web, a footnote in text).
 *
 * @param id      the series id
 * @param title   its latest title
 * @param version the version label the line is about (the latest when the line is about the whole series)
 * @param state   its effective review state's JSON name ({@code under-review} ...)
 */
public record SeriesRef(String id, String title, String version, String state) {
}
