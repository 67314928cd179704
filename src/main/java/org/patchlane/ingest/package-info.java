/** Ingest: wires source → mail → patch → store for batches of messages and commits cursors with the documents. */
package org.patchlane.ingest;
