/**
 * Reports: the JSON-ready views (fields listed in {@code docs/json.md}), shared by the CLI's {@code --json} output and the web API so
 * the two can never drift apart.
 */
package org.patchlane.report;
