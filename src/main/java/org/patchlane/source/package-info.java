/**
 * Sources: yield raw message bytes from mbox (plain or gzip), Maildir, single message files and directory trees,
 * each with a resumable cursor. The leftmost pipeline stage: imports nothing else of Patchlane.
 * Entry point: {@link org.patchlane.source.Sources#open}.
 */
package org.patchlane.source;
