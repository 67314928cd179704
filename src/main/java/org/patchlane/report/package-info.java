/**
 * Reports: the JSON-ready views of DESIGN.md §14, shared by the CLI's {@code --json} output and the web API so
 * the two can never drift apart.
 */
package org.patchlane.report;
