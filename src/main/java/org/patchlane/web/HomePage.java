package org.patchlane.web;

import java.util.List;
import java.util.Map;

import org.patchlane.store.Schema;
import org.patchlane.store.Stats;

/**
 * The front page: what Patchlane is, example queries, archive counts, the newest messages, the query prefixes.
 *
 * @param stats    archive counts
 * @param newest   the newest messages
 * @param examples queries worth trying: {@link ExampleQuery#ALL}, which a test runs against the demo
 * @param prefixes query prefix → what it searches, in the schema's order
 */
public record HomePage(Stats stats, List<HitView> newest, List<ExampleQuery> examples, Map<String, String> prefixes) {
    static HomePage of(Stats stats, List<HitView> newest) {
        return new HomePage(stats, newest, ExampleQuery.ALL, Schema.prefixes());
    }

    /** The search box's placeholder: the first example that searches messages. */
    public String placeholder() {
        return examples.stream().filter(e -> e.target() == ExampleQuery.Target.MESSAGES).map(ExampleQuery::query)
                .findFirst().orElse("");
    }
}
