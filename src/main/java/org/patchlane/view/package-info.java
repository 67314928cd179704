/**
 * Presentation that more than one writer shares and that knows no domain: counts in words ({@link
 * org.patchlane.view.Plural}) and bar-chart layouts ({@link org.patchlane.view.BarChart}), for the digest, the
 * status page and the CLI alike. It sits before {@code digest} in the pipeline so the digest's writers and the JSON
 * views of {@code report} can both use it.
 */
package org.patchlane.view;
