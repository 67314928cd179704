package org.patchlane.store;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.patchlane.thread.Series;

/**
 * Where {@link LinkIndex} finds documents by key: term queries over the index ({@link IndexedFacts}, cheap for one
 * series), or the whole archive's keys held in memory ({@link FactsSnapshot}, for calls about every series). Both
 * answer alike: documents in index order, at most {@link LinkIndex#MAX_HITS}, deleted ones never.
 */
interface FactsSource {
    /** The link facts of the covers and patches that hold any of {@code keys} in any of {@code fields}. */
    List<LinkFacts> facts(List<Schema.Field> fields, Set<String> keys) throws IOException;

    /** The series documents that hold any of {@code keys} in {@code field}. */
    List<Series> series(Schema.Field field, Set<String> keys) throws IOException;

    /** See {@link LinkIndex#remembered}. */
    <T> T remembered(String stamp, String key, LinkIndex.Computation<T> compute) throws IOException;

    /** See {@link LinkIndex#inMemory}. */
    boolean inMemory();
}
