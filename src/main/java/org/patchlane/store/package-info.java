/**
 * Store: the Lucene archive of every raw message plus its search fields (writer {@link org.patchlane.store.Archive},
 * reader {@link org.patchlane.store.Searcher}, lore-style {@link org.patchlane.store.QuerySyntax}). The only package
 * that imports Lucene; no Lucene type appears in its public API.
 */
package org.patchlane.store;
