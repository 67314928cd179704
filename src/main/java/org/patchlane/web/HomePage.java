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
 * @param examples queries worth trying
 * @param prefixes query prefix → what it searches, in the schema's order
 */
public record HomePage(Stats stats, List<HitView> newest, List<Example> examples, Map<String, String> prefixes) {
    /** Example queries, each with what it finds. */
    static final List<Example> EXAMPLES = List.of(
            new Example("kind:pull", "pull requests"),
            new Example("s:mlx5 AND kind:patch", "patches about mlx5"),
            new Example("nq:\"change-id: 20261102-aux-lifetime-3f1c2a9b7d10\"", "every version of one b4 series"),
            new Example("flag:charset OR flag:html_only OR flag:no_message_id", "mail that needed repair"),
            new Example("d:2026-11-01..2026-11-30 AND ack:*", "acked in November 2026"),
            new Example("dfn:drivers/infiniband/hw/mlx5", "diffs touching a directory"),
            new Example("rb:leon AND NOT kind:reply", "patches carrying Leon's Reviewed-by"));

    public record Example(String query, String what) {
        public String href() {
            return Links.search(query, 0);
        }
    }

    static HomePage of(Stats stats, List<HitView> newest) {
        return new HomePage(stats, newest, EXAMPLES, Schema.prefixes());
    }
}
